"""Per-student views: where one rater's ratings differ from the rest of the class.

A student is compared with the *rest* of the class: for each item they rated, the mean
rating of everyone else who rated it (leave-one-out), so a student's own rating does not
pull the class towards them (in a class of ten it would make up a tenth of the mean).
Items nobody else rated have no comparison and are listed without one.

``difference`` is the student's rating minus the rest of the class's mean: positive when the
student found the item more convincing than the others did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._words import unknown_name
from ..errors import UnknownNameError

if TYPE_CHECKING:
    from .stats import JudgementStats

__all__ = ["StudentRow", "StudentSummary", "StudentView", "student_summaries", "student_view"]

#: Rows taken at a time by :func:`student_summaries`.
SLICE = 1 << 20


@dataclass(frozen=True)
class StudentRow:
    """One item a student rated: their rating, the others' mean, and the difference."""

    id: str
    kind: str
    rating: float
    others: float | None
    difference: float | None
    line: int
    file: str | None = None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, digits)

        out = {
            "id": self.id,
            "kind": self.kind,
            "rating": r(self.rating),
            "others_mean": r(self.others),
            "difference": r(self.difference),
            "line": self.line,
        }
        if self.file is not None:
            out["file"] = self.file
        return out


@dataclass(frozen=True)
class StudentView:
    """A student's ratings, the items where they differ most from the others first."""

    name: str
    rows: list[StudentRow]
    mean_abs_difference: float | None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        mad = self.mean_abs_difference
        return {
            "rater": self.name,
            "n": len(self.rows),
            "mean_abs_difference": None if mad is None else round(mad, digits),
            "items": [row.to_dict(digits) for row in self.rows],
        }


@dataclass(frozen=True)
class StudentSummary:
    """One line per student: how many items, how far from the others, and where most."""

    name: str
    n: int
    mean_abs_difference: float | None
    most_different: str | None
    difference: float | None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, digits)

        return {
            "rater": self.name,
            "n": self.n,
            "mean_abs_difference": r(self.mean_abs_difference),
            "most_different": self.most_different,
            "difference": r(self.difference),
        }


def _differences(j: JudgementStats, rows: Any) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Some counted ratings (``rows``: a slice or indexes) and the rest of the class's mean
    for each one's item (NaN where nobody else rated it)."""
    r = j.ratings
    items = r.item[rows]
    values = r.levels[r.code[rows]]
    n = j.stats["n"][items]
    with np.errstate(invalid="ignore", divide="ignore"):
        others = np.where(n > 1, (j.stats["sum"][items] - values) / (n - 1), np.nan)
    return values, others


def student_view(j: JudgementStats, name: str) -> StudentView:
    """The view of the rater called ``name`` (see the module docstring).

    Examples
    --------
    >>> import argmap
    >>> from argmap.judgements import ratings_from_rows
    >>> m = argmap.ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> rows = [("ann", "t", 4), ("bo", "t", 1), ("cy", "t", 1)]
    >>> view = argmap.judge(m, ratings_from_rows(rows, m)).student("ann")
    >>> view.rows[0].others, view.rows[0].difference
    (1.0, 3.0)
    """
    r = j.ratings
    try:
        code = r.raters.index(name)
    except ValueError:
        same = [x for x in r.raters if x.casefold() == name.casefold()]
        if len(same) == 1:  # names are matched exactly: say which spelling is in the table
            raise UnknownNameError(f"no rater {name!r} (did you mean {same[0]!r}?)") from None
        raise unknown_name("rater", name, sorted(r.raters)) from None
    mine = np.flatnonzero(r.rater == code)
    values, others = _differences(j, mine)
    rows = []
    for at, k in enumerate(mine.tolist()):
        i = int(r.item[k])
        other, value = float(others[at]), float(values[at])
        has = other == other  # not NaN
        file, line = r.locate(int(r.line[k]))
        rows.append(
            StudentRow(
                r.items.ids[i],
                r.items.kind(i),
                value,
                other if has else None,
                value - other if has else None,
                line,
                file,
            )
        )
    order = {item_id: k for k, item_id in enumerate(r.items.ids)}
    rows.sort(key=lambda row: (row.difference is None, -abs(row.difference or 0.0), order[row.id]))
    diffs = [abs(row.difference) for row in rows if row.difference is not None]
    mad = sum(diffs) / len(diffs) if diffs else None
    return StudentView(name, rows, mad)


def student_summaries(j: JudgementStats) -> list[StudentSummary]:
    """Every rater, the one furthest from the others first (then by name).

    "Furthest" is the mean absolute difference over the items they rated that others rated
    too; ``most_different`` is the item with the largest absolute difference (the first in
    map order on a tie).
    """
    r = j.ratings
    n_raters = len(r.raters)
    rated = np.zeros(n_raters, dtype=np.int64)
    n_compared = np.zeros(n_raters)
    total = np.zeros(n_raters)
    largest = np.full(n_raters, -1.0)  # each rater's largest difference so far
    best_item = np.full(n_raters, -1, dtype=np.int64)  # and its item
    best_diff = np.zeros(n_raters)
    for start in range(0, r.rater.size, SLICE):  # a slice at a time: memory stays small
        rows = slice(start, start + SLICE)
        raters, items = r.rater[rows], r.item[rows].astype(np.int64)
        values, others = _differences(j, rows)
        diff = values - others
        compared = ~np.isnan(diff)
        absdiff = np.where(compared, np.abs(diff), 0.0)
        rated += np.bincount(raters, minlength=n_raters)
        n_compared += np.bincount(raters, weights=compared, minlength=n_raters)
        total += np.bincount(raters, weights=absdiff, minlength=n_raters)
        here = np.full(n_raters, -1.0)
        np.maximum.at(here, raters[compared], absdiff[compared])
        # Of this slice's rows at a rater's largest, the lowest item; then against before.
        at = np.flatnonzero(compared & (absdiff == here[raters]))
        at = at[np.lexsort((items[at], raters[at]))]
        who, first = np.unique(raters[at], return_index=True)
        item_here = items[at[first]]
        better = (here[who] > largest[who]) | (
            (here[who] == largest[who]) & (item_here < best_item[who])
        )
        who, first = who[better], first[better]
        largest[who] = here[who]
        best_item[who] = items[at[first]]
        best_diff[who] = diff[at[first]]
    out = []
    for code, name in enumerate(r.raters):
        k = int(best_item[code])
        mad = float(total[code] / n_compared[code]) if n_compared[code] else None
        out.append(
            StudentSummary(
                name,
                int(rated[code]),
                mad,
                r.items.ids[k] if k >= 0 else None,
                float(best_diff[code]) if k >= 0 else None,
            )
        )
    out.sort(key=lambda s: (s.mean_abs_difference is None, -(s.mean_abs_difference or 0.0), s.name))
    return out
