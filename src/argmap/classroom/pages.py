"""Self-contained HTML pages: one student's feedback, and the class view.

Like ``argmap report``, a page makes no network request (inline CSS and SVG; its
Content-Security-Policy forbids scripts and remote loads outright), so it opens offline and
as an e-mail attachment, and every piece of student text goes through
:func:`~argmap.render.quoting.html_one_line`:
a claim reading ``<script>`` shows as text. When Graphviz is missing the page says so where
the diagram would be.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..errors import RenderError
from ..render.quoting import Html, html_one_line
from .overlay import LEGEND, overlay_svg

if TYPE_CHECKING:
    from .feedback import Feedback
    from .grade import ClassView

__all__ = ["class_page", "feedback_page", "page"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #ccc; --good: #1a7f37; --fix: #b35c00; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
.headline { font-size: 1.1rem; font-weight: 600; }
figure { margin: 1rem 0; border: 1px solid var(--rule); padding: .5rem; max-width: 100%; }
figcaption, .note { color: var(--muted); font-size: .9rem; }
ul.findings li { margin: .35rem 0; }
section.well li { border-left: 3px solid var(--good); padding-left: .5rem; list-style: none; }
section.fix li { border-left: 3px dashed var(--fix); padding-left: .5rem; list-style: none; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; height: .7rem; background: #6baed6; vertical-align: middle; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.legend dt { font-weight: 600; }
@media print {
  body { max-width: none; font-size: 11pt; }
  figure { overflow: visible; border: none; }
  li, tr, figure { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def _viewer_css() -> str:
    from ..render.viewer import VIEWER_CSS

    return str(VIEWER_CSS)


def e(text: str) -> Html:
    """Student text made safe for HTML content and attribute values alike."""
    return html_one_line(text)


def page(title: str, body: Iterable[str]) -> str:
    """A whole page around ``body`` (already escaped HTML parts)."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(title)}</title>",
            f"<style>{_CSS}{_viewer_css()}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def figure(svg: str | None, caption: str, failure: str | None = None) -> str:
    """The diagram in the zoom-and-pan viewer (no script), or a note saying why it is not
    drawn."""
    from ..render.viewer import viewer_html

    if svg is None:
        return f'<p class="note">The diagram is not drawn here: {e(failure or "")}</p>'
    return f"<figure>{viewer_html(svg)}<figcaption>{e(caption)}</figcaption></figure>"


def feedback_page(fb: Feedback, *, diagram: bool = True) -> str:
    """One student's feedback as an HTML page with the overlay diagram."""
    from .feedback import SECTIONS

    body = [f"<h1>{e(fb.title)}</h1>", f'<p class="headline">{e(fb.headline())}</p>']
    if diagram:
        body += ["<h2>Your map, compared with the article</h2>", _overlay(fb), _legend()]
    for key, heading in SECTIONS.items():
        found = fb.sentences_in(key)
        if found:
            kind = "well" if key == "well" else "fix"
            items = "".join(f"<li>{e(s.text)}</li>" for s in found)
            body.append(
                f'<section class="{kind}"><h2>{e(heading)}</h2>'
                f'<ul class="findings">{items}</ul></section>'
            )
    body.append("<h2>Points</h2>")
    body.append(table(("points", "for"), fb.points(), numeric=(0,)))
    return page(fb.title, body)


def _overlay(fb: Feedback) -> str:
    try:
        svg = overlay_svg(fb)
    except RenderError as exc:
        return figure(None, "", str(exc))
    caption = "Your claims and links as you drew them, with the article's claims you are missing."
    return figure(svg, caption)


def _legend() -> str:
    names = {
        "paired": "Matches",
        "own": "Your own",
        "ghost": "Missing",
        "wrong": "To check",
        "ghost-link": "Missing link",
    }
    rows = "".join(f"<dt>{e(names[key])}</dt><dd>{e(text)}</dd>" for key, text in LEGEND)
    return f'<dl class="legend">{rows}</dl>'


def table(
    head: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = ()
) -> str:
    """An HTML table, every cell escaped; ``numeric`` columns right-aligned."""

    def cell(tag: str, i: int, text: str) -> str:
        cls = ' class="num"' if i in numeric else ""
        return f"<{tag}{cls}>{e(text)}</{tag}>"

    top = "".join(cell("th", i, h) for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(cell("td", i, str(v)) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{top}</tr></thead><tbody>{body}</tbody></table>"


def class_page(view: ClassView, *, diagram: bool = True) -> str:
    """The class view: the heat map of the reference, and what most students missed."""
    from .heatmap import heatmap_svg

    title = f"Class view: {view.reference.title or 'the reference map'}"
    body = [f"<h1>{e(title)}</h1>", f'<p class="headline">{e(view.headline())}</p>']
    if diagram:
        body.append("<h2>Which claims the class found</h2>")
        try:
            svg: str | None = heatmap_svg(view)
            failure = None
        except RenderError as exc:
            svg, failure = None, str(exc)
        caption = (
            "The reference map; each claim's box says how many students found it, and the "
            "darker its fill, the more did."
        )
        body.append(figure(svg, caption, failure))
    body.append("<h2>Claims most students missed</h2>")
    body.append(table(view.claim_head(), view.claim_rows(), numeric=(2, 3)))
    body.append("<h2>Links most students missed or got wrong</h2>")
    body.append(table(view.link_head(), view.link_rows(), numeric=(2, 3, 4)))
    return page(title, body)
