"""The lint rules as objects: one registry read by lint, the CLI and the docs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap import ArgumentMap
from argmap.analysis import lint
from argmap.analysis.lint_rules import RULES, Check, rule, rules_table
from argmap.analysis.quality import select_rules
from argmap.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"


def test_the_docs_table_is_the_registry() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("| code | name | severity | fires on | fix |")
    table = text[start : text.index("\n\n", start) + 1]
    assert table == rules_table(), (
        "docs/analysis.md's lint table is out of date: paste "
        "argmap.analysis.lint_rules.rules_table() there"
    )
    # Every rule is a row, with its code, name and severity in that order.
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    assert [(r[0].lstrip("| "), r[1], r[2]) for r in rows] == [
        (x.code, x.name, x.severity) for x in RULES.values()
    ]


def test_every_rule_says_what_it_is_and_how_to_fix_it() -> None:
    assert list(RULES) == sorted(RULES)
    assert len({r.name for r in RULES.values()}) == len(RULES)
    for code, r in RULES.items():
        assert r.code == code and re.fullmatch(r"AL\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name)
        assert r.severity in ("error", "warning", "info")
        for text in (r.summary, r.explanation, r.fix):
            assert text.strip() and "|" not in text  # a cell of the Markdown table


def test_a_finding_carries_its_rules_fix() -> None:
    m = ArgumentMap()
    m.claim("stray", "An unrelated remark.")
    (f,) = lint(m)
    assert f.code == "AL101" and f.fix == RULES["AL101"].fix
    assert f.severity == "warning"


def test_registering_a_code_or_name_twice_fails() -> None:
    with pytest.raises(ValueError, match="AL101"):
        rule("AL101", "other", "info", summary="s", explanation="e", fix="f")(_never)
    with pytest.raises(ValueError, match="isolated-claim"):
        rule("AL199", "isolated-claim", "info", summary="s", explanation="e", fix="f")(_never)
    assert "AL199" not in RULES


def _never(m: ArgumentMap, texts: object) -> Check:
    return iter(())


@pytest.fixture
def extra_rule() -> Iterator[str]:
    """A rule added for one test, as a contributor adds one: one decorated function."""
    saved = dict(RULES)

    @rule(
        "AL100",
        "short-text",
        "warning",
        summary="claim of fewer than three words",
        explanation="a claim of fewer than three words",
        fix="say the whole claim",
    )
    def _short(m: ArgumentMap, _: object) -> Check:
        for c in m.claims:
            if len(c.text.split()) < 3:
                yield c.id, "claim has fewer than three words"

    try:
        yield "AL100"
    finally:
        RULES.clear()
        RULES.update(saved)


def test_a_new_rule_reaches_lint_the_cli_and_the_table(
    extra_rule: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert next(iter(RULES)) == extra_rule  # in code order, before AL101
    assert f"| {extra_rule} | short-text | warning |" in rules_table()
    m = ArgumentMap()
    m.claim("a", "Too short.")
    m.claim("b", "This one says enough words.")
    m.support("b", "a")
    assert [(f.code, f.target) for f in lint(m)] == [("AL100", "a")]
    path = tmp_path / "m.json"
    m.dump(path)
    assert main(["lint", str(path), "--select", "short-text", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["name"], f["target"]) for f in found] == [("AL100", "short-text", "a")]
    assert main(["lint", "--help"]) == 0
    assert "AL100 short-text (warning)" in capsys.readouterr().out


def test_select_and_ignore_read_the_registry() -> None:
    assert [r.code for r in select_rules()] == list(RULES)
    assert [r.code for r in select_rules(["open-critical-question", "AL103"])] == [
        "AL103",
        "AL110",
    ]
    assert select_rules(ignore=["AL1"]) == []


def test_cli_names_the_known_rules_for_an_unknown_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.json"
    ArgumentMap().dump(path)
    assert main(["lint", str(path), "--ignore", "isolated-claims"]) == 2
    err = capsys.readouterr().err
    assert "did you mean 'isolated-claim'?" in err
    assert all(f"{r.code} ({r.name})" in err for r in RULES.values())
    assert "Traceback" not in err
