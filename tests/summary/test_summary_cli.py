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


KIALO = """Discussion Title: Should pets be allowed in class?

1. Pets should be allowed in class.
1.1. Pro: Pets calm anxious pupils.
1.2. Con: Some pupils are allergic.
1.2.1. Con: Allergy-friendly pets exist.
"""


def test_cli_reads_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kialo = tmp_path / "pets.txt"
    kialo.write_text(KIALO, encoding="utf-8")
    assert main(["summary", str(kialo), "--format", "outline"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1. Pets should be allowed in class.",
        "  1.1. Pro: Pets calm anxious pupils.",
        "  1.2. Con: Some pupils are allergic.",
        "    1.2.1. Con: Allergy-friendly pets exist.",
    ]
    out = tmp_path / "pets.html"
    assert main(["report", str(kialo), "--from", "kialo", "-o", str(out), "--no-diagram"]) == 0
    assert "Allergy-friendly pets exist." in out.read_text(encoding="utf-8")
    # A file that is not what --from says: a located error, no traceback.
    assert main(["summary", str(kialo), "--from", "argdown"]) in (0, 1)
    bad = tmp_path / "bad.txt"
    bad.write_text("not a discussion\n", encoding="utf-8")
    assert main(["summary", str(bad), "--from", "kialo"]) == 1
    assert f"{bad}:1:1:" in capsys.readouterr().err
