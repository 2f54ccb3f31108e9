"""``argmap lint`` lists open critical questions (AL110); ``argmap schemes`` shows the
catalogue in text, JSON and Markdown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis import lint
from argmap.cli import main
from argmap.examples import soviet_socialism
from argmap.schemes import catalogue, find_scheme

from .maps import expert_map

MAP = str(Path(__file__).parents[2] / "data" / "claims.json")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lint_finds_open_questions_on_the_reference_map() -> None:
    m = soviet_socialism()
    with_schemes = [link.id for link in m.links if find_scheme(link.scheme)]
    assert len(with_schemes) >= 25  # the map's schemes are catalogue ids
    findings = [f for f in lint(m) if f.code == "AL110"]
    assert [f.target for f in findings] == with_schemes
    assert all(f.severity == "info" for f in findings)
    first = findings[0]
    assert first.target == "s-getting-by-solidarity"
    assert first.message.startswith("6 of 6 critical questions of sign open")
    assert "ask first cq1: Is A really present here" in first.message


def test_answering_closes_questions_in_lint() -> None:
    m = expert_map()
    (f,) = lint(m, select=["AL110"])
    assert f.message.startswith("7 of 7") and "undercut: cq4, cq5" in f.message
    m.answer_question("s1", "cq4", by="u1")
    (f,) = lint(m, select=["open-critical-question"])
    assert f.message.startswith("6 of 7") and "undercut: cq5;" in f.message
    for q in ("cq1", "cq2", "cq3", "cq5", "cq6", "cq7"):
        m.answer_question("s1", q, by="a1")
    assert lint(m, select=["AL110"]) == []


def test_lint_cli_reports_but_does_not_fail_on_open_questions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "lint", MAP, "--select", "AL110", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found and {f["code"] for f in found} == {"AL110"}
    code, _, _ = run(capsys, "lint", MAP, "--select", "AL110", "--fail-on", "info")
    assert code == 1


def test_schemes_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schemes")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["ID", "GROUP"]
    ids = [line.split()[0] for line in lines[1 : 1 + len(catalogue())]]
    assert ids == catalogue().ids
    assert f"{len(catalogue())} schemes" in out
    code, out, _ = run(capsys, "schemes", "--group", "action", "--format", "json")
    listed = json.loads(out)
    assert {s["group"] for s in listed} == {"action"} and len(listed) >= 8


def test_one_scheme_as_json_has_the_issue_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schemes", "expert-opinion", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "expert-opinion"
    assert {"id", "name", "aliases", "premises", "conclusion", "critical_questions"} <= set(data)
    assert [q["kind"] for q in data["critical_questions"]].count("undercut") >= 2
    assert all({"id", "text", "kind"} <= set(q) for q in data["critical_questions"])
    _, by_alias, _ = run(capsys, "schemes", "Argument From Expert Opinion", "--format", "json")
    assert json.loads(by_alias) == data


def test_one_scheme_as_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = run(capsys, "schemes", "sign")
    assert text.startswith("sign: Argument from sign\n")
    assert "  cq3 [undercut] Are there events other than B" in text
    assert "  observation: A is observed in this situation." in text
    assert "Argument From Sign (araucaria)" in text and "Walton, Chris Reed" in text
    _, md, _ = run(capsys, "schemes", "sign", "--format", "md")
    assert md.startswith("## Argument from sign (`sign`)\n")
    assert "| cq1 | premise (observation) | Is A really present here, on a careful look? |" in md
    _, table, _ = run(capsys, "schemes", "--format", "md")
    assert table.count("\n| `") == len(catalogue())


def test_unknown_scheme_exits_1_with_a_did_you_mean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "schemes", "slipery-slope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "did you mean 'slippery-slope'?" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "schemes", "--format", "yaml")
    assert code == 2 and "invalid choice" in err
