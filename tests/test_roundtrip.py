"""JSON round trips: any valid map dumps, loads and dumps to identical bytes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import ArgumentMap

from .strategies import argument_maps


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_dump_load_dump_is_byte_identical(m: ArgumentMap) -> None:
    m.check()  # the strategy only makes valid maps
    text = argmap.dumps(m)
    again = argmap.loads(text)
    assert again == m
    assert argmap.dumps(again) == text
    # dump() writes the serialiser's bytes without going through text: the same bytes.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.json"
        argmap.dump(m, path)
        assert path.read_bytes() == text.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_json_leaves_out_exactly_the_empty_optional_lists(m: ArgumentMap) -> None:
    # dumps() names the lists to skip, once for all claims where every claim has them empty.
    claims = json.loads(argmap.dumps(m))["claims"]
    for claim, written in zip(m.claims, claims, strict=True):
        for key in ("themes", "asserted_by", "quotes"):
            assert (key in written) == bool(getattr(claim, key))
        assert written == claim.model_dump(
            mode="json",
            exclude_none=True,
            exclude=set(
                key for key in ("themes", "asserted_by", "quotes") if not getattr(claim, key)
            ),
        )


def test_reference_map_round_trips_byte_for_byte(reference_map_path: Path) -> None:
    original = reference_map_path.read_text(encoding="utf-8")
    m = argmap.load(reference_map_path)
    assert argmap.dumps(m) == original


def test_output_shape(tmp_path: Path) -> None:
    m = ArgumentMap(title="Café ☕")
    m.claim("a", "Ünïcode stays as is.")
    m.claim("b", "B.")
    m.support("a", "b")
    out = tmp_path / "m.json"
    m.dump(out)
    raw = out.read_bytes()
    assert raw.endswith(b"}\n") and "Café ☕".encode() in raw
    data = json.loads(raw)
    assert list(data) == [
        "format",
        "title",
        "question",
        "description",
        "sources",
        "themes",
        "perspectives",
        "claims",
        "links",
    ]
    assert data["claims"][0] == {"id": "a", "text": "Ünïcode stays as is.", "kind": "claim"}
    assert list(data["links"][0]) == ["id", "kind", "sources", "target"]


def test_dump_is_atomic_and_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    out.write_text("old")
    m = ArgumentMap()
    m.claim("a", "\ud800 lone surrogate cannot be encoded")
    with pytest.raises(argmap.ArgmapError, match="lone surrogate"):
        m.dump(out)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]  # no temp file left behind
