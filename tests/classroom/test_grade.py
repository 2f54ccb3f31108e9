"""Grading a class from the command line: gradebook, feedback pages, class view."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.classroom.grade import COLUMNS, Row, grade, submissions
from argmap.cli import main

from .conftest import CLASS, REFERENCE

EXPECTED = [
    # student, status, score, found, missing, extra, links ok, links missing, link errors
    ("alice-perfect-copy.json", "ok", "100", "31", "0", "0", "34", "0", "0"),
    ("bob-link-errors.json", "ok", "90.5", "31", "0", "0", "27", "1", "9"),
    ("carol-paraphrase.argdown", "ok", "26", "10", "21", "1", "5", "28", "2"),
    ("dan-quotes-only.json", "ok", "5.3", "4", "27", "0", "0", "33", "1"),
    ("erin-off-topic.json", "ok", "0", "0", "31", "4", "0", "34", "2"),
    ("frank-broken.json", "invalid", "", "", "", "", "", "", ""),
    ("gina-kialo.txt", "ok", "6.9", "4", "27", "0", "1", "32", "1"),
    ("hal-not-a-map.txt", "invalid", "", "", "", "", "", "", ""),
    ("ivy-hostile.json", "invalid", "", "", "", "", "", "", ""),
    ("jo-script.json", "ok", "5", "2", "29", "1", "1", "33", "1"),
    ("kim-other-article.json", "ok", "0", "0", "31", "2", "0", "34", "1"),
]


def read_book(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return rows


def test_gradebook_from_the_command(tmp_path: Path) -> None:
    book = tmp_path / "gradebook.csv"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "grade", "--reference", str(REFERENCE), str(CLASS),
         "-o", str(book)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "8 maps graded (3 invalid)" in done.stderr
    rows = read_book(book)
    assert list(rows[0]) == list(COLUMNS)
    assert [tuple(r[c] for c in COLUMNS[:-1]) for r in rows] == EXPECTED
    message = {r["student"]: r["message"] for r in rows}
    assert message["frank-broken.json"].startswith("21:13: AM001 invalid-json: invalid JSON")
    assert "not a Kialo export" in message["hal-not-a-map.txt"]
    assert "leads outside the map's folder" in message["ivy-hostile.json"]
    assert "another text or topic" in message["erin-off-topic.json"]
    assert "different texts" in message["kim-other-article.json"]
    assert "root:" not in book.read_text()  # /etc/passwd was never read


def test_a_broken_file_changes_no_other_row(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    shutil.copytree(CLASS, folder)
    with_broken = grade(REFERENCE, [folder]).to_csv()
    for name in ("frank-broken.json", "hal-not-a-map.txt", "ivy-hostile.json"):
        (folder / name).unlink()
    without = grade(REFERENCE, [folder]).to_csv()
    assert [r for r in with_broken.splitlines() if ",invalid," not in r] == without.splitlines()


def test_folders_skip_sources_hidden_files_and_the_reference(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text("text")
    (tmp_path / ".hidden.json").write_text("{}")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "map.json").write_text("{}")
    (tmp_path / "A.argdown").write_text("[A]: a")
    shutil.copy(REFERENCE, tmp_path / "reference.json")
    found = submissions([tmp_path], skip=[tmp_path / "reference.json"])
    assert [name for name, _ in found] == ["A.argdown", "b/map.json"]


def test_formulas_are_defused_in_the_csv() -> None:
    cells = Row("=HYPERLINK(1)", "invalid", message="@x").cells()
    assert cells[0] == "'=HYPERLINK(1)" and cells[-1] == "'@x"


def test_feedback_pages_and_class_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "feedback"
    status = main(
        ["grade", "--reference", str(REFERENCE), str(CLASS), "-o", str(tmp_path / "g.csv"),
         "--feedback", str(pages), "--class-view", str(tmp_path / "class.html")]
    )  # fmt: skip
    assert status == 0
    written = sorted(p.name for p in pages.iterdir())
    assert written == [
        "alice-perfect-copy.html", "bob-link-errors.html", "carol-paraphrase.html",
        "dan-quotes-only.html", "erin-off-topic.html", "gina-kialo.html", "jo-script.html",
        "kim-other-article.html",
    ]  # fmt: skip
    bob = (pages / "bob-link-errors.html").read_text()
    assert "points the wrong way" in bob and "<svg" in bob
    view = (tmp_path / "class.html").read_text()
    assert "8 maps graded (3 invalid)" in view
    assert "found by 2 of 8" in view  # in the heat map's boxes
    # The most missed claims come first in the table.
    first_row = view.split("<tbody>")[1].split("</tr>")[0]
    assert '<td class="num">2</td><td class="num">6</td>' in first_row


def test_class_view_as_markdown_and_diagram(tmp_path: Path) -> None:
    assert (
        main(
            [
                "grade",
                "--reference",
                str(REFERENCE),
                str(CLASS / "alice-perfect-copy.json"),
                "-o",
                str(tmp_path / "g.csv"),
                "--class-view",
                str(tmp_path / "v.md"),
            ]
        )
        == 0
    )
    text = (tmp_path / "v.md").read_text()
    assert "| Failed solidarity, shaped people | position | 1 | 0 |" in text
    assert (
        main(
            [
                "grade",
                "--reference",
                str(REFERENCE),
                str(CLASS / "alice-perfect-copy.json"),
                "-o",
                str(tmp_path / "g.csv"),
                "--class-view",
                str(tmp_path / "v.dot"),
            ]
        )
        == 0
    )
    dot = (tmp_path / "v.dot").read_text()
    assert "found by 1 of 1" in dot and 'fillcolor="#6BAED6"' in dot


def test_grade_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", str(CLASS)]) == 2
    status = main(["grade", "--reference", str(REFERENCE), str(tmp_path)])
    assert status == 1
    assert "no map files found" in capsys.readouterr().err
    status = main(
        [
            "grade",
            "--reference",
            str(REFERENCE),
            str(CLASS),
            "--class-view",
            str(tmp_path / "v.xlsx"),
        ]
    )
    assert status == 1
    assert "class view is written as" in capsys.readouterr().err
