"""``argmap judge``: formats, exit statuses, the per-student view, the diagram, no tracebacks."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

from .helpers import CLAIMS, LINKS, homework_map

CLEAN = (
    "rater,item,rating\n"
    "ann,stress,4\nbo,stress,0\ncy,stress,4\ndee,stress,0\n"
    "ann,practice,3\nbo,practice,3\ncy,practice,2\n"
    "ann,s1,4\nbo,s1,2\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    mp = tmp_path / "homework.json"
    homework_map().dump(mp)
    ratings = tmp_path / "class.csv"
    ratings.write_text(CLEAN)
    return mp, ratings


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["judge", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, err = run(capsys, *map(str, files))
    assert status == 0 and err == ""
    assert "9 ratings by 4 raters count" in out
    lines = out.splitlines()
    stress = next(line for line in lines if line.strip().startswith("stress "))
    assert stress.split() == ["stress", "4", "2.00", "2.00", "2.00", "1.00", "50%"]
    assert "1. stress 1.00: Homework causes stress." in out  # the most split first
    assert "Claims nobody rated: ban, keep, sleep, doubt." in out
    # the positions' strengths: 'practice' (an objection to banning) moves 'ban' most
    assert "ban: 0.25 from the map, 0.28 from the class (+0.03); most sensitive to practice" in out


def test_json_has_the_issue_shape_and_stable_bytes(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, *map(str, files), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["valid_rows"] == 9 and data["invalid_rows"] == []
    assert [c["id"] for c in data["claims"]] == list(CLAIMS)
    assert [x["id"] for x in data["links"]] == list(LINKS)
    stress = data["claims"][2]
    assert {"id", "n", "mean", "median", "spread", "disagreement"} <= set(stress)
    assert (stress["n"], stress["mean"], stress["spread"], stress["disagreement"]) == (
        4,
        2.0,
        2.0,
        1.0,
    )
    assert data["claims"][0]["mean"] is None and data["claims"][0]["n"] == 0
    assert data["most_split"][0] == "stress"
    assert data["strengths"]["method"] == "dfquad"
    assert [p["id"] for p in data["strengths"]["positions"]] == ["ban", "keep"]
    assert data["students"][0].keys() >= {"rater", "mean_abs_difference", "most_different"}
    again = tmp_path / "again.json"
    assert main(["judge", *map(str, files), "--format", "json", "-o", str(again)]) == 0
    assert again.read_text() == out  # same bytes, to a file as to stdout


def test_csv_output_one_row_per_item(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    status, out, _ = run(capsys, *map(str, files), "--format", "csv")
    assert status == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in table] == [*CLAIMS, *LINKS]
    assert [r["kind"] for r in table] == ["claim"] * 6 + ["link"] * 4
    practice = table[4]
    assert (practice["n"], practice["mean"], practice["median"], practice["convincing"]) == (
        "3",
        "2.666667",
        "3.0",
        "0.666667",
    )
    assert table[0]["mean"] == "" and table[7]["text"] == "practice attacks ban"
    assert table[6]["text"] == "stress + sleep support ban"
    assert table[9]["text"] == "doubt undercuts s1"


def test_markdown_output(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, *map(str, files), "--format", "md", "--strength", "none")
    assert status == 0
    assert out.startswith("## How the class judged Homework\n")
    assert "| `stress` | Homework causes stress. | 4 | 2.00 | 2.00 | 2.00 | 1.00 | 50% |" in out
    assert "### Positions" not in out  # --strength none leaves the section out


def test_skipped_rows_fail_unless_allowed(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    mp, ratings = files
    ratings.write_text(CLEAN + "ed,stres,3\nfi,stress,12\n")
    status, out, err = run(capsys, str(mp), str(ratings), "--format", "json")
    assert status == 1
    assert json.loads(out)["invalid_rows"] == [
        {"file": str(ratings), "line": 11, "message": "no item 'stres' (did you mean 'stress'?)"},
        {"file": str(ratings), "line": 12, "message": "rating 12 is outside the scale 0 to 4"},
    ]
    assert f"{ratings}:11: no item 'stres' (did you mean 'stress'?)" in err
    assert f"argmap: 2 rows of {ratings} skipped; the report counts the other 9" in err
    status, _, err = run(capsys, str(mp), str(ratings), "--skip-invalid")
    assert status == 0 and err == ""  # the text report lists them itself
    assert "Traceback" not in err


def test_nothing_counts(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    mp, ratings = files
    ratings.write_text("rater,claim,rating\nann,x,1\n")
    status, out, err = run(capsys, str(mp), str(ratings), "--skip-invalid")
    assert status == 1
    assert "No rating counts: every row was skipped" in out
    assert "argmap: no rating in" in err and "(1 row skipped)" in err


def test_student_view(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, *map(str, files), "--student", "bo", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["rater"] == "bo" and data["n"] == 3
    # bo gave stress 0 where the three others average 8/3: the largest difference first
    first = data["items"][0]
    assert first["id"] == "stress" and first["others_mean"] == pytest.approx(8 / 3, abs=1e-6)
    assert first["difference"] == pytest.approx(-8 / 3, abs=1e-6)
    status, out, _ = run(capsys, *map(str, files), "--student", "bo")
    assert out.splitlines()[0].startswith("bo and the rest of the class: 3 items rated")
    status, _, err = run(capsys, *map(str, files), "--student", "Bo")
    assert status == 1 and "no rater 'Bo' (did you mean 'bo'?)" in err


def test_scale_options(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    mp, ratings = files
    ratings.write_text("rater,claim,rating\nann,stress,7\nbo,stress,1\n")
    status, out, _ = run(
        capsys,
        str(mp),
        str(ratings),
        "--min",
        "1",
        "--max",
        "7",
        "--convincing",
        "6",
        "--format",
        "json",
    )
    assert status == 0
    data = json.loads(out)
    assert data["scale"] == {"min": 1.0, "max": 7.0, "convincing": 6.0}
    assert data["claims"][2]["convincing"] == 0.5 and data["claims"][2]["disagreement"] == 1.0
    status, _, err = run(capsys, str(mp), str(ratings), "--min", "5", "--max", "1")
    assert status == 1 and "must be below its highest" in err


def test_usage_and_file_errors(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    mp, ratings = files
    assert run(capsys, str(mp), str(ratings), "--format", "xml")[0] == 2
    assert run(capsys, str(mp), str(ratings), "--min", "low")[0] == 2
    status, _, err = run(capsys, str(mp), str(ratings.with_name("none.csv")))
    assert status == 1 and "cannot read" in err and "Traceback" not in err
    status, _, err = run(capsys, str(ratings), str(mp))  # the wrong way round
    assert status == 1 and "looks like a ratings table: the map comes first" in err
    status, out, err = run(capsys, str(mp), str(ratings), "--diagram", "class.jpg")
    assert status == 1 and out == "" and "the ending names no diagram format" in err
    status, out, err = run(capsys, str(mp), str(ratings), "--step", "0")
    assert status == 1 and out == "" and "--step must be a positive number" in err
    ratings.write_text("who,what,how\n")
    status, _, err = run(capsys, str(mp), str(ratings))
    assert status == 1 and f"{ratings}:1: the header has no 'rater' column" in err


def test_the_diagram(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "class.dot"
    status, _, _ = run(capsys, *map(str, files), "--diagram", str(out))
    assert status == 0
    dot = out.read_text()
    # stress: mean 2 of 4 fills half way; spread 2 of a possible 2 draws the thickest border
    stress = next(line for line in dot.splitlines() if line.startswith('\t"stress" ['))
    assert 'fillcolor="#B5D6EA" penwidth="6.0"' in stress
    assert '"cluster judgement key"' in dot


def test_kialo_votes_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = tmp_path / "pets.txt"
    export.write_text(
        "Discussion Title: Pets?\n\n1. Pets should be allowed.\n1.1. Pro: Pets calm people.\n"
    )
    votes = tmp_path / "votes.csv"
    votes.write_text("user,position,vote\nann,1.1.,high impact\nbo,1.1.,4\n")
    status, out, _ = run(capsys, str(export), str(votes), "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["format"] == "kialo"
    assert data["links"] == [
        {
            "id": "s1-1",
            "n": 2,
            "mean": 3.5,
            "median": 3.5,
            "spread": 0.5,
            "iqr": 0.5,
            "disagreement": 0.0625,
            "convincing": 1.0,
        }
    ]
    status, _, err = run(capsys, str(export), str(votes), "--max", "5")
    assert status == 1 and "Kialo's scale, 0 to 4" in err


def test_the_installed_command(files: tuple[Path, Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "judge", *map(str, files), "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("kind,id,n,mean,median,spread,iqr,disagreement,convincing,text\n")


def test_help_lists_judge(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["judge", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--skip-invalid" in out and "Exit status" in out
    assert argmap.judge is not None


def test_claims_and_links_in_two_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data"
    claims, links = data / "ratings/class-claims.csv", data / "ratings/class-links.csv"
    status, out, err = run(
        capsys, str(data / "claims.json"), str(claims), str(links), "--format", "json"
    )
    assert status == 0 and err == ""
    report = json.loads(out)
    assert report["files"] == [str(claims), str(links)]
    assert report["valid_rows"] == (655 + 437)
    assert all(c["n"] > 0 for c in report["claims"]) and any(x["n"] for x in report["links"])
    status, out, _ = run(capsys, str(data / "claims.json"), str(claims), str(links))
    assert f"1092 ratings by 24 raters count in {claims} and {links}" in out
