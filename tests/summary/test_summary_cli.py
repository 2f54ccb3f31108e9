"""``argmap summary`` writes the same text the library gives (the golden files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main

from ..conftest import DATA

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["--format", "outline"], "claims.outline.txt"),
        (["--format", "outline", "--depth", "2"], "claims.depth2.outline.txt"),
        (
            ["--format", "outline", "--root", "c-label-not-fair"],
            "claims.root-label-not-fair.outline.txt",
        ),
        (["--format", "txt", "--width", "72"], "claims.txt"),
        (["--format", "long"], "claims.long.txt"),
    ],
)
def test_cli_matches_golden(tmp_path: Path, args: list[str], golden: str) -> None:
    out = tmp_path / "out.txt"
    assert main(["summary", str(DATA / "claims.json"), *args, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (GOLDEN / golden).read_text(encoding="utf-8")


def test_cli_theme_and_no_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(DATA / "claims.json"), "--theme", "shortages", "--no-quotes"]) == 0
    text = capsys.readouterr().out
    assert "### Shortages" in text and "### State capitalism" not in text
    assert "“" not in text.split("## Themes")[0]  # no quotes in the positions section
