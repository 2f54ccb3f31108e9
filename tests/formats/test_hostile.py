"""Hostile input: every reader returns a map or raises a located ``ArgmapError``.

Property tests per reader over arbitrary text and bytes, and over JSON shaped like each
format (its own keys, wrong types, deep nesting), plus the crashes found by hand and by
``benchmarks/fuzz_formats.py``, kept as fixtures (``fixtures/crashes/``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis.iccma import loads_framework
from argmap.errors import ArgmapError, FormatError, MapValidationError
from argmap.formats import read_report, reads_report

FIXTURES = Path(__file__).parent / "fixtures"
CRASHES = FIXTURES / "crashes"
MANY = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
READERS = ["argmap", "argdown", "argdown-json", "aif", "kialo", "sadface"]


def map_or_located_error(text: str, fmt: str) -> argmap.ArgumentMap | None:
    """Read ``text``; a map (valid), or an ArgmapError that says where; nothing else."""
    try:
        report = reads_report(text, fmt)
    except FormatError as exc:
        assert exc.line is not None or exc.path is not None or "empty" in exc.message, exc
        return None
    except MapValidationError as exc:
        # Each problem has its place: a JSON path, a line, or "$" for the whole document.
        assert exc.problems and all(p.location() for p in exc.problems), exc
        return None
    except ArgmapError as exc:  # e.g. LossError never comes from reads_report
        pytest.fail(f"unexpected {type(exc).__name__}: {exc}")
    assert report.map.check() is not None
    return report.map


# -- arbitrary text -------------------------------------------------------------------------


@MANY
@given(st.text(max_size=300), st.sampled_from(READERS))
def test_any_text_in_any_reader(text: str, fmt: str) -> None:
    map_or_located_error(text, fmt)


@MANY
@given(st.binary(max_size=300), st.sampled_from(READERS))
def test_any_bytes_from_a_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, fmt: str
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "input.txt"
    path.write_bytes(data)
    try:
        read_report(path, fmt)
    except ArgmapError as exc:
        assert str(path) in str(exc) or isinstance(exc, MapValidationError)


_ARGDOWN_PIECES = st.sampled_from(
    [
        "[A]",
        "[B]: b",
        "<C>",
        "<D>: d",
        "\n  + ",
        "\n  - ",
        "\n    <_ ",
        "\n    _> ",
        "\n(1) ",
        "\n(2) ",
        "\n----",
        "\n-- rule --",
        "\n# H",
        " #t",
        " #(long tag",
        " {x: 1}",
        ' {"id": "a\\nb"}',
        ' {"kind": "nonsense", "confidence": 7, "quotes": 3}',
        ' {"asserted_by": 5, "title": ["x"]}',
        " {id: " + "x" * 250 + "}",
        " {",
        "}",
        "/*",
        "*/",
        "<!--",
        "-->",
        " // ",
        "\\",
        "text",
        "\n",
        "\n\n",
        "===\n",
        "title: [x]\n",
        'argmap: {"themes": [{"id": "bad id"}], "sources": 3, "links": [1]}\n',
        'argmap: {"links": [{"id": "l", "kind": "support", "sources": ["zz"], "target": "a"}]}\n',
        "model: 5\n",
        "@[A]",
        "\t",
        "-" * 50 + "a",
        "{" * 50,
    ]
)


@MANY
@given(st.lists(_ARGDOWN_PIECES, max_size=40).map("".join))
def test_argdown_made_of_its_own_constructs(text: str) -> None:
    map_or_located_error(text, "argdown")


_KIALO_PIECES = st.sampled_from(
    [
        "Discussion Title: T\n",
        "Discussion Name:\nT\n\n",
        "1.",
        "1.1.",
        "1.1.1.",
        "1.2.",
        "2.",
        " Pro:",
        " Con:",
        " Thesis:",
        " Question:",
        " text",
        " -> See 1.",
        " -> See 1.1.",
        " -> See 1.9.",
        "\n",
        "\nSources:\n",
        "[1] http://x\n",
        "[" + "9" * 5000 + "] y\n",
        "  ",
    ]
)


@MANY
@given(st.lists(_KIALO_PIECES, max_size=40).map("".join))
def test_kialo_made_of_its_own_constructs(text: str) -> None:
    map_or_located_error(text, "kialo")


# -- JSON shaped like each format -----------------------------------------------------------

_KEYS = {
    "aif": [
        "AIF",
        "nodes",
        "edges",
        "locutions",
        "participants",
        "nodeID",
        "type",
        "text",
        "fromID",
        "toID",
        "personID",
        "participantID",
        "firstname",
        "surname",
        "scheme",
    ],
    "sadface": [
        "metadata",
        "core",
        "argmap",
        "nodes",
        "edges",
        "resources",
        "id",
        "type",
        "name",
        "text",
        "source_id",
        "target_id",
        "sources",
        "resource_id",
        "offset",
        "length",
        "title",
        "kind",
        "confidence",
        "themes",
        "perspectives",
        "question",
        "label",
        "weight",
        "note",
    ],
    "argdown-json": [
        "statements",
        "arguments",
        "relations",
        "sections",
        "map",
        "members",
        "text",
        "data",
        "tags",
        "pcs",
        "title",
        "role",
        "inference",
        "inferenceRules",
        "relationType",
        "from",
        "to",
        "fromType",
        "toType",
        "nodes",
        "edges",
        "children",
        "type",
        "labelText",
        "id",
        "section",
        "isReference",
    ],
    "argmap": ["format", "claims", "links", "id", "text", "kind", "sources", "target"],
}
_VALUES = {
    "type": ["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "atom", "scheme", "conflict"],
    "role": ["premise", "main-conclusion", "intermediary-conclusion", "x"],
    "relationType": ["support", "attack", "undercut", "contrary", "entails"],
    "format": ["argmap/1"],
}


def _json_like(fmt: str) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(_KEYS[fmt]) | st.text(max_size=3)
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-3, 10**30)
        | st.floats(allow_nan=False)
        | st.sampled_from(["1", "2", "a", "", "x y", "Bob : hi", "Asserting", "a\nb", "x" * 300])
        | st.sampled_from([v for values in _VALUES.values() for v in values])
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=6),
        max_leaves=40,
    )


@MANY
@given(st.data())
@pytest.mark.parametrize("fmt", sorted(_KEYS))
def test_json_shaped_like_the_format(fmt: str, data: st.DataObject) -> None:
    value = data.draw(_json_like(fmt))
    map_or_located_error(json.dumps(value), fmt)


@pytest.mark.parametrize("fmt", ["aif", "sadface", "argdown-json", "argmap"])
def test_deeply_nested_json_is_a_located_error(fmt: str) -> None:
    deep = '{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ArgmapError):
        reads_report(deep, fmt)


# -- abstract frameworks --------------------------------------------------------------------

_AF_PIECES = st.sampled_from(
    [
        "p af 3\n",
        "p af ٣\n",
        "p af ²\n",
        "p af 99999999999\n",
        "1 2\n",
        "2 3\n",
        "4 1\n",
        "# c\n",
        "arg(a).",
        "att(a,b).",
        "att(a,c).",
        "arg(b).",
        "a\n",
        "b\n",
        "#\n",
        "a b\n",
        " ",
        "%",
    ]
)


@MANY
@given(st.lists(_AF_PIECES, max_size=20).map("".join), st.sampled_from(["iccma23", "apx", "tgf"]))
def test_framework_readers_take_any_text(text: str, fmt: str) -> None:
    try:
        loads_framework(text, fmt)
    except FormatError as exc:
        assert exc.line is not None or "header" in exc.message or "arguments" in exc.message


# -- crashes found, kept ----------------------------------------------------------------------


def _crash_files() -> list[Path]:
    return sorted(p for p in CRASHES.glob("*") if p.suffix != ".md") if CRASHES.exists() else []


@pytest.mark.parametrize("path", _crash_files(), ids=lambda p: p.name)
def test_crash_fixture_reads_or_fails_located(path: Path) -> None:
    fmt = path.name.split("--")[0]
    text = path.read_bytes().decode("utf-8", "replace")
    map_or_located_error(text, fmt)
