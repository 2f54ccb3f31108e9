"""A deck as one offline HTML file: 16:9 slides that scale with the window, notes on demand.

No script at all: the page's Content-Security-Policy (the report's) forbids scripts and every
remote load, so the file works offline and as an attachment. Slides snap into place as the
reader scrolls or presses Page Down / Space / arrow keys; each slide keeps the 16:9 frame
and sizes its text in container units, so what is 12 pt on a 960 x 540 pt PDF slide is 16 px
when the slide fills a 1280 x 720 window, and grows with a bigger screen. "Notes" at the top
right shows each slide's speaker notes below it; printing gives one slide per page.
Every user text is escaped with :func:`~argmap.render.quoting.html_escape`; the diagrams are
argmap's escaped SVG.
"""

from __future__ import annotations

from ..render.output import to_svg
from ..render.quoting import Plain, html_escape
from .plan import AREA, SLIDE, Deck, Slide

__all__ = ["deck_html"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# One slide point is 100/960 of the frame's width: "pt(24)" below is 24 * 100 / 960 cqw.
_W, _H = SLIDE


def _pt(points: float) -> str:
    return f"{points * 100 / _W:.4f}cqw"


_CSS = f"""
* {{ box-sizing: border-box; }}
html {{ scroll-snap-type: y mandatory; background: #2b2b2b; }}
body {{ margin: 0; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; }}
.slide {{ height: 100vh; display: grid; place-items: center; scroll-snap-align: start; }}
.frame {{ position: relative; container-type: size; background: #fff; overflow: hidden;
  width: min(100vw, calc(100vh * 16 / 9)); aspect-ratio: 16 / 9; }}
.frame header {{ position: absolute; left: {_pt(36)}; right: {_pt(36)}; top: {_pt(22)}; }}
.frame h1 {{ font-size: {_pt(24)}; line-height: 1.2; margin: 0; }}
.frame .sub {{ font-size: {_pt(14)}; color: #555; margin: {_pt(4)} 0 0; }}
.area {{ position: absolute; left: {_pt(AREA[0])}; width: {_pt(AREA[2])};
  top: {_pt(_H - AREA[1] - AREA[3])}; height: {_pt(AREA[3])};
  display: grid; place-items: center; }}
.diagram svg {{ display: block; width: 100%; height: auto; }}
.cards {{ list-style: none; margin: 0; padding: 0; display: grid; gap: {_pt(14)};
  grid-template-columns: repeat(var(--columns), 1fr); width: 100%; align-self: start; }}
.cards li {{ border: 1px solid #888; border-radius: {_pt(8)}; padding: {_pt(10)}; }}
.cards .n {{ font-size: {_pt(14)}; color: #555; display: block; }}
.cards strong {{ font-size: {_pt(17)}; display: block; }}
.cards .counts {{ font-size: {_pt(14)}; color: #444; }}
.frame footer {{ position: absolute; left: {_pt(36)}; right: {_pt(36)}; bottom: {_pt(14)};
  display: flex; gap: {_pt(24)}; align-items: center; font-size: {_pt(12)}; }}
.frame footer .pager {{ margin-left: auto; display: flex; gap: {_pt(12)}; }}
.key::before {{ content: ""; display: inline-block; width: {_pt(24)}; margin-right: {_pt(6)};
  vertical-align: middle; border-top: {_pt(1.6)} solid #1a7f37; }}
.key.con::before {{ border-top: {_pt(1.6)} dashed #c62828; }}
.bw .key::before {{ border-top-color: #000; }}
a {{ color: #0b57d0; }}
.cards a {{ color: inherit; text-decoration: none; }}
.notes {{ display: none; background: #fff; width: min(100vw, calc(100vh * 16 / 9));
  margin: 0 auto 2rem; padding: 1rem 2rem; font-size: 1.1rem; }}
.notes p {{ margin: .3rem 0; white-space: pre-wrap; }}
#notes:target ~ main .notes {{ display: block; }}
#notes:target ~ main .slide {{ height: auto; min-height: 0; padding-top: 2rem; }}
.toggle {{ position: fixed; top: .5rem; right: .75rem; font: 14px sans-serif; z-index: 1;
  background: #fff; padding: .2rem .5rem; border-radius: .3rem; }}
.toggle .hide, #notes:target ~ .toggle .show {{ display: none; }}
#notes:target ~ .toggle .hide {{ display: inline; }}
@page {{ size: {_W:g}pt {_H:g}pt; margin: 0; }}
@media print {{
  html {{ background: #fff; }}
  .slide {{ height: {_H:g}pt; break-after: page; }}
  .frame {{ width: {_W:g}pt; }}
  .toggle {{ display: none; }}
}}
"""


def deck_html(deck: Deck, *, bw: bool = False) -> str:
    """The deck as one self-contained HTML page (no script, no remote anything).

    Examples
    --------
    >>> import argmap
    >>> from argmap.slides import plan_deck
    >>> m = argmap.ArgumentMap(title="<Homework>")
    >>> m.claim("ban", "Ban homework <script>.", kind="position")
    'ban'
    >>> page = deck_html(plan_deck(m))  # needs Graphviz
    >>> "<script" in page, "&lt;script&gt;" in page
    (False, True)
    """
    title = html_escape(Plain(deck.title))
    total = len(deck.slides)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="argmap">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        f'<body class="{"bw" if bw else ""}">',
        '<div id="notes"></div>',
        '<p class="toggle"><a class="show" href="#notes">Notes</a>'
        '<a class="hide" href="#slide-1">Hide notes</a></p>',
        f'<main aria-label="{title}: {total} slides">',
    ]
    # Each card of the overview links to its position's first slide (positions come in
    # the cards' order).
    firsts: list[int] = []
    for number, slide in enumerate(deck.slides, start=1):
        if slide.focus and all(deck.slides[n - 1].focus != slide.focus for n in firsts):
            firsts.append(number)
    for number, slide in enumerate(deck.slides, start=1):
        parts.append(_section(slide, number, total, firsts))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _section(slide: Slide, number: int, total: int, firsts: list[int]) -> str:
    heading = html_escape(Plain(slide.heading))
    out = [
        f'<section class="slide" id="slide-{number}" aria-label="Slide {number} of {total}">',
        '<div class="frame">',
        f"<header><h1>{heading}</h1>",
    ]
    if slide.subheading:
        out.append(f'<p class="sub">{html_escape(Plain(slide.subheading))}</p>')
    out.append("</header>")
    out.append(f'<div class="area">{_body(slide, number, firsts)}</div>')
    out.append(_footer(slide, number, total))
    out.append("</div></section>")
    notes = "".join(f"<p>{html_escape(Plain(line))}</p>" for line in slide.notes.split("\n"))
    out.append(
        f'<aside class="notes" aria-label="Speaker notes for slide {number}">'
        f"<h2>Speaker notes, slide {number}</h2>{notes}</aside>"
    )
    return "\n".join(out)


def _body(slide: Slide, number: int, firsts: list[int]) -> str:
    if slide.drawing is None:
        columns = 2 if len(slide.cards) <= 4 else 3
        items = "".join(
            f'<li><span class="n">{html_escape(Plain(n))}</span><strong>{_linked(t, i, firsts)}'
            f'</strong><span class="counts">{html_escape(Plain(c))}</span></li>'
            for i, (n, t, c) in enumerate(slide.cards)
        )
        return f'<ol class="cards" style="--columns: {columns}">{items}</ol>'
    svg = to_svg(slide.drawing, **slide.options, id_prefix=f"s{number}-")
    width = slide.size[0] * slide.scale
    return f'<div class="diagram" style="width: {_pt(width)}">{svg}</div>'


def _linked(title: str, index: int, firsts: list[int]) -> str:
    if index >= len(firsts):
        return html_escape(Plain(title))
    return f'<a href="#slide-{firsts[index]}">{html_escape(Plain(title))}</a>'


def _footer(slide: Slide, number: int, total: int) -> str:
    keys = ""
    if slide.drawing is not None:
        keys = (
            '<span class="key">reason (supports)</span>'
            '<span class="key con">objection (attacks)</span>'
        )
    back = f'<a href="#slide-{number - 1}">previous</a>' if number > 1 else ""
    ahead = f'<a href="#slide-{number + 1}">next</a>' if number < total else ""
    pager = f'<span class="pager">{back}{ahead}<span>{number} / {total}</span></span>'
    return f"<footer>{keys}{pager}</footer>"
