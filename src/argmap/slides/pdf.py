"""A deck as 16:9 PDF slides, speaker notes as PDF text annotations or as notes pages.

Graphviz draws each slide's diagram, heading and cards (so every script prints in the
diagram's font); :mod:`argmap.render.pdfpage` puts them on 960 x 540 pt pages. Notes:

* ``"annotations"`` (the default): a closed note in the bottom-right corner of each slide
  holds its notes; PDF readers and presenter tools show it on demand, and it does not print;
* ``"pages"``: a notes page after each slide, for a printed handout or a rehearsal;
* ``"none"``: no notes.
"""

from __future__ import annotations

from typing import Literal

from ..errors import RenderError
from ..render.dot import build, wrap
from ..render.options import make_options
from ..render.pdfpage import Canvas, Para, graphviz_page, text_block, write_pdf
from ..render.quoting import display_text, html_text
from ..render.style import FONT
from .plan import AREA, MIN_SIZE, SLIDE, Deck, Slide

__all__ = ["NOTES", "deck_pdf"]

Notes = Literal["annotations", "pages", "none"]
NOTES = ("annotations", "pages", "none")

_GREEN, _RED = (0.1, 0.5, 0.2), (0.78, 0.16, 0.16)
#: Lines of notes on one notes page (12-pt text, 15-pt leading, below a heading).
_NOTE_LINES = 28


def deck_pdf(deck: Deck, *, notes: Notes = "annotations", bw: bool = False) -> bytes:
    """The deck as PDF bytes: every slide 960 x 540 pt, every word 12 pt or more.

    Examples
    --------
    >>> import argmap
    >>> from argmap.slides import plan_deck
    >>> m = argmap.ArgumentMap(title="Homework")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> deck_pdf(plan_deck(m))[:5]  # needs Graphviz's dot and pypdf
    b'%PDF-'
    """
    if notes not in NOTES:
        raise RenderError(f"notes must be one of {', '.join(NOTES)} (got {notes!r})")
    pages: list[Canvas] = []
    total = len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        canvas = _slide(slide, number, total, bw)
        if notes == "annotations":
            canvas.notes = slide.notes
        pages.append(canvas)
        if notes == "pages":
            pages.extend(_notes_pages(slide, number))
    return write_pdf(pages, title=deck.title)


def _slide(slide: Slide, number: int, total: int, bw: bool) -> Canvas:
    width, height = SLIDE
    canvas = Canvas(width, height)
    _heading(canvas, slide)
    if slide.drawing is not None:
        _diagram(canvas, slide)
        _legend(canvas, bw)
    else:
        _cards(canvas, slide)
    canvas.text(width - 36, 22, f"{number} / {total}", size=12, align="right")
    return canvas


def _heading(canvas: Canvas, slide: Slide) -> None:
    head = wrap(display_text(slide.heading), 58)
    if len(head) > 2:  # the whole text is in the diagram and the notes
        head = [*head[:1], head[1][:55] + " …"]
    paras = [Para("\n".join(head), size=24, bold=True, chars=200)]
    if slide.subheading:
        paras.append(Para(slide.subheading, size=14, color="#555555", chars=110, gap=4))
    page = graphviz_page(text_block(paras))
    top = SLIDE[1] - 24
    canvas.place(page, 34, top - float(page.mediabox.height))


def _diagram(canvas: Canvas, slide: Slide) -> None:
    assert slide.drawing is not None
    options = make_options(**slide.options)
    page = graphviz_page(build(slide.drawing, options).source())
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    left, bottom, room_w, room_h = AREA
    x = left + (room_w - w * slide.scale) / 2
    y = bottom + (room_h - h * slide.scale) / 2
    canvas.place(page, x, y, slide.scale)


def _legend(canvas: Canvas, bw: bool) -> None:
    """What the arrows mean, at the foot of the slide, in words at 12 pt."""
    green = (0.0, 0.0, 0.0) if bw else _GREEN
    red = (0.0, 0.0, 0.0) if bw else _RED
    canvas.line(36, 26, 60, 26, width=1.6, rgb=green)
    canvas.text(66, 22, "reason (supports)", size=12)
    canvas.line(190, 26, 214, 26, width=1.6, rgb=red, dash=3)
    canvas.text(220, 22, "objection (attacks)", size=12)


def _cards(canvas: Canvas, slide: Slide) -> None:
    """The overview's positions as numbered cards, in two or three columns."""
    page = graphviz_page(cards_dot(slide.cards))
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    left, bottom, room_w, room_h = AREA
    scale = min(room_w / w, room_h / h, 1.0)
    if scale < 1.0:
        # Cards are 14-pt text: shrinking them below 12 pt is not allowed.
        scale = max(scale, MIN_SIZE / 14 * 1.0001)
    canvas.place(page, left + (room_w - w * scale) / 2, bottom + room_h - h * scale, scale)


def cards_dot(cards: list[tuple[str, str, str]]) -> str:
    """DOT for a table of numbered cards (number, title, counts), each text escaped."""
    columns = 2 if len(cards) <= 4 else 3
    chars = 34 if columns == 2 else 24
    cells = []
    for number, title, counts in cards:
        lines = "<BR/>".join(html_text(display_text(x)) for x in wrap(display_text(title), chars))
        cells.append(
            f'<TD BORDER="1" COLOR="#888888" STYLE="rounded" CELLPADDING="10" VALIGN="TOP" '
            f'ALIGN="LEFT" BALIGN="LEFT" WIDTH="{860 // columns - 20}">'
            f'<FONT POINT-SIZE="14" COLOR="#555555">{html_text(display_text(number))}</FONT><BR/>'
            f'<FONT POINT-SIZE="17"><B>{lines}</B></FONT><BR/>'
            f'<FONT POINT-SIZE="14" COLOR="#444444">{html_text(display_text(counts))}</FONT></TD>'
        )
    rows = [
        "<TR>" + "".join(cells[i : i + columns]) + "</TR>" for i in range(0, len(cells), columns)
    ]
    table = '<TABLE BORDER="0" CELLSPACING="14">' + "".join(rows) + "</TABLE>"
    return (
        "digraph cards {\n"
        f'\tgraph [margin=0 pad=0 fontname="{FONT}"]\n'
        f'\tnode [shape=plaintext margin=0 fontname="{FONT}"]\n'
        f"\tcards [label=<{table}>]\n"
        "}\n"
    )


def _notes_pages(slide: Slide, number: int) -> list[Canvas]:
    """The slide's notes on one or more pages of the slide's size, 12-pt text."""
    lines: list[str] = []
    for paragraph in slide.notes.split("\n"):
        lines.extend(wrap(display_text(paragraph), 120) or [""])
    pages = []
    for start in range(0, max(1, len(lines)), _NOTE_LINES):
        chunk = lines[start : start + _NOTE_LINES]
        canvas = Canvas(*SLIDE)
        canvas.text(36, SLIDE[1] - 40, f"Speaker notes - slide {number}", size=14, bold=True)
        block = graphviz_page(text_block([Para("\n".join(chunk), size=12, chars=400)]))
        canvas.place(block, 34, SLIDE[1] - 56 - float(block.mediabox.height))
        pages.append(canvas)
    return pages
