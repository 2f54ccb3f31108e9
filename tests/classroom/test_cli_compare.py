"""``argmap compare``: every format, -o, notes, and no traceback on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main

from .conftest import CLASS, REFERENCE


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["compare", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_output_is_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        [str(CLASS / "bob-link-errors.json"), str(REFERENCE), "--format", "json"], capsys
    )
    assert status == 0
    data = json.loads(out)
    assert data["score"] == 90.5
    assert {c["match"] for c in data["claims"]} == {"text"}
    assert {v["verdict"] for v in data["links"]} == {
        "ok", "wrong-kind", "wrong-direction", "merged-premises", "split-premises",
        "wrong-target", "missing", "extra",
    }  # fmt: skip
    again = run([str(CLASS / "bob-link-errors.json"), str(REFERENCE), "--format", "json"], capsys)
    assert again[1] == out


def test_text_md_html_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, ending in (("text", "txt"), ("md", "md"), ("html", "html")):
        target = tmp_path / f"fb.{ending}"
        status, out, _ = run(
            [
                str(CLASS / "carol-paraphrase.argdown"),
                str(REFERENCE),
                "--format",
                fmt,
                "-o",
                str(target),
            ],
            capsys,
        )
        assert status == 0 and out == ""
        text = target.read_text()
        assert "Score 26 of 100" in text
    assert (tmp_path / "fb.html").read_text().startswith("<!DOCTYPE html>")
    assert "## Claims to add" in (tmp_path / "fb.md").read_text()


def test_reveal_shows_the_reference_text(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(CLASS / "dan-quotes-only.json"), str(REFERENCE)]
    hinted = run(args, capsys)[1]
    revealed = run([*args, "--reveal"], capsys)[1]
    assert "Early democratic experiments were crushed" not in hinted
    assert "Early democratic experiments were crushed" in " ".join(revealed.split())


def test_different_articles_get_a_note_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run([str(CLASS / "kim-other-article.json"), str(REFERENCE)], capsys)
    assert status == 0
    assert "the two maps are of different texts" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("frank-broken.json", "AM001 invalid-json"),
        ("hal-not-a-map.txt", "not a Kialo export"),
        ("ivy-hostile.json", "leads outside the map's folder"),
        ("nobody.json", "cannot read file"),
    ],
)
def test_bad_student_files(name: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run([str(CLASS / name), str(REFERENCE)], capsys)
    assert status == 1 and out == ""
    assert expected in err and "Traceback" not in err


def test_a_student_file_is_held_to_submission_limits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argmap.classroom.loading as loading

    monkeypatch.setattr(loading, "MAX_SUBMISSION_CLAIMS", 3)
    status, _, err = run([str(CLASS / "carol-paraphrase.argdown"), str(REFERENCE)], capsys)
    assert status == 1
    assert "11 claims, over the 3 a submission may have" in err
    monkeypatch.setattr(loading, "MAX_SUBMISSION_BYTES", 100)
    status, _, err = run([str(CLASS / "alice-perfect-copy.json"), str(REFERENCE)], capsys)
    assert status == 1 and "over the 100 a submission may have" in err
