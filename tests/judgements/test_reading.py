"""Reading ratings tables: every kind of bad row located, the header, encodings, duplicates."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import argmap
from argmap.errors import ArgmapError, FormatError
from argmap.judgements import Scale, parse_ratings, ratings_from_rows, read_ratings
from argmap.judgements.ratings import Ratings

from .helpers import homework_map


@pytest.fixture
def m() -> argmap.ArgumentMap:
    return homework_map()


def problems(r: Ratings) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in r.invalid]


def rows(r: Ratings) -> list[tuple[str, str, float, int]]:
    values = r.values()
    return [
        (r.raters[int(a)], r.items.ids[int(b)], float(v), int(line))
        for a, b, v, line in zip(r.rater, r.item, values, r.line, strict=True)
    ]


def test_good_rows_count_with_their_lines(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,claim,rating\nann,stress,3\nbo,stress,1.5\nann,ban,0\n", m)
    assert rows(r) == [("ann", "stress", 3.0, 2), ("bo", "stress", 1.5, 3), ("ann", "ban", 0.0, 4)]
    assert r.invalid == () and r.superseded == ()
    assert r.raters == ("ann", "bo") and r.valid_rows == 3


def test_each_kind_of_bad_row_is_located_and_skipped(m: argmap.ArgumentMap) -> None:
    text = (
        "rater,claim,rating\n"
        "ann,stres,3\n"  # 2: unknown claim, close to one
        "ann,s1,3\n"  # 3: a link in the claim column
        "ann,stress,5\n"  # 4: above the scale
        "ann,stress,-1\n"  # 5: below the scale
        "ann,stress,lots\n"  # 6: not a number
        "ann,stress,nan\n"  # 7: not a number either
        ",stress,2\n"  # 8: no rater
        "ann,stress,\n"  # 9: no rating
        "ann,,2\n"  # 10: no claim
        "ann,stress\n"  # 11: too few fields
        "ann,stress,2,extra\n"  # 12: too many
        " ,zzz,x\n"  # 13: three things at once
        "bo,sleep,2\n"  # 14: fine
    )
    r = parse_ratings(text, m)
    assert problems(r) == [
        (2, "no claim 'stres' (did you mean 'stress'?)"),
        (3, "'s1' is a link, not a claim (name the column 'item' for both)"),
        (4, "rating 5 is outside the scale 0 to 4"),
        (5, "rating -1 is outside the scale 0 to 4"),
        (6, "rating 'lots' is not a number"),
        (7, "rating 'nan' is not a number"),
        (8, "no rater"),
        (9, "no rating"),
        (10, "no claim"),
        (11, "2 fields where the header has 3 (rater, claim, rating)"),
        (12, "4 fields where the header has 3 (rater, claim, rating)"),
        (
            13,
            "no rater; no claim 'zzz' (choose from ban, keep, stress, sleep, practice, doubt); "
            "rating 'x' is not a number",
        ),
    ]
    assert rows(r) == [("bo", "sleep", 2.0, 14)]
    # A rater whose every row was skipped rates nothing.
    assert r.raters == ("bo",)


def test_link_and_item_columns(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,link,rating\nann,s1,4\nann,stress,2\nann,s9,1\n", m)
    assert rows(r) == [("ann", "s1", 4.0, 2)]
    assert problems(r) == [
        (3, "'stress' is a claim, not a link (name the column 'item' for both)"),
        (4, "no link 's9' (choose from s1, a1, s2, u1)"),
    ]
    r = parse_ratings("rater,item,rating\nann,s1,4\nann,stress,2\n", m)
    assert [x[1] for x in rows(r)] == ["s1", "stress"]


def test_line_numbers_count_blank_lines_and_lines_inside_quotes(m: argmap.ArgumentMap) -> None:
    text = (
        "\n"
        "rater,claim,rating,comment\n"  # header on line 2
        "\n"
        'ann,stress,3,"a comment\nover two lines"\n'  # row on lines 4-5
        "bo,stres,3,x\n"  # line 6
        "   \n"
        '"Smith, Jo",sleep,2,""\n'  # line 8: a quoted comma
    )
    r = parse_ratings(text, m)
    assert problems(r) == [(6, "no claim 'stres' (did you mean 'stress'?)")]
    assert rows(r) == [("ann", "stress", 3.0, 4), ("Smith, Jo", "sleep", 2.0, 8)]


def test_header_is_case_blind_and_extra_columns_are_ignored(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("When, Rater ,CLAIM,Rating,Why\nmon,ann,stress,3,because\n", m)
    assert rows(r) == [("ann", "stress", 3.0, 2)]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "empty file", None),
        ("\n\n", "empty file", None),
        (
            "who,claim,rating\n",
            "the header has no 'rater' column (found 'who', 'claim', "
            "'rating'); a ratings table's header names rater, claim (or link, or item) and "
            "rating",
            1,
        ),
        ("rater,claim,rating,claim\n", "the header names 'claim' and 'claim': keep one", 1),
        ("rater,claim,link,rating\n", "the header names 'claim' and 'link': keep one", 1),
        ("\nrater,claim\n", "the header has no 'rating' column", 2),
    ],
)
def test_bad_headers_fail_with_the_line(
    m: argmap.ArgumentMap, text: str, message: str, line: int | None
) -> None:
    with pytest.raises(FormatError) as info:
        parse_ratings(text, m, file="class.csv")
    assert message in info.value.message
    assert info.value.line == line and info.value.file == "class.csv"


def test_header_only_gives_no_rows(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,claim,rating", m)
    assert r.valid_rows == 0 and r.invalid == () and r.raters == ()


def test_windows_excel_files_bom_crlf_and_semicolons(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffrater;claim;rating\r\nann;stress;2,5\r\nbo;stress;x\r\n".encode())
    r = read_ratings(path, m)
    assert rows(r) == [("ann", "stress", 2.5, 2)]
    assert problems(r) == [(3, "rating 'x' is not a number")]


def test_tabs_and_old_mac_line_ends(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"rater\tclaim\trating\rann\tstress\t4\rbo\tsleep\t9\r")
    r = read_ratings(path, m)
    assert rows(r) == [("ann", "stress", 4.0, 2)]
    assert problems(r) == [(3, "rating 9 is outside the scale 0 to 4")]


def test_text_that_is_not_utf8_names_its_line(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("rater,claim,rating\nann,stress,3\nJosé,stress,2\n".encode("latin-1"))
    with pytest.raises(FormatError) as info:
        read_ratings(path, m)
    assert info.value.line == 3 and "UTF-8" in info.value.message
    assert info.value.file == str(path)


def test_a_quote_never_closed_fails_at_its_line(m: argmap.ArgumentMap) -> None:
    with pytest.raises(FormatError) as info:
        parse_ratings('rater,claim,rating\nann,stress,3\n"bo,sleep,2\ncy,ban,1\n', m)
    assert info.value.line == 3 and "never closed" in info.value.message


def test_a_missing_file_is_an_argmap_error(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="cannot read"):
        read_ratings(tmp_path / "nope.csv", m)


def test_duplicates_the_later_rating_counts_by_default(m: argmap.ArgumentMap) -> None:
    text = "rater,claim,rating\nann,stress,1\nbo,stress,2\nann,stress,4\nann,sleep,3\n"
    r = parse_ratings(text, m)
    assert rows(r) == [
        ("bo", "stress", 2.0, 3),
        ("ann", "stress", 4.0, 4),
        ("ann", "sleep", 3.0, 5),
    ]
    assert [(p.line, p.message) for p in r.superseded] == [
        (2, "'ann' rated 'stress' again on line 4; the later rating counts")
    ]
    r = parse_ratings(text, m, duplicates="first")
    assert [x[:3] for x in rows(r)] == [
        ("ann", "stress", 1.0),
        ("bo", "stress", 2.0),
        ("ann", "sleep", 3.0),
    ]
    assert [(p.line, p.message) for p in r.superseded] == [
        (4, "'ann' rated 'stress' again on line 2; the earlier rating counts")
    ]
    with pytest.raises(ArgmapError, match="duplicates must be one of last, first"):
        parse_ratings(text, m, duplicates="mean")  # type: ignore[arg-type]


def test_a_duplicate_of_a_bad_row_is_no_duplicate(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,claim,rating\nann,stress,9\nann,stress,2\n", m)
    assert rows(r) == [("ann", "stress", 2.0, 3)] and r.superseded == ()


def test_scale_is_configurable(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,claim,rating\nann,stress,7\nbo,stress,0\n", m, scale=Scale(1, 7))
    assert rows(r) == [("ann", "stress", 7.0, 2)]
    assert problems(r) == [(3, "rating 0 is outside the scale 1 to 7")]
    assert Scale(1, 7).convincing == 5.0 and Scale(0, 10).convincing == 6.0
    assert Scale(0, 1).convincing == 1.0 and Scale(0, 4, 2).convincing == 2.0
    with pytest.raises(ArgmapError, match="outside the scale"):
        Scale(0, 4, 5)
    with pytest.raises(ArgmapError, match="must be below"):
        Scale(3, 3)


def test_small_blocks_read_the_same(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    # Blocks far smaller than a row, and quoted fields across block ends, change nothing.
    lines = ["rater,claim,rating"]
    for k in range(200):
        name = f'"Smith, {k}"' if k % 7 == 0 else f"s{k}"
        claim = ["stress", "sleep", "ban", "stres"][k % 4]
        lines.append(f"{name},{claim},{k % 6}")
        if k % 50 == 0:
            lines.append("")
    path = tmp_path / "class.csv"
    path.write_text("\n".join(lines) + "\n")
    whole = read_ratings(path, m)
    for block in (1, 7, 64, 1000):
        part = read_ratings(path, m, block=block)
        assert rows(part) == rows(whole)
        assert part.invalid == whole.invalid and part.superseded == whole.superseded


def test_a_row_far_longer_than_any_rating_is_refused(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    from argmap.judgements import _reader

    path = tmp_path / "long.csv"
    path.write_bytes(b"rater,claim,rating\n" + b"x" * (_reader.MAX_ROW + (1 << 17)) + b"\n")
    with pytest.raises(FormatError, match="longer than") as info:
        read_ratings(path, m, block=1 << 16)
    assert info.value.line == 2


def test_rows_from_python(m: argmap.ArgumentMap) -> None:
    r = ratings_from_rows(
        [
            ("ann", "stress", 3),
            {"rater": "bo", "claim": "sleep", "rating": "2"},
            ("cy", "s1", True),
        ],
        m,
    )
    assert rows(r) == [("ann", "stress", 3.0, 1), ("bo", "sleep", 2.0, 2)]
    assert problems(r) == [(3, "rating True is not a number")]


def test_rows_are_held_compactly(m: argmap.ArgumentMap) -> None:
    r = parse_ratings("rater,claim,rating\nann,stress,3\n", m)
    assert r.item.dtype == np.uint16 and r.code.dtype == np.uint8
    assert r.rater.dtype == np.int32 and r.line.dtype == np.int32


def test_several_files_are_read_as_one_table(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text("rater,claim,rating\nann,stress,3\nbo,s1,2\n")
    links = tmp_path / "links.csv"
    links.write_text("\nrater,link,rating\nann,s1,4\nann,stress,1\nbo,s1,1\n")
    r = read_ratings([claims, links], m)
    assert [(x[0], x[1], x[2]) for x in rows(r)] == [
        ("ann", "stress", 3.0),
        ("ann", "s1", 4.0),
        ("bo", "s1", 1.0),
    ]
    assert [(p.file, p.line, p.message) for p in r.invalid] == [
        (str(claims), 3, "'s1' is a link, not a claim (name the column 'item' for both)"),
        (str(links), 4, "'stress' is a claim, not a link (name the column 'item' for both)"),
    ]
    assert [r.locate(int(line)) for line in r.line] == [
        (str(claims), 2),
        (str(links), 3),
        (str(links), 5),
    ]
    assert r.files == (str(claims), str(links)) and r.source_format == "csv"
    assert [p.where() for p in r.invalid] == [f"{claims}:3", f"{links}:4"]


def test_a_rating_again_in_another_file(m: argmap.ArgumentMap, tmp_path: Path) -> None:
    first = tmp_path / "monday.csv"
    first.write_text("rater,claim,rating\nann,stress,3\n")
    second = tmp_path / "friday.csv"
    second.write_text("rater,claim,rating\nann,stress,1\n")
    r = read_ratings([first, second], m)
    assert rows(r) == [("ann", "stress", 1.0, r.offsets[1] + 2)]
    assert [(p.file, p.line, p.message) for p in r.superseded] == [
        (str(first), 2, f"'ann' rated 'stress' again in {second}, line 2; the later rating counts")
    ]
    j = argmap.judge(m, [first, second])
    assert j.student("ann").rows[0].file == str(second)
    with pytest.raises(ArgmapError, match="no ratings file"):
        read_ratings([], m)


def test_kialo_votes_need_kialos_scale(tmp_path: Path) -> None:
    k = argmap.formats.reads("Discussion Title: P?\n\n1. Yes.\n1.1. Pro: Why.\n", "kialo")
    votes = tmp_path / "votes.csv"
    votes.write_text("user,position,vote\nann,1.1.,3\n")
    with pytest.raises(FormatError, match="Kialo's scale, 0 to 4, not 1 to 7") as info:
        read_ratings(votes, k, scale=Scale(1, 7))
    assert info.value.line == 1
    assert read_ratings(votes, k, scale=Scale(0, 4, 2)).scale.convincing == 2.0
