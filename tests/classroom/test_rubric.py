"""Rubrics: validated with located errors, the default documented, points that add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.classroom import Reference, RubricError, default_rubric, load_rubric
from argmap.cli import main

from .conftest import CLASS, REFERENCE


def test_default_rubric_values() -> None:
    r = default_rubric()
    assert (r.claims.required_points, r.claims.points, r.claims.optional_points) == (3, 2, 1)
    assert r.claims.required == ["kind:position"] and r.claims.optional == ["kind:assumption"]
    assert r.penalties.of("wrong-target") == 1.0 and r.penalties.of("claim-kind") == 0.5
    assert r.pairing.threshold == 0.45 and r.pairing.floor == 0.3


def test_the_docs_describe_the_default_rubric() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "classroom.md").read_text()
    shipped = (
        Path(__file__).resolve().parents[2] / "src/argmap/classroom/data/default-rubric.toml"
    ).read_text()
    assert shipped.strip() in docs  # the page shows the file as it ships


def test_errors_name_the_file_and_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "r.toml"
    bad.write_text("[links]\npoints = -1\n")
    with pytest.raises(RubricError) as caught:
        load_rubric(bad)
    assert str(caught.value) == (f"{bad}: links.points: Input should be greater than or equal to 0")
    bad.write_text("[penalties]\nwrong-knd = 1\n[links]\npoints = 'x'\n")
    with pytest.raises(RubricError) as caught:
        load_rubric(bad)
    assert "penalties.wrong-knd: unknown key" in str(caught.value)
    assert "links.points: Input should be a valid number" in str(caught.value)
    bad.write_text("[links]\npoints =\n")
    with pytest.raises(RubricError) as caught:
        load_rubric(bad)
    assert (caught.value.line, caught.value.column) == (2, 9)
    js = tmp_path / "r.json"
    js.write_text('{"claims": {"paraphrase_credit": 2}}')
    with pytest.raises(RubricError, match=r"claims\.paraphrase_credit: Input should be less"):
        load_rubric(js)
    with pytest.raises(RubricError, match=r"a rubric is a \.toml or \.json file"):
        load_rubric(tmp_path / "r.yaml")


def test_unknown_claim_in_a_rubric_suggests_the_id(tmp_path: Path) -> None:
    rubric = tmp_path / "r.toml"
    rubric.write_text('[claims]\nrequired = ["kind:position", "e-state-ownd"]\n')
    with pytest.raises(RubricError) as caught:
        Reference(REFERENCE, rubric)
    assert "claims.required[1]" in str(caught.value)
    assert "did you mean 'e-state-owned'?" in str(caught.value)


def test_a_rubric_changes_the_score(tmp_path: Path) -> None:
    rubric = tmp_path / "strict.toml"
    rubric.write_text(
        "[claims]\nparaphrase_credit = 0.5\n[penalties]\nextra-claim = 2\n[links]\npoints = 0\n"
    )
    strict = Reference(REFERENCE, rubric).compare(CLASS / "carol-paraphrase.argdown")
    lenient = Reference(REFERENCE).compare(CLASS / "carol-paraphrase.argdown")
    assert lenient.score.value == 26.0
    # 3 positions and 7 other claims by paraphrase at half credit, one extra claim at -2.
    # The maximum: 5 positions at 3, 24 other claims at 2 (the 2 assumptions are a bonus).
    assert (strict.score.gained, strict.score.lost, strict.score.maximum) == (11.5, 2.0, 63.0)
    assert strict.score.value == round(100 * 9.5 / 63, 1)


def test_cli_reports_a_bad_rubric_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = tmp_path / "r.toml"
    rubric.write_text("[links]\npoints = -1\n")
    status = main(
        ["compare", str(CLASS / "bob-link-errors.json"), str(REFERENCE), "--rubric", str(rubric)]
    )
    err = capsys.readouterr().err
    assert status == 1
    message = "links.points: Input should be greater than or equal to 0"
    assert err == f"argmap: error: {rubric}: {message}\n"
