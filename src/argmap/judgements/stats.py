"""A class's ratings summed up per item: the statistics a :class:`Judgement` is made of.

The numbers sit below everything that words or draws them (the report, the diagram, the
students' views, the sensitivity check), and :class:`argmap.judgements.summary.Judgement`
adds those as methods on top, so none of them reaches back for the class that calls them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..model import ArgumentMap
from .ratings import Ratings

__all__ = ["DISAGREEMENT", "SPREAD", "ItemStats", "JudgementStats", "item_statistics"]

FloatArray = npt.NDArray[np.float64]

#: What ``spread`` and ``disagreement`` are, as reports name them.
SPREAD = "standard deviation (population)"
DISAGREEMENT = "variance / largest possible variance on the scale, (max - min)^2 / 4"

#: Histograms are used up to this many item × rating-value cells.
HISTOGRAM_CELLS = 1 << 24
#: Rows counted at a time.
SLICE = 1 << 20


@dataclass(frozen=True)
class ItemStats:
    """The class's ratings of one claim or link."""

    id: str
    kind: str
    n: int
    mean: float | None
    median: float | None
    spread: float | None
    iqr: float | None
    disagreement: float | None
    convincing: float | None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "n": self.n}
        for name in ("mean", "median", "spread", "iqr", "disagreement", "convincing"):
            value = getattr(self, name)
            out[name] = None if value is None else round(value, digits)
        return out


def item_statistics(r: Ratings) -> dict[str, FloatArray]:
    """Arrays over all items (claims, then links): ``n``, ``sum``, ``mean``, ``median``,
    ``spread``, ``iqr``, ``disagreement``, ``convincing``; NaN where ``n`` is 0.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.judgements import ratings_from_rows
    >>> m = ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> r = ratings_from_rows([("a", "t", 0), ("b", "t", 4), ("c", "t", 4), ("d", "t", 0)], m)
    >>> s = item_statistics(r)
    >>> float(s["mean"][0]), float(s["spread"][0]), float(s["disagreement"][0])
    (2.0, 2.0, 1.0)
    """
    n_items, k = len(r.items), r.levels.size
    if k and n_items * k <= HISTOGRAM_CELLS:
        out = _from_histograms(r, n_items)
    else:
        out = _from_sorted(r, n_items)
    n = out["n"]
    rated = n > 0
    half = r.scale.width / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        out["disagreement"] = np.where(rated, out["variance"] / (half * half), np.nan)
        out["spread"] = np.sqrt(out["variance"])
    return out


def _from_histograms(r: Ratings, n_items: int) -> dict[str, FloatArray]:
    k = r.levels.size
    counts = np.zeros(n_items * k, dtype=np.int64)
    cell_type = np.int32 if n_items * k < 1 << 31 else np.int64
    for start in range(0, r.item.size, SLICE):  # a slice at a time: no row-sized temporaries
        cells = np.multiply(r.item[start : start + SLICE], k, dtype=cell_type)
        np.add(cells, r.code[start : start + SLICE], out=cells)
        counts += np.bincount(cells, minlength=n_items * k)
    hist = counts.reshape(n_items, k)
    n = hist.sum(axis=1)
    levels = r.levels
    with np.errstate(invalid="ignore", divide="ignore"):
        total = hist @ levels
        mean = np.where(n > 0, total / n, np.nan)
        centred = levels[None, :] - np.nan_to_num(mean)[:, None]
        variance = np.where(n > 0, (hist * centred * centred).sum(axis=1) / n, np.nan)
        convincing = np.where(n > 0, hist[:, levels >= r.scale.convincing].sum(axis=1) / n, np.nan)
    cum = np.cumsum(hist, axis=1)

    def nth(j: npt.NDArray[np.int64]) -> FloatArray:
        # the j-th smallest rating of each item (0-based): the first level whose count passes j
        return np.asarray(levels[np.minimum((cum <= j[:, None]).sum(axis=1), k - 1)])

    q = {p: _quantile(n, p, nth) for p in (0.25, 0.5, 0.75)}
    return {
        "n": n.astype(np.float64),
        "sum": total,
        "mean": mean,
        "variance": variance,
        "median": q[0.5],
        "iqr": q[0.75] - q[0.25],
        "convincing": convincing,
    }


def _from_sorted(r: Ratings, n_items: int) -> dict[str, FloatArray]:
    values = r.values()
    order = np.lexsort((values, r.item))
    ordered = values[order]
    n = np.bincount(r.item, minlength=n_items)
    starts = np.cumsum(n) - n
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.bincount(r.item, weights=values, minlength=n_items)
        mean = np.where(n > 0, total / n, np.nan)
        dev = values - np.nan_to_num(mean)[r.item]
        variance = np.where(
            n > 0, np.bincount(r.item, weights=dev * dev, minlength=n_items) / n, np.nan
        )
        hits = (values >= r.scale.convincing).astype(np.float64)
        convincing = np.where(
            n > 0, np.bincount(r.item, weights=hits, minlength=n_items) / n, np.nan
        )

    def nth(j: npt.NDArray[np.int64]) -> FloatArray:
        at = np.minimum(starts + j, max(ordered.size - 1, 0))
        return np.asarray(ordered[at]) if ordered.size else np.full(j.size, np.nan)

    q = {p: _quantile(n, p, nth) for p in (0.25, 0.5, 0.75)}
    return {
        "n": n.astype(np.float64),
        "sum": total,
        "mean": mean,
        "variance": variance,
        "median": q[0.5],
        "iqr": q[0.75] - q[0.25],
        "convincing": convincing,
    }


def _quantile(n: npt.NDArray[np.int64], p: float, nth: Any) -> FloatArray:
    """Quantile ``p`` of each item by linear interpolation (numpy's default method)."""
    h = np.maximum(n - 1, 0) * p
    lo = np.floor(h).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
    a, b = nth(lo), nth(hi)
    return np.where(n > 0, a + (h - lo) * (b - a), np.nan)


class JudgementStats:
    """The numbers of a :class:`~argmap.judgements.summary.Judgement`: per-item statistics
    (``claims`` and ``links`` in map order, ``n = 0`` for those nobody rated), the raters,
    the class means and :meth:`disagreements`."""

    def __init__(self, m: ArgumentMap, ratings: Ratings) -> None:
        self.map = m
        self.ratings = ratings
        self.scale = ratings.scale
        self.stats = item_statistics(ratings)
        items = ratings.items
        self.items: list[ItemStats] = [
            self._item(i, item_id, items.kind(i)) for i, item_id in enumerate(items.ids)
        ]
        self.claims = self.items[: items.n_claims]
        self.links = self.items[items.n_claims :]
        self._by_id = {s.id: s for s in self.items}

    def _item(self, i: int, item_id: str, kind: str) -> ItemStats:
        s = self.stats
        n = int(s["n"][i])

        def get(name: str) -> float | None:
            return float(s[name][i]) if n else None

        return ItemStats(
            item_id,
            kind,
            n,
            get("mean"),
            get("median"),
            get("spread"),
            get("iqr"),
            get("disagreement"),
            get("convincing"),
        )

    def __getitem__(self, item_id: str) -> ItemStats:
        """The statistics of one claim or link."""
        try:
            return self._by_id[item_id]
        except KeyError:
            from .._words import unknown_name

            raise unknown_name("claim or link", item_id, self._by_id) from None

    @property
    def valid_rows(self) -> int:
        return self.ratings.valid_rows

    @property
    def raters(self) -> tuple[str, ...]:
        return self.ratings.raters

    def class_means(self) -> dict[str, float]:
        """Each rated claim's mean rating rescaled to [0, 1] (0 the scale's low end)."""
        return {s.id: self.scale.rescale(s.mean) for s in self.claims if s.mean is not None}

    def disagreements(self, *, min_n: int = 2, limit: int | None = None) -> list[ItemStats]:
        """Items rated by at least ``min_n`` raters, the most split first.

        Sorted by disagreement, then spread, then the number of raters (more first), then
        map order, so ties come out the same every time.
        """
        order = {s.id: k for k, s in enumerate(self.items)}
        rows = [s for s in self.items if s.n >= min_n and s.disagreement is not None]
        rows.sort(key=lambda s: (-(s.disagreement or 0.0), -(s.spread or 0.0), -s.n, order[s.id]))
        return rows if limit is None else rows[:limit]
