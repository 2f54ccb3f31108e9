"""Kialo vote tables: positions to links and theses, Kialo's impact levels, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.errors import FormatError
from argmap.judgements import Scale, parse_ratings

DISCUSSION = """Discussion Title: Should pets be allowed?

1. Pets should be allowed.
1.1. Pro: Pets calm people.
1.1.1. Con: Some people fear dogs.
1.2. Con: Pets are noisy.
1.3. Pro: -> See 1.1.1.
"""


@pytest.fixture
def m() -> argmap.ArgumentMap:
    return argmap.formats.reads(DISCUSSION, "kialo")


def test_kialo_map_ids(m: argmap.ArgumentMap) -> None:
    # What the votes refer to: the reader's ids for positions and for links to parents.
    assert [c.id for c in m.claims] == ["1", "1-1", "1-1-1", "1-2"]
    assert [x.id for x in m.links] == ["s1-1", "a1-1-1", "a1-2", "s1-3"]


def test_votes_rate_the_link_to_the_parent_and_the_thesis_itself(m: argmap.ArgumentMap) -> None:
    text = (
        "user,position,vote\n"
        "ann,1.,3\n"
        "ann,1.1.,Very high impact\n"
        "ann,1.2,low\n"
        "bo,1.3.,No Impact\n"  # a reuse: its own link, from the reused claim
        "bo,1.1.1.,medium impact\n"
    )
    r = parse_ratings(text, m)
    assert r.source_format == "kialo" and r.scale == Scale(0, 4)
    got = [
        (r.raters[int(a)], r.items.ids[int(b)], float(v))
        for a, b, v in zip(r.rater, r.item, r.values(), strict=True)
    ]
    assert got == [
        ("ann", "1", 3.0),
        ("ann", "s1-1", 4.0),
        ("ann", "a1-2", 1.0),
        ("bo", "s1-3", 0.0),
        ("bo", "a1-1-1", 2.0),
    ]


def test_bad_votes_are_located(m: argmap.ArgumentMap) -> None:
    text = (
        "User,Position,Impact\nann,1.9.,2\nann,one,2\nann,1.1.,huge\nann,1.1.,5\n,1.1.,2\nann,,2\n"
    )
    r = parse_ratings(text, m)
    assert r.valid_rows == 0
    assert [(p.line, p.message) for p in r.invalid] == [
        (2, "no position 1.9. in the map (did you mean 1.2.?)"),
        (3, "'one' is not a Kialo position number such as 1.2."),
        (
            4,
            "vote 'huge' is neither 0 to 4 nor a Kialo impact level (No impact ... "
            "Very high impact)",
        ),
        (5, "rating 5 is outside the scale 0 to 4"),
        (6, "no rater"),
        (7, "no position"),
    ]


def test_the_header_says_which_table_it_is(m: argmap.ArgumentMap) -> None:
    with pytest.raises(FormatError, match="has no 'position' column"):
        parse_ratings("user,claim,vote\nann,1,2\n", m, format="kialo")
    with pytest.raises(FormatError, match="has no 'rater' column"):
        parse_ratings("user,claim,vote\nann,1,2\n", m)


def test_real_kialo_export_with_votes(corpus: Path, tmp_path: Path) -> None:
    # A real discussion from the shared corpus (its votes are not exported: made up here).
    export = corpus / "formats/kialo/legacy_format/should-hate-speech-be-illegal-6148.txt"
    m = argmap.formats.read(export)
    votes = tmp_path / "votes.csv"
    votes.write_text("user,position,vote\nann,1.1.,4\nbo,1.1.,2\nann,1.6.4.,1\ncy,1.,3\n")
    j = argmap.judge(m, votes)
    assert j.ratings.invalid == ()
    link = next(x for x in m.links if x.id.endswith("1-1"))
    assert j[link.id].n == 2 and j[link.id].mean == 3.0
    assert j["1"].n == 1
