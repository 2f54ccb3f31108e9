"""Class judgements: how a class rated a map's claims and links, and what follows from it.

:func:`judge` reads the ratings (a CSV table ``rater,claim,rating`` or ``rater,link,rating``,
a Kialo vote table, or Python rows) and returns a :class:`Judgement`: per claim and per link
the number of raters, mean, median, spread, a disagreement index and the share who found it
convincing; the items the class is most split on; each student's distance from the rest of
the class; the positions' gradual strength from the class's ratings against the map's own
confidences, with the claim each one hinges on; and the diagram shaded by the class.

Modules: :mod:`~argmap.judgements.ratings` (the scale and the rows),
:mod:`~argmap.judgements.read` (files), :mod:`~argmap.judgements.kialo` (Kialo votes),
:mod:`~argmap.judgements.summary` (statistics), :mod:`~argmap.judgements.students`,
:mod:`~argmap.judgements.sensitivity`, :mod:`~argmap.judgements.diagram` and
:mod:`~argmap.judgements.report` (JSON, Markdown, text, CSV).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import cast

from ..errors import ArgmapError
from ..model import ArgumentMap
from .ratings import Duplicates, Ratings, RowProblem, Scale
from .read import RatingsFormat, parse_ratings, read_ratings
from .rows import ratings_from_rows
from .sensitivity import StrengthComparison
from .students import StudentSummary, StudentView
from .summary import ItemStats, Judgement

__all__ = [
    "ItemStats",
    "Judgement",
    "Ratings",
    "RowProblem",
    "Scale",
    "StrengthComparison",
    "StudentSummary",
    "StudentView",
    "judge",
    "parse_ratings",
    "ratings_from_rows",
    "read_ratings",
]


def judge(
    m: ArgumentMap,
    ratings: Ratings
    | str
    | Path
    | Sequence[str | Path]
    | Iterable[tuple[object, object, object] | Mapping[str, object]],
    *,
    scale: Scale | None = None,
    format: RatingsFormat | None = None,
    duplicates: Duplicates = "last",
) -> Judgement:
    """The class's judgement of the map ``m``.

    Parameters
    ----------
    m : ArgumentMap
    ratings : Ratings, path, list of paths, or iterable of rows
        Already read :class:`Ratings`; the path of a ratings file, or a list of them read as
        one (see :func:`read_ratings`); or ``(rater, claim-or-link id, rating)`` tuples.
    scale : Scale, optional
        The rating scale (0 to 4, convincing from 3, by default).
    format : {"csv", "kialo"}, optional
        For a file: its layout, when the header does not tell.
    duplicates : {"last", "first"}
        Which of two ratings of one item by one rater counts.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Homework")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stress", "Homework causes stress.")
    'stress'
    >>> m.support("stress", "ban")
    's1'
    >>> rows = [("ann", "stress", 4), ("bo", "stress", 1), ("cy", "stress", 4), ("ann", "s1", 3)]
    >>> j = argmap.judge(m, rows)
    >>> s = j["stress"]
    >>> s.n, s.mean, s.median, round(s.convincing, 2)
    (3, 3.0, 4.0, 0.67)
    >>> [item.id for item in j.disagreements()]
    ['stress']
    """
    if isinstance(ratings, Ratings):
        if scale is not None and scale != ratings.scale:
            raise ArgmapError("the ratings were read on another scale; read them with this one")
        if ratings.items.ids != tuple([c.id for c in m.claims] + [x.id for x in m.links]):
            raise ArgmapError("the ratings were read for another map (its claims and links differ)")
        return Judgement(m, ratings)
    if isinstance(ratings, str | Path):
        read = read_ratings(ratings, m, scale=scale, format=format, duplicates=duplicates)
        return Judgement(m, read)
    rows = list(ratings)
    if rows and all(isinstance(x, str | Path) for x in rows):  # several files
        files = [Path(x) for x in rows]  # type: ignore[arg-type]
        return Judgement(
            m, read_ratings(files, m, scale=scale, format=format, duplicates=duplicates)
        )
    table = cast("list[tuple[object, object, object] | Mapping[str, object]]", rows)
    return Judgement(m, ratings_from_rows(table, m, scale=scale, duplicates=duplicates))
