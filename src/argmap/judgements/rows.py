"""Ratings from Python values rather than a file: a list of tuples or mappings.

It sits above :mod:`argmap.judgements._collect` (which it feeds row by row) and
:mod:`argmap.judgements.ratings` (whose types it returns), so the collector can use the
rating types without the types' module reaching back for the collector.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from ..model import ArgumentMap
from ._collect import Collector
from .ratings import Duplicates, ItemIndex, Ratings, Scale

__all__ = ["ratings_from_rows"]


def ratings_from_rows(
    rows: Iterable[tuple[object, object, object] | Mapping[str, object]],
    m: ArgumentMap,
    *,
    scale: Scale | None = None,
    column: str = "item",
    duplicates: Duplicates = "last",
) -> Ratings:
    """Ratings from Python values: ``(rater, item, rating)`` tuples or mappings.

    Mappings use the keys ``rater``, ``rating`` and one of ``claim``, ``link`` or ``item``.
    Row numbers (from 1) stand for line numbers in problems.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> r = ratings_from_rows([("ann", "t", 3), ("bo", "t", 9), ("cy", "x", 1)], m)
    >>> r.valid_rows, [str(p) for p in r.invalid]
    (1, ['2: rating 9 is outside the scale 0 to 4', "3: no item 'x' (choose from t)"])
    """
    collector = Collector(ItemIndex(m), scale or Scale())
    collector.use(column, file=None, kind="rows")
    raters: list[object] = []
    items: list[object] = []
    values: list[object] = []
    for row in rows:
        if isinstance(row, Mapping):
            item_key = next((k for k in ("claim", "link", "item") if k in row), "item")
            raters.append(row.get("rater", ""))
            items.append(row.get(item_key, ""))
            values.append(row.get("rating", ""))
        else:
            rater, item, value = row
            raters.append(rater)
            items.append(item)
            values.append(value)
    lines = np.arange(1, len(raters) + 1, dtype=np.int32)
    collector.add_rows(lines, raters, items, values)
    return collector.finish(duplicates)
