"""Worksheets and their keys as A4 or Letter PDF and as printable HTML, and starter files.

The PDF pages flow top to bottom: a header with room for a name, the instructions, then
the sheet's content (position boxes with room to write, cards with cut lines, or diagrams);
Graphviz typesets every text taken from the map. A diagram goes on the page whole when
every word stays at 7 pt or more; otherwise each position gets its own diagram (itself, its
reasons and objections). The HTML twin is one offline page under the report's
Content-Security-Policy, with print styles for the same paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import ArgumentMap
from ..render.dot import build, wrap
from ..render.options import make_options
from ..render.output import to_svg
from ..render.pdfpage import (
    MM,
    Canvas,
    Para,
    graphviz_page,
    page_size,
    smallest_text,
    text_block,
    write_pdf,
)
from ..render.quoting import Plain, display_text, html_escape, html_text
from ..render.select import select
from ..render.style import FONT
from ..slides.plan import _in_order, slide_map
from .worksheet import Card, Worksheet

__all__ = ["worksheet_html", "worksheet_pdf"]

MARGIN = 15 * MM
MIN_SIZE = 7.0
_KIND_NAME = {"blank": "blank map", "scrambled": "scrambled cards", "fill-in": "fill in the boxes"}


# -- PDF ---------------------------------------------------------------------------------


class _Flow:
    """Blocks placed one under another, starting a new page when one does not fit."""

    def __init__(self, paper: str, label: str) -> None:
        self.width, self.height = page_size(paper)
        self.room = self.width - 2 * MARGIN
        self.pages: list[Canvas] = []
        self.y = 0.0
        self.label = label

    def new_page(self) -> None:
        self.pages.append(Canvas(self.width, self.height))
        self.y = self.height - MARGIN

    def space(self) -> float:
        return self.y - MARGIN - 14 if self.pages else self.height - 2 * MARGIN - 14

    def add(self, drawing: Any, scale: float = 1.0, gap: float = 10.0, shrink: float = 1.0) -> None:
        """Place ``drawing`` at ``scale``, or smaller (down to ``shrink`` times) to fit here;
        on a new page when it would not fit even so."""
        w, h = float(drawing.mediabox.width), float(drawing.mediabox.height)
        scale = min(scale, self.room / w)
        fits = min(scale, self.space() / h) if self.pages else 0.0
        if fits < scale * shrink:
            self.new_page()
            fits = min(scale, self.space() / h)
        self.pages[-1].place(drawing, MARGIN, self.y - h * fits, fits)
        self.y -= h * fits + gap

    def text(self, paras: list[Para]) -> None:
        self.add(graphviz_page(text_block(paras, width=self.room)))

    def finish(self) -> list[Canvas]:
        for number, page in enumerate(self.pages, start=1):
            words = f"{self.label} - page {number} of {len(self.pages)}"
            page.text(self.width - MARGIN, MARGIN - 14, words, size=8, align="right")
        return self.pages


def worksheet_pdf(sheet: Worksheet, *, paper: str = "a4", key: bool = False) -> bytes:
    """The worksheet (or with ``key``, its answer key) as PDF pages of ``paper``.

    Examples
    --------
    >>> import argmap
    >>> from argmap.classroom import make_worksheet
    >>> sheet = make_worksheet(argmap.examples.soviet_socialism(), "blank")
    >>> worksheet_pdf(sheet)[:5]  # needs Graphviz's dot and pypdf
    b'%PDF-'
    """
    label = "Answer key" if key else "Worksheet"
    flow = _Flow(paper, label.encode("ascii", "replace").decode())
    flow.text(_header(sheet, key))
    if key:
        _key_pdf(flow, sheet)
    elif sheet.kind == "blank":
        # Position boxes are 11-pt text: they may shrink to 0.7 (7.7 pt) to share page 1.
        flow.add(graphviz_page(_positions_dot(sheet, flow.room)), shrink=0.7)
    elif sheet.kind == "scrambled":
        for block in _card_tables(sheet.cards, flow.room, show_kind=True):
            flow.add(graphviz_page(block))
        flow.text([Para("My connections:", size=12, bold=True), *_ruled(8)])
    else:
        _diagrams(flow, sheet.fill_in_map(), sheet)
        flow.text([Para("Word bank", size=13, bold=True)])
        for block in _card_tables(sheet.cards, flow.room, show_kind=False):
            flow.add(graphviz_page(block))
    title = f"{sheet.title}: {label.lower()} ({_KIND_NAME[sheet.kind]})"
    return write_pdf(flow.finish(), title=title)


def _header(sheet: Worksheet, key: bool) -> list[Para]:
    chars = 80
    if key:
        heading = f"Answer key: {sheet.title}"
        what = f"{_KIND_NAME[sheet.kind].capitalize()} worksheet, seed {sheet.seed}"
        return [Para(heading, size=16, bold=True, chars=60), Para(what, size=11, chars=chars)]
    paras = [
        Para(f"Worksheet: {sheet.title}", size=16, bold=True, chars=60),
        Para("Name: ______________________   Class: __________   Date: __________", size=11),
    ]
    if sheet.reference.question:
        paras.append(Para(f"Question: {sheet.reference.question}", size=12, italic=True, chars=75))
    paras.extend(Para(line, size=11, chars=chars) for line in sheet.instructions())
    return paras


def _ruled(lines: int) -> list[Para]:
    return [Para("_" * 78, size=11, gap=6) for _ in range(lines)]


def _positions_dot(sheet: Worksheet, room: float) -> str:
    """The positions as boxes across the page, each above a dashed box to write in."""
    columns = min(3, len(sheet.positions))
    rows = -(-len(sheet.positions) // columns)
    width = int(room / columns) - 10
    chars = max(16, int(width / 6.8))
    writing = max(90, int(520 / rows) - 120)
    cells = [
        (
            f'<TD BORDER="2" STYLE="rounded" BGCOLOR="#FFF8E6" WIDTH="{width}" ALIGN="LEFT" '
            f'BALIGN="LEFT" VALIGN="TOP" CELLPADDING="6">'
            f"{_claim_cell(c.title, c.text, chars)}</TD>",
            f'<TD BORDER="1" STYLE="dashed" HEIGHT="{writing}" WIDTH="{width}"> </TD>',
        )
        for c in sheet.positions
    ]
    body = []
    for start in range(0, len(cells), columns):
        chunk = cells[start : start + columns]
        body.append("<TR>" + "".join(top for top, _ in chunk) + "</TR>")
        body.append("<TR>" + "".join(space for _, space in chunk) + "</TR>")
    return _table_dot("".join(body), spacing=8)


def _claim_cell(title: str | None, text: str, chars: int) -> str:
    out = []
    if title:
        out.append(f'<FONT POINT-SIZE="12"><B>{_lines(title, chars)}</B></FONT>')
    out.append(f'<FONT POINT-SIZE="11">{_lines(text, chars + 2)}</FONT>')
    return "<BR/>".join(out)


def _lines(text: str, chars: int) -> str:
    return '<BR ALIGN="LEFT"/>'.join(
        html_text(display_text(x)) for x in wrap(display_text(text), chars)
    )


def _table_dot(rows: str, spacing: int = 10) -> str:
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}">{rows}</TABLE>'
    return (
        "digraph sheet {\n"
        f'\tgraph [margin=0 pad=0 fontname="{FONT}"]\n'
        f'\tnode [shape=plaintext margin=0 fontname="{FONT}"]\n'
        f"\tsheet [label=<{table}>]\n"
        "}\n"
    )


def _card_tables(cards: list[Card], room: float, *, show_kind: bool) -> Iterator[str]:
    """Cards two to a row with dashed cut lines, a few rows to a block."""
    width = int(room / 2) - 8
    chars = int(width / 6.8)
    cells = []
    for card in cards:
        tag = '<FONT POINT-SIZE="9">  POSITION</FONT>' if card.position and show_kind else ""
        cells.append(
            f'<TD BORDER="1" STYLE="dashed" WIDTH="{width}" ALIGN="LEFT" BALIGN="LEFT" '
            f'VALIGN="TOP" CELLPADDING="7"><FONT POINT-SIZE="14"><B>{card.label}</B></FONT>'
            f'{tag}<BR/><FONT POINT-SIZE="11">{_lines(card.text, chars)}</FONT></TD>'
        )
    for start in range(0, len(cells), 8):
        chunk = cells[start : start + 8]
        rows = ["<TR>" + "".join(chunk[i : i + 2]) + "</TR>" for i in range(0, len(chunk), 2)]
        yield _table_dot("".join(rows), spacing=0)


def _diagrams(flow: _Flow, m: ArgumentMap, sheet: Worksheet) -> None:
    """The map whole if its words stay at 7 pt, else one diagram per position."""
    whole = _drawing(m, {})
    scale = _fit(whole, flow.room, flow.height - 2 * MARGIN - 40)
    if smallest_text(whole) * scale >= MIN_SIZE:
        flow.add(whole, scale)
        return
    for focus, title in _foci(m, sheet):
        parts = _readable(m, focus, flow)
        for i, (size, part, scale) in enumerate(parts, start=1):
            heading = title + (f", part {i} of {len(parts)}" if len(parts) > 1 else "")
            paras = [Para(heading, size=12, bold=True)]
            block = graphviz_page(text_block(paras, width=flow.room))
            # It may shrink to share a page, as long as its words stay at 7 pt.
            shrink = min(1.0, MIN_SIZE * 1.001 / size) if size else 1.0
            need = float(block.mediabox.height) + float(part.mediabox.height) * scale * shrink
            if need > flow.space():
                flow.new_page()
            flow.add(block, gap=2)
            flow.add(part, scale, shrink=shrink)


def _foci(m: ArgumentMap, sheet: Worksheet) -> list[tuple[str, str]]:
    """The claims to draw with their neighbours, and a heading for each: every position,
    then, until every claim is drawn, the claim each one left out gives reason about."""
    out = [
        (c.id, f"Position {i} of {len(sheet.positions)}")
        for i, c in enumerate(sheet.positions, start=1)
    ]
    drawn: set[str] = set()
    for focus, _ in out:
        drawn.update(c.id for c in select(m, focus=focus, depth=1).claims)
    links = {link.id: link for link in m.links}
    for claim in m.claims:
        if claim.id in drawn:
            continue
        focus = claim.id
        link = next((ln for ln in m.links if claim.id in ln.sources), None)
        seen: set[str] = set()
        while link is not None and link.id not in seen:
            seen.add(link.id)
            focus = link.target
            link = links.get(link.target)
        label = m.get_claim(focus).title or m.get_claim(focus).text
        out.append((focus, f"More: what bears on '{label}'"))
        drawn.update(c.id for c in select(m, focus=focus, depth=1).claims)
        drawn.add(claim.id)
    return out


#: Ways to draw a position's neighbourhood, tried in turn until its words print at 7 pt:
#: reasons beside the position (a column, which suits a portrait page), then without the
#: small tag and caption rows (8-9 pt, the words that limit the scale; as on slides), then
#: titles only.
_TRIES: tuple[tuple[bool, dict[str, Any]], ...] = (
    (False, {}),
    (False, {"direction": "LR"}),
    (True, {"direction": "LR"}),
    (True, {}),
    (True, {"direction": "LR", "labels": "title"}),
    (True, {"labels": "title"}),
)


def _readable(m: ArgumentMap, focus: str, flow: _Flow) -> list[tuple[float, Any, float]]:
    """The position's neighbourhood as one drawing whose words print at 7 pt, else split
    into as few parts (the position with some of its neighbours) as keep them at 7 pt."""
    near = [c.id for c in select(m, focus=focus, depth=1).claims if c.id != focus]
    found = _try(m, focus, near, flow, whole=True)
    if found[0] >= MIN_SIZE:
        return [found]
    order = _in_order(m, focus, near)
    for count in range(2, len(order) + 1):
        size = -(-len(order) // count)
        chunks = [order[i : i + size] for i in range(0, len(order), size)]
        tries = [_try(m, focus, chunk, flow, whole=False) for chunk in chunks]
        if all(t[0] >= MIN_SIZE for t in tries) or size == 1:
            return tries
    return [found]


def _try(
    m: ArgumentMap, focus: str, near: list[str], flow: _Flow, *, whole: bool
) -> tuple[float, Any, float]:
    best: tuple[float, Any, float] | None = None
    shown = slide_map(m, [focus, *near])
    looks = {
        c.id: {"penwidth": "2.6"} for c in shown.claims if m.get_claim(c.id).kind == "position"
    }
    for plain, extra in _TRIES:
        if not plain and not whole:
            continue
        if plain:
            part = _drawing(shown, {"styles": looks, **extra})
        else:
            part = _drawing(m, {"focus": focus, "depth": 1, **extra})
        scale = _fit(part, flow.room, flow.height - 2 * MARGIN - 60)
        size = smallest_text(part) * scale
        if size >= MIN_SIZE:
            return size, part, scale
        if best is None or size > best[0]:
            best = (size, part, scale)
    assert best is not None
    return best


def _drawing(m: ArgumentMap, options: dict[str, Any]) -> Any:
    # No theme boxes and no legend box: each takes room a sheet does not have; the
    # instructions say what the arrows mean.
    opts = make_options(title=False, group="none", legend=False, layout={"margin": "0"}, **options)
    return graphviz_page(build(m, opts).source())


def _fit(drawing: Any, room_w: float, room_h: float) -> float:
    w, h = float(drawing.mediabox.width), float(drawing.mediabox.height)
    return min(1.0, room_w / w, room_h / h)


def _key_pdf(flow: _Flow, sheet: Worksheet) -> None:
    answers = sheet.answers() or ["(the map has no links)"]
    if sheet.kind == "blank":
        answers = [
            f"{c.title or c.text}: {', '.join(_around(sheet, c.id)) or 'nothing in the map'}"
            for c in sheet.positions
        ]
    for start in range(0, len(answers), 12):
        flow.text([Para(line, size=11, chars=88, gap=3) for line in answers[start : start + 12]])
    drawn = sheet.lettered_map() if sheet.kind == "scrambled" else sheet.reference
    _diagrams(flow, drawn, sheet)


def _around(sheet: Worksheet, claim_id: str) -> list[str]:
    m = sheet.reference
    out = []
    for link in m.links:
        if link.target == claim_id:
            word = "reason" if link.kind == "support" else "objection"
            names = " + ".join(m.get_claim(s).title or m.get_claim(s).text for s in link.sources)
            out.append(f"{word} '{names}'")
    return out


# -- HTML --------------------------------------------------------------------------------

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
* { box-sizing: border-box; }
body { font: 11pt/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111;
  max-width: 180mm; margin: 1rem auto; padding: 0 .5rem; }
h1 { font-size: 16pt; margin: 0 0 .3rem; } h2 { font-size: 13pt; margin: 1rem 0 .3rem; }
.name { margin: .2rem 0 .6rem; } .question { font-style: italic; font-size: 12pt; }
.positions { display: grid; grid-template-columns: repeat(var(--columns), 1fr); gap: 8pt; }
.position { border: 2px solid #333; border-radius: 8px; background: #fff8e6; padding: 6pt; }
.space { border: 1px dashed #777; height: var(--space); }
.cards { display: grid; grid-template-columns: 1fr 1fr; }
.card { border: 1px dashed #777; padding: 7pt; break-inside: avoid; }
.card b { font-size: 14pt; } .tag { font-size: 9pt; margin-left: .5em; }
figure { margin: .5rem 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
.ruled { border-bottom: 1px solid #777; height: 2em; }
.answers li { margin: .15rem 0; }
"""


def worksheet_html(sheet: Worksheet, *, paper: str = "a4", key: bool = False) -> str:
    """The worksheet (or its key) as one printable, offline HTML page."""
    size = "A4" if paper.lower() == "a4" else "letter"
    css = _CSS + f"@page {{ size: {size}; margin: 15mm; }}\n"
    paras = _header(sheet, key)
    title = html_escape(Plain(paras[0].text))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="argmap">',
        f"<title>{title}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    for para in paras[1:]:
        cls = "question" if para.italic else ("name" if para.text.startswith("Name:") else "")
        out.append(f'<p class="{cls}">{html_escape(Plain(para.text))}</p>')
    out.extend(_html_body(sheet, key))
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _html_body(sheet: Worksheet, key: bool) -> Iterator[str]:
    if key:
        answers = sheet.answers()
        if sheet.kind == "blank":
            answers = [
                f"{c.title or c.text}: {', '.join(_around(sheet, c.id))}" for c in sheet.positions
            ]
        items = "".join(f"<li>{html_escape(Plain(a))}</li>" for a in answers)
        yield f'<h2>Answers</h2><ol class="answers">{items}</ol>'
        drawn = sheet.lettered_map() if sheet.kind == "scrambled" else sheet.reference
        yield from _html_diagrams(drawn, sheet)
    elif sheet.kind == "blank":
        columns = min(3, len(sheet.positions))
        rows = -(-len(sheet.positions) // columns)
        space = max(35, 150 // rows)
        yield f'<div class="positions" style="--columns: {columns}; --space: {space}mm">'
        for c in sheet.positions:
            title = f"<b>{html_escape(Plain(c.title))}</b><br>" if c.title else ""
            box = f'<div class="position">{title}{html_escape(Plain(c.text))}</div>'
            yield f'<div>{box}<div class="space"></div></div>'
        yield "</div>"
    elif sheet.kind == "scrambled":
        yield from _html_cards(sheet.cards, show_kind=True)
        yield "<h2>My connections</h2>" + '<div class="ruled"></div>' * 8
    else:
        yield from _html_diagrams(sheet.fill_in_map(), sheet)
        yield "<h2>Word bank</h2>"
        yield from _html_cards(sheet.cards, show_kind=False)


def _html_cards(cards: list[Card], *, show_kind: bool) -> Iterator[str]:
    yield '<div class="cards">'
    for card in cards:
        tag = '<span class="tag">POSITION</span>' if card.position and show_kind else ""
        label = f"<b>{html_escape(Plain(card.label))}</b>{tag}"
        yield f'<div class="card">{label}<br>{html_escape(Plain(card.text))}</div>'
    yield "</div>"


def _html_diagrams(m: ArgumentMap, sheet: Worksheet) -> Iterator[str]:
    # Whole when it would print at 7 pt or more across 180 mm; else one per position.
    whole = to_svg(m, title=False, group="none", legend=False, id_prefix="w-")
    width = _svg_width(whole)
    if width * MIN_SIZE / 8 <= 180 * MM:
        yield f"<figure>{whole}</figure>"
        return
    for number, (focus, title) in enumerate(_foci(m, sheet), start=1):
        svg = to_svg(
            m,
            title=False,
            group="none",
            legend=False,
            focus=focus,
            depth=1,
            id_prefix=f"p{number}-",
        )
        yield f"<h2>{html_escape(Plain(title))}</h2><figure>{svg}</figure>"


def _svg_width(svg: str) -> float:
    head = svg[: svg.find(">")]
    start = head.find('width="') + 7
    return float(head[start : head.find("pt", start)])
