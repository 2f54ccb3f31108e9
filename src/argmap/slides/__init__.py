"""Slides of a map: an overview of its positions, then one slide per position with its
reasons and objections, as 16:9 PDF or as one offline HTML file, with speaker notes.

>>> import argmap
>>> from argmap.slides import plan_deck
>>> m = argmap.examples.soviet_socialism()
>>> deck = plan_deck(m)  # needs Graphviz
>>> len(deck.slides) >= 1 + sum(c.kind == "position" for c in m.claims)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypedDict, Unpack

from .._words import option_error
from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .html import deck_html
from .pdf import NOTES, deck_pdf
from .plan import Deck, Slide, plan_deck

__all__ = [
    "NOTES",
    "Deck",
    "Slide",
    "SlideKeywords",
    "deck_html",
    "deck_pdf",
    "plan_deck",
    "write_slides",
]


class SlideKeywords(TypedDict, total=False):
    """The options of :func:`write_slides`."""

    notes: Literal["annotations", "pages", "none"]
    bw: bool


def write_slides(m: ArgumentMap, path: str | Path, **options: Unpack[SlideKeywords]) -> Deck:
    """Write the slides of ``m`` to ``path``: ``.pdf``, or ``.html``/``.htm`` for one page.

    Options: ``notes`` ("annotations", "pages" or "none"; PDF only) and ``bw``. Returns the
    deck written. The file is replaced atomically.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise RenderError(f"{target}: slides are written as .pdf or .html (got {suffix!r})")
    unknown = sorted(set(options) - set(SlideKeywords.__annotations__))
    if unknown:  # an OptionError, a TypeError too, as for a wrong keyword argument
        raise option_error("slides", unknown[0], SlideKeywords.__annotations__)
    bw = bool(options.get("bw", False))
    notes = options.get("notes", "annotations")
    if notes not in NOTES:  # checked before any drawing is made
        raise RenderError(f"notes must be one of {', '.join(NOTES)} (got {notes!r})")
    deck = plan_deck(m, bw=bw)
    if suffix == ".pdf":
        atomic_write(target, deck_pdf(deck, notes=notes, bw=bw))
    else:
        atomic_write(target, deck_html(deck, bw=bw))
    return deck
