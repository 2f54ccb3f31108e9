"""Small things a careless user runs into: byte-order marks, bad option values, --debug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import MapValidationError

REPO = Path(__file__).resolve().parents[2]
MALFORMED = REPO / "tests" / "malformed"
BOM = b"\xef\xbb\xbf"


def _with_bom(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(BOM + data)
    return path


def test_json_with_a_utf8_bom_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # RFC 8259 allows a parser to ignore it; Windows editors write it.
    (tmp_path / "homework.txt").write_bytes((MALFORMED / "homework.txt").read_bytes())
    path = _with_bom(tmp_path, "map.json", (MALFORMED / "valid.json").read_bytes())
    assert argmap.load(path).title == "Homework"
    assert main(["validate", str(path)]) == 0
    assert main(["summary", str(path), "--format", "outline"]) == 0
    assert "Homework should be banned." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "data", "answer"),
    [
        ("x.af", b"p af 2\n1 2\n", "w 1\n"),
        ("x.apx", b"arg(a). arg(b). att(a,b).\n", "w a\n"),
        ("x.tgf", b"a\nb\n#\na b\n", "w a\n"),
    ],
)
def test_frameworks_with_a_bom_are_read(
    tmp_path: Path, name: str, data: bytes, answer: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_bom(tmp_path, name, data)
    assert main(["af", "-p", "SE-GR", "-f", str(path)]) == 0
    assert capsys.readouterr().out == answer


def test_argdown_with_a_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _with_bom(tmp_path, "x.argdown", b"[Ban]: Ban it.\n  + [Calm]: Calm pupils.\n")
    assert main(["summary", str(path), "--format", "outline"]) == 0
    assert "Pro: Calm pupils." in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
@pytest.mark.parametrize("name", ["map.json", "map.argdown"])
def test_utf16_and_utf32_get_a_plain_message(
    tmp_path: Path, encoding: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes((MALFORMED / "valid.json").read_text().encode(encoding))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"the file is {encoding.upper()} text" in out and "save it as UTF-8" in out
    if name.endswith(".json"):
        with pytest.raises(MapValidationError, match="save it as UTF-8"):
            argmap.load(path)


@pytest.mark.parametrize("limit", ["-1", "0", "many"])
def test_af_limit_must_be_positive(
    tmp_path: Path, limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.af"
    path.write_text("p af 2\n1 2\n")
    assert main(["af", "-p", "EE-PR", "-f", str(path), "--limit", limit]) == 2
    assert "argument --limit" in capsys.readouterr().err
    assert main(["af", "-p", "EE-PR", "-f", str(path), "--limit", "1"]) == 0


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_lint_unknown_rule_is_a_usage_error(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(REPO / "data" / "claims.json")
    assert main(["lint", file, option, "BOGUS"]) == 2
    err = capsys.readouterr().err
    assert "unknown rule 'BOGUS'" in err and "AL101 (isolated-claim)" in err
    assert main(["lint", file, option, "AL10,isolated-claims"]) == 2
    assert "did you mean 'isolated-claim'?" in capsys.readouterr().err
    # Codes, prefixes and names in any case still work.
    assert main(["lint", file, option, "al1,AL109,isolated-claim", "--fail-on", "error"]) == 0


def test_debug_works_after_the_command() -> None:
    missing = str(REPO / "no-such-map.json")
    runs = {
        "before": ["--debug", "render", missing, "-o", "x.svg"],
        "after": ["render", missing, "-o", "x.svg", "--debug"],
        "none": ["render", missing, "-o", "x.svg"],
    }
    done = {
        key: subprocess.run(
            [sys.executable, "-m", "argmap", *words], capture_output=True, text=True, check=False
        )
        for key, words in runs.items()
    }
    assert "Traceback" in done["before"].stderr
    assert "Traceback" in done["after"].stderr
    assert "Traceback" not in done["none"].stderr and done["none"].returncode == 1
