"""Where the rater, item and rating fields sit in a ratings table's rows.

Both the csv reader (:mod:`argmap.judgements._reader`) and the pyarrow fast path
(:mod:`argmap.judgements._arrow`) read rows through it, so it lives below both.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Columns"]


@dataclass(frozen=True)
class Columns:
    """Where the three fields are in a row, and how to read them."""

    names: tuple[str, ...]
    rater: int
    item: int
    rating: int
    item_column: str
    delimiter: str
