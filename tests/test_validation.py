"""The malformed-map set: each file yields its documented code at its JSON path, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.errors import Code, MapValidationError

MALFORMED = Path(__file__).parent / "malformed"

# file stem -> (code, JSON path or "line:col") of the first problem reported
EXPECTED: dict[str, tuple[str, str]] = {
    "invalid_json": ("AM001", "5:3"),
    "empty_file": ("AM001", "1:1"),
    "not_utf8": ("AM001", "1:15"),
    "deeply_nested": ("AM001", "$"),
    "top_level_array": ("AM002", "$"),
    "missing_text": ("AM010", "claims[2].text"),
    "unknown_key": ("AM011", "claims[0].colour"),
    "unknown_top_key": ("AM011", "claimz"),
    "wrong_type_offset": ("AM012", "claims[1].quotes[0].start"),
    "claims_not_a_list": ("AM012", "claims"),
    "confidence_out_of_range": ("AM013", "claims[0].confidence"),
    "weight_negative": ("AM013", "links[0].weight"),
    "bad_id": ("AM014", "claims[2].id"),
    "bad_kind": ("AM015", "claims[0].kind"),
    "bad_link_kind": ("AM015", "links[1].kind"),
    "wrong_format_version": ("AM017", "format"),
    "no_sources": ("AM018", "links[0].sources"),
    "empty_text": ("AM019", "claims[2].text"),
    "duplicate_claim_id": ("AM100", "claims[2].id"),
    "link_id_clashes_with_claim": ("AM100", "links[1].id"),
    "dangling_source": ("AM101", "links[0].sources[0]"),
    "dangling_target": ("AM101", "links[1].target"),
    "undercut_of_nothing": ("AM101", "links[1].target"),
    "self_targeting_link": ("AM102", "links[1].target"),
    "target_is_own_source": ("AM102", "links[1].target"),
    "link_cycle": ("AM103", "links[0].target"),
    "undeclared_theme": ("AM104", "claims[1].themes[0]"),
    "undeclared_perspective": ("AM105", "claims[1].asserted_by[0]"),
    "undeclared_source": ("AM106", "claims[1].quotes[0].source"),
    "quote_offsets_shifted": ("AM107", "claims[1].quotes[0].text"),
    "quote_not_in_source": ("AM107", "claims[1].quotes[0].text"),
    "quote_past_end": ("AM108", "claims[1].quotes[0].end"),
    "bad_sha256": ("AM109", "sources[0].sha256"),
    "quote_end_before_start": ("AM111", "claims[1].quotes[0].end"),
}


def test_every_malformed_file_has_an_expectation() -> None:
    files = {p.stem for p in MALFORMED.glob("*.json")} - {"valid"}
    assert files == set(EXPECTED)
    assert len(files) >= 20


def test_the_unmutated_base_is_valid() -> None:
    m = argmap.load(MALFORMED / "valid.json")
    assert [c.id for c in m.claims] == ["ban", "stress", "practice"]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_malformed_map_gives_its_code_and_location(stem: str) -> None:
    code, where = EXPECTED[stem]
    with pytest.raises(MapValidationError) as info:
        argmap.load(MALFORMED / f"{stem}.json")
    first = info.value.problems[0]
    assert first.code.value == code
    assert first.location() == where
    assert info.value.file and info.value.file.endswith(f"{stem}.json")
    assert first.message  # something a student can act on
    assert Code(code).slug in str(info.value)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    data = json.loads((MALFORMED / "valid.json").read_text())
    for link in data["links"]:
        link["target"] = "nowhere"
    data["claims"][1]["themes"] = ["nothing"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(MapValidationError) as info:
        argmap.load(bad)
    assert sorted(info.value.codes) == ["AM101", "AM101", "AM104"]


def test_shifted_quote_says_where_the_text_is() -> None:
    with pytest.raises(MapValidationError) as info:
        argmap.load(MALFORMED / "quote_offsets_shifted.json")
    assert "start=0, end=23" in info.value.problems[0].message


def test_suggests_close_ids() -> None:
    with pytest.raises(MapValidationError) as info:
        argmap.load(MALFORMED / "dangling_source.json")
    assert "did you mean 'stress'" in info.value.problems[0].message


def test_unreadable_source_is_a_warning_not_an_error(tmp_path: Path) -> None:
    text = (MALFORMED / "valid.json").read_text()
    (tmp_path / "m.json").write_text(text)  # homework.txt is not beside it
    report = argmap.io.load_report(tmp_path / "m.json")
    assert [w.code.value for w in report.warnings] == ["AM201"]


def test_unconnected_claim_is_a_warning() -> None:
    m = argmap.ArgumentMap()
    m.claim("alone", "Nobody links to me.")
    warnings = m.check()
    assert [w.code for w in warnings] == [Code.UNCONNECTED_CLAIM]


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(MapValidationError) as info:
        argmap.load(tmp_path / "nope.json")
    assert info.value.codes == ["AM003"]


@pytest.mark.parametrize("stem", ["invalid_json", "link_cycle", "deeply_nested", "not_utf8"])
def test_cli_reports_without_traceback(stem: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(MALFORMED / f"{stem}.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    out = done.stdout + done.stderr
    assert "Traceback" not in out
    assert EXPECTED[stem][0] in out
