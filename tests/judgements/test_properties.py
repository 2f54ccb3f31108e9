"""Property tests: statistics against plain Python, and the two readers against each other."""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.judgements import Scale, _arrow, parse_ratings, ratings_from_rows
from argmap.judgements import stats as summary_module
from argmap.judgements.ratings import Ratings

from .helpers import CLAIMS, LINKS, homework_map

MAP = homework_map()
ITEMS = CLAIMS + LINKS
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

raters = st.sampled_from(["ann", "bo", "cy", "dee", "Ed Z", "fo"])
on_grid = st.sampled_from([0, 1, 2, 3, 4, 0.5, 2.5])
anywhere = st.floats(min_value=0, max_value=4, allow_nan=False)
rating_rows = st.lists(
    st.tuples(raters, st.sampled_from(ITEMS), st.one_of(on_grid, anywhere)), max_size=60
)


def quantile(xs: list[float], p: float) -> float:
    """Linear interpolation between order statistics (Hyndman & Fan 7), by hand."""
    xs = sorted(xs)
    h = (len(xs) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def counted_values(rows: list[tuple[str, str, float]]) -> dict[str, list[float]]:
    """What counts per item: the last rating of each rater (the default rule)."""
    last: dict[tuple[str, str], float] = {}
    for rater, item, value in rows:
        last[(rater, item)] = float(value)
    out: dict[str, list[float]] = defaultdict(list)
    for (_, item), value in last.items():
        out[item].append(value)
    return out


def close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("histograms", [True, False], ids=["histograms", "sorted"])
@SETTINGS
@given(rows=rating_rows, threshold=st.sampled_from([0.0, 2.0, 3.0, 4.0]))
def test_statistics_match_plain_python(
    rows: list[tuple[str, str, float]], threshold: float, histograms: bool
) -> None:
    scale = Scale(0, 4, threshold)
    original = summary_module.HISTOGRAM_CELLS
    summary_module.HISTOGRAM_CELLS = original if histograms else 0
    try:
        j = argmap.judge(MAP, ratings_from_rows(rows, MAP, scale=scale))
    finally:
        summary_module.HISTOGRAM_CELLS = original
    expected = counted_values(rows)
    for s in j.items:
        xs = expected.get(s.id, [])
        assert s.n == len(xs)
        if not xs:
            assert s.mean is None and s.median is None and s.disagreement is None
            continue
        assert close(s.mean, math.fsum(xs) / len(xs))
        assert close(s.median, statistics.median(xs))
        assert close(s.spread, statistics.pstdev(xs))
        assert close(s.iqr, quantile(xs, 0.75) - quantile(xs, 0.25))
        assert close(s.disagreement, statistics.pvariance(xs) / 4.0)
        assert close(s.convincing, sum(x >= threshold for x in xs) / len(xs))
        assert s.disagreement is not None and 0.0 <= s.disagreement <= 1.0 + 1e-12


@SETTINGS
@given(rows=rating_rows)
def test_students_against_the_rest_of_the_class(rows: list[tuple[str, str, float]]) -> None:
    j = argmap.judge(MAP, ratings_from_rows(rows, MAP))
    last: dict[tuple[str, str], float] = {}
    for rater, item, value in rows:
        last[(rater, item)] = float(value)
    for rater in {r for r, _ in last}:
        view = j.student(rater)
        mine = {item: v for (r, item), v in last.items() if r == rater}
        assert {row.id: row.rating for row in view.rows} == mine
        for row in view.rows:
            others = [v for (r, item), v in last.items() if item == row.id and r != rater]
            if others:
                assert close(row.others, math.fsum(others) / len(others))
                assert close(row.difference, mine[row.id] - math.fsum(others) / len(others))
            else:
                assert row.others is None and row.difference is None
        diffs = [abs(row.difference) for row in view.rows if row.difference is not None]
        if diffs:
            assert close(view.mean_abs_difference, sum(diffs) / len(diffs))
            # largest first
            assert [abs(r.difference) for r in view.rows[: len(diffs)]] == sorted(
                diffs, reverse=True
            )
    summaries = {s.name: s for s in j.students()}
    assert set(summaries) == {r for r, _ in last}
    for s in summaries.values():
        view = j.student(s.name)
        assert s.n == len(view.rows)
        if view.mean_abs_difference is None:
            assert s.most_different is None
        else:
            assert close(s.mean_abs_difference, view.mean_abs_difference)
            top = view.rows[0]
            assert top.difference is not None and s.difference is not None
            assert abs(s.difference) == pytest.approx(abs(top.difference))


# -- the two readers ---------------------------------------------------------------------------

cell_text = st.sampled_from(
    [
        "ann",
        "bo",
        " cy ",
        "Ed Z",
        "  ",
        "",
        "stress",
        "sleep",
        "s1",
        "stres",
        "zz",
        "3",
        "2.5",
        "4 ",
        "x",
        "-1",
        "9",
        "0",
        "1e0",
    ]
)
table_rows = st.lists(
    st.one_of(
        st.lists(cell_text, min_size=3, max_size=3),
        st.lists(cell_text, min_size=0, max_size=5),  # blank lines and wrong widths too
    ),
    max_size=40,
)


def write(header: list[str], rows: list[list[str]], *, crlf: bool, quote_all: bool) -> str:
    if quote_all:
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n" if crlf else "\n").writerows(
            [header, *rows]
        )
        return buf.getvalue()
    end = "\r\n" if crlf else "\n"
    return end.join(",".join(r) for r in [header, *rows]) + end


def same(a: Ratings, b: Ratings) -> None:
    for name in ("rater", "item", "code", "line", "levels"):
        assert getattr(a, name).tolist() == getattr(b, name).tolist(), name
    assert a.raters == b.raters and a.invalid == b.invalid and a.superseded == b.superseded


@pytest.mark.skipif(not _arrow.available(), reason="pyarrow (argmap[judge]) not installed")
@SETTINGS
@given(rows=table_rows, crlf=st.booleans(), column=st.sampled_from(["claim", "item", "link"]))
def test_arrow_and_csv_readers_agree(rows: list[list[str]], crlf: bool, column: str) -> None:
    text = write(["rater", column, "rating"], rows, crlf=crlf, quote_all=False)
    fast = parse_ratings(text, MAP)
    saved = list(_arrow._MODULES)
    _arrow._MODULES[:] = [None]  # as without pyarrow
    try:
        slow = parse_ratings(text, MAP)
    finally:
        _arrow._MODULES[:] = saved
    same(fast, slow)
    # Quoting every field (the csv path) reads the same rows too, blank lines aside:
    # a quoted empty field is a row, not a blank line.
    full = [r for r in rows if r and r != [""]]
    quoted = parse_ratings(write(["rater", column, "rating"], full, crlf=crlf, quote_all=True), MAP)
    plain = parse_ratings(write(["rater", column, "rating"], full, crlf=crlf, quote_all=False), MAP)
    assert [(p.message) for p in quoted.invalid] == [(p.message) for p in plain.invalid]
    assert quoted.values().tolist() == plain.values().tolist()


@SETTINGS
@given(rows=rating_rows, slice_size=st.integers(min_value=1, max_value=7))
def test_student_summaries_do_not_depend_on_the_slices(
    rows: list[tuple[str, str, float]], slice_size: int
) -> None:
    from argmap.judgements import students as students_module

    j = argmap.judge(MAP, ratings_from_rows(rows, MAP))
    whole = j.students()
    original = students_module.SLICE
    students_module.SLICE = slice_size
    try:
        sliced = j.students()
    finally:
        students_module.SLICE = original
    assert [s.name for s in sliced] == [s.name for s in whole]
    for a, b in zip(sliced, whole, strict=True):
        assert (a.n, a.most_different) == (b.n, b.most_different)
        for x, y in ((a.mean_abs_difference, b.mean_abs_difference), (a.difference, b.difference)):
            assert (x is None) == (y is None)
            if x is not None and y is not None:
                assert math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
