"""Kialo votes: impact ratings of the positions of a discussion read from a Kialo export.

On Kialo, participants vote on each claim's *impact* on the claim above it (how true and
how relevant it is) on five levels, from "No impact" to "Very high impact", and on each
thesis's veracity. Kialo documents the voting scale but publishes no per-voter export (its
discussion export, which :mod:`argmap.formats.kialo` reads, carries no votes), so argmap reads
a table a teacher can put together from a Kialo Edu discussion:

.. code-block:: text

    user,position,vote
    ann,1.1.,Very high impact
    ann,1.2.,1
    bo,1.,3

``user`` (or ``rater``) names the voter; ``position`` is the claim's Kialo number, with or
without the last dot; ``vote`` (or ``impact``) is a number 0–4 or one of Kialo's level names
(``No impact`` = 0, ``Low`` = 1, ``Medium`` = 2, ``High`` = 3, ``Very high`` = 4, with or
without the word "impact").

The map must come from the same discussion (``argmap convert discussion.txt map.json``, or
the export read directly): a vote on a pro or con position rates the *link* from it to its
parent (``s1-2`` or ``a1-2``), which is what Kialo's impact means; a vote on a thesis rates
the thesis claim (``1``). The scale is Kialo's, 0 to 4.
"""

from __future__ import annotations

import re

from .._words import did_you_mean
from .ratings import ItemIndex, Scale, parse_rating

__all__ = ["IMPACT_LEVELS", "KIALO_SCALE", "columns", "impact", "resolve_position"]

#: Kialo's five impact levels, by the number argmap gives each.
IMPACT_LEVELS = ("no impact", "low impact", "medium impact", "high impact", "very high impact")
KIALO_SCALE = Scale(0, 4)

_LEVEL = {name: float(k) for k, name in enumerate(IMPACT_LEVELS)}
_LEVEL.update({name.removesuffix(" impact"): value for name, value in list(_LEVEL.items())})
_LEVEL["none"] = 0.0
_NUMBERED = re.compile(r"(?:\d+\.)*\d+\.?")

#: Header names for each role, the first one the documented name.
RATER_NAMES = ("user", "rater")
ITEM_NAMES = ("position",)
RATING_NAMES = ("vote", "impact", "rating")


def columns() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The header names accepted for the voter, the position and the vote."""
    return RATER_NAMES, ITEM_NAMES, RATING_NAMES


def impact(value: object, scale: Scale = KIALO_SCALE) -> float | str:
    """A Kialo vote as a number: a level's name or a number on the scale.

    >>> impact("Very high impact"), impact(" low "), impact("2")
    (4.0, 1.0, 2.0)
    >>> impact("huge")
    "vote 'huge' is neither 0 to 4 nor a Kialo impact level (No impact ... Very high impact)"
    """
    if isinstance(value, str):
        words = " ".join(value.lower().split())
        if words in _LEVEL:
            return _LEVEL[words]
        if words and not words[0].isdigit() and words[0] not in "+-.":
            shown = value.strip()
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            return (
                f"vote {shown!r} is neither {scale.low:g} to {scale.high:g} nor a Kialo "
                "impact level (No impact ... Very high impact)"
            )
    return parse_rating(value, scale)


def resolve_position(items: ItemIndex, text: str) -> int | str:
    """The item a Kialo position number stands for: its link to its parent, or the thesis.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in ("1", "1-1"):
    ...     _ = m.claim(cid, "Text.")
    >>> _ = m.support("1-1", "1", id="s1-1")
    >>> items = ItemIndex(m)
    >>> [items.ids[resolve_position(items, p)] for p in ("1.", "1.1")]
    ['1', 's1-1']
    >>> resolve_position(items, "1.7.")
    'no position 1.7. in the map (did you mean 1.1.?)'
    """
    if not text:
        return "no position"
    if not _NUMBERED.fullmatch(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        return f"{shown!r} is not a Kialo position number such as 1.2."
    pid = text.rstrip(".").replace(".", "-")
    for item_id in (f"s{pid}", f"a{pid}", pid):
        i = items.index.get(item_id)
        if i is not None:
            return i
    numbers = [x.replace("-", ".") + "." for x in items.ids[: items.n_claims]]
    close = did_you_mean(pid.replace("-", ".") + ".", numbers)
    hint = f" (did you mean {close}?)" if close else ""
    return f"no position {pid.replace('-', '.')}. in the map{hint}"
