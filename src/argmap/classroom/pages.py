"""Self-contained HTML pages, the frame of one student's feedback and of the class view.

Like ``argmap report``, a page makes no network request (inline CSS and SVG; its
Content-Security-Policy forbids scripts and remote loads outright), so it opens offline and
as an e-mail attachment, and every piece of student text goes through
:func:`~argmap.render.quoting.html_one_line`:
a claim reading ``<script>`` shows as text. When Graphviz is missing the page says so where
the diagram would be.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..render.quoting import Html, html_one_line

__all__ = ["e", "figure", "page", "table"]

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
