"""The analyze, lint and af commands end to end (in-process through argmap.cli.main)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from tests.conftest import DATA

MAP = str(DATA / "claims.json")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_text_json_md(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", MAP)
    assert code == 0 and "defeasible support" in out.splitlines()[0]
    assert "30 accepted, 1 rejected, 0 undecided" in out
    code, out, _ = run(capsys, "analyze", MAP, "--support", "deductive")
    assert code == 0 and "23 accepted, 8 rejected, 0 undecided" in out
    assert "rejecting a conclusion rejects its single reason" in out
    code, out, _ = run(capsys, "analyze", MAP, "--support", "attack-only", "--format", "json")
    data = json.loads(out)
    assert data["support"] == "attack-only"
    assert data["claims"]["pos-failed-solidarity"] == "rejected"
    assert data["reading"] == "support links are ignored; only attacks count"
    code, out, _ = run(capsys, "analyze", MAP, "--strength", "qe", "--format", "md")
    assert out.startswith("**grounded semantics")
    assert "| `pos-state-capitalism` | accepted |" in out
    assert not any(word in out.split() for word in ("IN", "OUT", "UNDEC"))


def test_analyze_markdown_escapes_claim_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {
        "format": "argmap/1",
        "claims": [{"id": "x", "text": "<script>alert(1)</script> a | b\nc"}],
        "links": [],
    }
    f = tmp_path / "m.json"
    f.write_text(json.dumps(doc))
    code, out, _ = run(capsys, "analyze", str(f), "--format", "md")
    assert code == 0
    assert "| `x` | accepted | &lt;script&gt;alert(1)&lt;/script&gt; a \\| b c |" in out


def test_analyze_markdown_table_shows_inline_syntax_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Until issue 20 the table cell escaped only HTML and pipes: "_x_" became emphasis.
    from markdown_it import MarkdownIt

    text = "_under_ *star* [link](http://x) `code` ~~gone~~ back\\slash"
    doc = {"format": "argmap/1", "claims": [{"id": "x", "text": text}], "links": []}
    f = tmp_path / "m.json"
    f.write_text(json.dumps(doc))
    code, out, _ = run(capsys, "analyze", str(f), "--format", "md")
    assert code == 0
    rendered = MarkdownIt("commonmark").enable("table").render(out)
    cell = rendered.split("<td>")[3].split("</td>")[0]
    assert cell == text.replace("&", "&amp;")


def test_analyze_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", MAP, "--stats")
    assert code == 0 and "pos-failed-solidarity: 11 claims, 9 supports, 1 attacks" in out
    code, out, _ = run(capsys, "analyze", MAP, "--stats", "--format", "json")
    data = json.loads(out)
    assert data["statistics"]["contested"][0]["id"] == "pos-failed-solidarity"


def test_analyze_writes_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "analysis.md"
    code, out, _ = run(capsys, "analyze", MAP, "--format", "md", "-o", str(target))
    assert code == 0 and out == ""
    first = target.read_bytes()
    assert b"| `pos-state-capitalism` | accepted |" in first
    run(capsys, "analyze", MAP, "--format", "md", "-o", str(target))
    assert target.read_bytes() == first  # deterministic


def test_analyze_explain_and_unknown_claim(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", MAP, "--explain", "e-getting-by")
    assert code == 0 and out.startswith("'Survival, side deals, theft' is accepted")
    assert "pos-state-capitalism" not in out  # the explanation only, not the whole table
    code, out, _ = run(
        capsys, "analyze", MAP, "--explain", "e-getting-by", "--support", "deductive"
    )
    assert "'Survival, side deals, theft' is rejected" in out and "deductive support" in out
    code, _, err = run(capsys, "analyze", MAP, "--explain", "nope")
    assert code == 1 and "no claim 'nope'" in err
    code, _, err = run(capsys, "analyse", MAP, "--explain", "e-getting-bye")
    assert code == 1 and "did you mean 'e-getting-by'?" in err


def test_lint_reference_map_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", MAP, "--format", "json")
    assert code == 0
    # Open critical questions (AL110, info) are what the article leaves open: tests/schemes.
    assert all(f["acknowledged"] for f in json.loads(out) if f["code"] != "AL110")


def test_lint_fails_on_open_findings_and_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {
        "format": "argmap/1",
        "claims": [
            {"id": "p", "text": "Position.", "kind": "position"},
            {"id": "x", "text": "Stray."},
        ],
        "links": [],
    }
    f = tmp_path / "m.json"
    f.write_text(json.dumps(doc))
    code, out, err = run(capsys, "lint", str(f))
    assert code == 1 and "AL101 isolated-claim" in out and "AL102" in out
    assert "m.json: 3 findings, 3 not acknowledged" in err
    code, out, err = run(capsys, "lint", str(f), "--select", "AL102")
    assert code == 1 and "AL101" not in out
    assert "m.json: 1 finding, 1 not acknowledged" in err
    code, out, _ = run(capsys, "lint", str(f), "--ignore", "AL1")
    assert code == 0 and out == ""
    code, _, _ = run(capsys, "lint", str(f), "--fail-on", "error")
    assert code == 0


AF = "p af 4\n# a comment\n1 2\n2 1\n2 3\n3 4\n"


@pytest.fixture
def af_file(tmp_path: Path) -> str:
    path = tmp_path / "x.af"
    path.write_text(AF)
    return str(path)


@pytest.mark.parametrize(
    ("problem", "arg", "expected"),
    [
        ("SE-GR", None, "w"),
        ("SE-ST", None, "w 1 3"),
        ("DC-PR", "4", "YES"),
        ("DS-PR", "4", "NO"),
        ("DS-ST", "2", "NO"),
        ("DC-CO", "2", "YES"),
        ("DS-ID", "1", "NO"),
    ],
)
def test_af_problems(
    af_file: str, capsys: pytest.CaptureFixture[str], problem: str, arg: str | None, expected: str
) -> None:
    # 1 <-> 2, 2 -> 3 -> 4: preferred {1,3} and {2,4}; both stable; grounded empty.
    argv = ["af", "-p", problem, "-f", af_file] + (["-a", arg] if arg else [])
    code, out, _ = run(capsys, *argv)
    assert code == 0 and out.strip() == expected


def test_af_enumeration_and_errors(
    af_file: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "af", "-p", "EE-PR", "-f", af_file)
    assert out.splitlines() == ["w 1 3", "w 2 4"]
    code, _, err = run(capsys, "af", "-p", "XX-PR", "-f", af_file)
    assert code == 1 and "unknown problem" in err
    code, _, err = run(capsys, "af", "-p", "DC-PR", "-f", af_file)
    assert code == 1 and "-a ARG" in err
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 x\n")
    code, _, err = run(capsys, "af", "-p", "SE-GR", "-f", str(bad))
    assert code == 1 and "bad.af:2:3: argument x is not a number in 1..2" in err
    code, out, _ = run(capsys, "af", "--problems")
    assert "SE-PR" in out and "DS-SST" in out
