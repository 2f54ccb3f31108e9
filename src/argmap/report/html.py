"""One self-contained HTML page: diagram, summary, outline, themes, what stands, sources.

The page makes no network requests (inline CSS and SVG only; its Content-Security-Policy
forbids scripts and remote loads outright), so it works offline and as an e-mail
attachment. Every piece of user text goes through
:func:`~argmap.render.quoting.html_one_line`, so a claim reading
``<script>`` shows as text. Boxes in the diagram link to the claim's entry in the outline
(``#claim-<id>``), and the long description stands in for the diagram for screen readers.
The diagram is laid out to fit the page's column and sits in a zoom-and-pan viewer made of
HTML and CSS (:mod:`argmap.render.viewer`), with a link that downloads it as an SVG file.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap, Claim
from ..render.quoting import Html, html_one_line
from ..summary._common import (
    STATUS_HEADINGS,
    STATUS_MEANING,
    asserted_by,
    claim_of,
    clean,
    link_of,
    lookups,
    members_by_theme,
    outline_of,
    quote_reference,
    quotes_by_source,
    relation_word,
    short,
    standing,
    unanswered_objections,
)
from ..summary._tree import Entry, Outline, select_themes
from ..summary.brief import brief_text
from ..summary.longdesc import long_description

if TYPE_CHECKING:
    from ..outputs._keywords import ReportKeywords

__all__ = ["html_report", "write_report"]

#: Ids the diagram's own elements get, kept apart from the page's ``claim-...`` anchors.
DIAGRAM_ID_PREFIX = "dg-"

#: The diagram's viewer on the page (zoom and pan without script, argmap.render.viewer).
DIAGRAM_VIEW_ID = "dg-view"

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #ccc; --pro: #1a7f37; --con: #b3261e; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
figure { margin: 1rem 0; }
@media (max-width: 50rem) { body { padding: .75rem .5rem 2rem; } }
figcaption { color: var(--muted); font-size: .9rem; }
.outline, .outline ul { list-style: none; padding-left: 0; }
.outline ul { margin-left: 1.2rem; padding-left: .8rem; border-left: 2px solid var(--rule); }
.outline li { margin: .35rem 0; }
.num { font-variant-numeric: tabular-nums; color: var(--muted); }
.outline .num { margin-right: .3rem; }
.rel { font-weight: 600; margin-right: .3rem; }
.rel-reason, .rel-warrant { color: var(--pro); }
.rel-objection, .rel-undercut, .rel-rebuttal { color: var(--con); }
/* Style, not only colour: attacks are marked by a dashed rule, supports by a solid one. */
li.objection, li.undercut, li.rebuttal { border-left: 3px dashed var(--con); padding-left: .5rem; }
li.reason, li.warrant { border-left: 3px solid var(--pro); padding-left: .5rem; }
.who { color: var(--muted); font-style: italic; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 2px solid var(--rule);
  color: #333; }
blockquote cite { display: block; font-size: .85rem; color: var(--muted); font-style: normal; }
:target { background: #fff4c2; outline: 2px solid #c99a00; }
.note { color: var(--muted); font-style: italic; }
@media print {
  nav, figcaption .hint { display: none; }
  body { max-width: none; font-size: 11pt; }
  figure { overflow: visible; }
  li, blockquote, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def _e(text: str) -> Html:
    """User text on one line, escaped for HTML element content and attribute values alike."""
    return html_one_line(text)


def html_report(
    m: ArgumentMap,
    *,
    depth: int | None = None,
    themes: Sequence[str] | None = None,
    quotes: bool = True,
    diagram: bool = True,
    analysis: bool = True,
) -> str:
    """The map as one self-contained HTML page.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    depth : int, optional
        Levels of replies in the outline.
    themes : sequence of str, optional
        Keep only claims in these themes (diagram and text alike).
    quotes : bool
        Show quotes under the claims.
    diagram : bool
        Inline the SVG diagram (needs Graphviz; without it the page says so and keeps the
        long description).
    analysis : bool
        Add what stands under grounded semantics when :mod:`argmap.analysis` is available.

    Returns
    -------
    str
        The HTML document.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="<Homework>")
    >>> _ = m.claim("ban", "Ban it.", kind="position")
    >>> page = html_report(m, diagram=False)
    >>> page.startswith("<!DOCTYPE html>"), "<title>&lt;Homework&gt;</title>" in page
    (True, True)
    """
    sub = select_themes(m, themes)
    # Every section inside one block: the outline is unrolled once for the outline and the
    # long description, the analysis run once for the brief and "what stands".
    with lookups(sub):
        outline = outline_of(sub, depth=depth)
        sections = [s for s in _sections(sub, outline, quotes, diagram, analysis) if s[2]]
    title = _e(sub.title) or "Argument map"
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="argmap">',
        f"<title>{title}</title>",
        f"<style>{_CSS}{_viewer_css()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
    ]
    if sub.question.strip():
        head.append(f'<p class="question"><strong>Question:</strong> {_e(sub.question)}</p>')
    if sub.description.strip():
        head.append(f"<p>{_e(sub.description)}</p>")
    head.append("</header>")
    nav = "".join(f'<li><a href="#{sid}">{name}</a></li>' for sid, name, _ in sections)
    head.append(f'<nav aria-label="Contents"><ol>{nav}</ol></nav>')
    body = ["<main>"]
    for sid, name, content in sections:
        body.append(f'<section id="{sid}" aria-labelledby="{sid}-h">')
        body.append(f'<h2 id="{sid}-h">{name}</h2>')
        body.append(content)
        body.append("</section>")
    body.append("</main>")
    tail = ['<footer><p class="note">Made with argmap.</p></footer>', "</body>", "</html>"]
    return "\n".join(head + body + tail) + "\n"


def _sections(
    m: ArgumentMap, outline: Outline, quotes: bool, diagram: bool, analysis: bool
) -> list[tuple[str, str, str]]:
    """Each section's anchor, heading and HTML (empty for a section left out)."""
    return [
        ("diagram", "Diagram", _diagram_section(m, diagram)),
        ("summary", "Summary", _summary_section(m, analysis)),
        ("outline", "Outline", _outline_section(m, outline, quotes)),
        ("themes", "Themes", _themes_section(m, outline)),
        ("unanswered", "Unanswered objections", _unanswered_section(m, outline)),
        ("questions", "Open critical questions", _questions_section(m, outline)),
        ("standing", "What stands", _standing_section(m, outline) if analysis else ""),
        ("sources", "Sources", _sources_section(m)),
    ]


def write_report(m: ArgumentMap, path: str | Path, **options: Unpack[ReportKeywords]) -> None:
    """Write :func:`html_report` to ``path`` atomically (UTF-8)."""
    atomic_write(path, html_report(m, **options))


def _diagram_section(m: ArgumentMap, diagram: bool) -> str:
    described = (
        '<details id="long-description"><summary>Text description of the diagram</summary>'
        + "".join(f"<p>{_e(p)}</p>" for p in long_description(m).split("\n\n") if p.strip())
        + "</details>"
    )
    svg, note = _svg(m) if diagram else ("", "The diagram was left out of this report.")
    if not svg:
        return f'<p class="note">{_e(note)}</p>\n{described}'
    caption = (
        "Arrows run from reasons to what they support (solid) or attack (dashed). "
        '<span class="hint">Select a box to jump to its entry in the outline.</span>'
    )
    return (
        f'<figure aria-describedby="long-description">\n{svg}\n'
        f"<figcaption>{caption}</figcaption>\n</figure>\n{described}"
    )


def _svg(m: ArgumentMap) -> tuple[str, str]:
    """The diagram in its viewer, or empty text and a note saying why there is none.

    The drawing is laid out to fit the page's column (at 800 pixels, claim text at least
    9 pixels high, no sideways scrolling); zoom buttons enlarge it inside its own box, and
    a link downloads the same SVG on its own (embedded: the page stays one file).
    """
    # Diagrams are another part of argmap and need Graphviz; the report works without both.
    # Imported here: a report without a diagram does not pay for importing the renderer.
    try:
        from ..render import viewer
    except ImportError:
        return "", "Diagram not available (argmap.render is not installed)."
    try:
        svg = viewer.screen_svg(m, href_prefix="#claim-", id_prefix=DIAGRAM_ID_PREFIX)
    except RenderError as exc:
        return "", f"Diagram not available: {exc}"
    # Inline SVG in HTML takes no XML declaration or doctype.
    start = svg.find("<svg")
    if start < 0:
        return "", "The diagram came out empty."
    svg = svg[start:].strip()
    full = base64.b64encode(('<?xml version="1.0" encoding="UTF-8"?>\n' + svg).encode())
    href = "data:image/svg+xml;base64," + full.decode("ascii")
    return viewer.viewer_html(svg, full_href=href, uid=DIAGRAM_VIEW_ID), ""


def _viewer_css() -> str:
    try:
        from ..render.viewer import VIEWER_CSS
    except ImportError:
        return ""
    return VIEWER_CSS


def _summary_section(m: ArgumentMap, analysis: bool) -> str:
    if not m.claims:
        return '<p class="note">The map has no claims.</p>'
    out = []
    titles: set[str] = {clean(c.title) for c in m.claims if c.title}
    for paragraph in brief_text(m, analysis=analysis).split("\n\n"):
        if not paragraph.strip():
            continue
        # The brief opens with the position's title: set it in bold.
        head = _title_at_start(paragraph, titles)
        if head is None:
            out.append(f"<p>{_e(paragraph)}</p>")
        else:
            rest = paragraph[len(head) + 2 :]
            out.append(f"<p><strong>{_e(head)}:</strong> {_e(rest)}</p>")
    return "\n".join(out)


def _title_at_start(paragraph: str, titles: set[str]) -> str | None:
    """The shortest of ``titles`` that opens ``paragraph`` followed by ``": "``.

    Looked up at each ``": "`` in turn, so the time grows with the paragraph, not with
    the number of titled claims in the map.
    """
    cut = paragraph.find(": ")
    while cut >= 0:
        if paragraph[:cut] in titles:
            return paragraph[:cut]
        cut = paragraph.find(": ", cut + 1)
    return None


def _outline_section(m: ArgumentMap, outline: Outline, quotes: bool) -> str:
    if not outline.roots:
        return ""
    out = ['<ul class="outline">']
    for root in outline.roots:
        out += _entry_html(m, root, None, quotes)
    out.append("</ul>")
    return "\n".join(out)


def _entry_html(m: ArgumentMap, top: Entry, above: str | None, quotes: bool) -> list[str]:
    # Iterative, like the outline itself: deep maps must not hit the recursion limit.
    out: list[str] = []
    stack: list[tuple[Entry | None, str | None]] = [(top, above)]
    while stack:
        entry, parent_relation = stack.pop()
        if entry is None:  # marker: close the list of children
            out.append("</ul></li>")
            continue
        word = relation_word(entry.relation, parent_relation, report=True)
        css = word.lower() if word else "root"
        anchor = f' id="claim-{_e(entry.claim)}"' if entry.is_full and entry.claim else ""
        line = [f'<li class="{css}"{anchor}><span class="num">{entry.number}.</span>']
        if word:
            line.append(f'<span class="rel rel-{css}">{word}:</span> ')
        line.append(_entry_body(m, entry, quotes))
        if entry.continues:
            line.append(f' <span class="note">(continued from {entry.continues}.)</span>')
        if entry.moved:
            line.append(f' <span class="note">(continued at {entry.moved}.)</span>')
        if entry.hidden:
            line.append(f' <span class="note">(+{entry.hidden} more not shown)</span>')
        if entry.children:
            out.append("".join(line) + "<ul>")
            stack.append((None, None))
            stack.extend((child, entry.relation) for child in reversed(entry.children))
        else:
            out.append("".join(line) + "</li>")
    return out


def _entry_body(m: ArgumentMap, entry: Entry, quotes: bool) -> str:
    if entry.claim is None:
        return '<span class="note">these premises, together:</span>'
    claim = claim_of(m, entry.claim)
    if entry.ref is not None:
        return (
            f'<a href="#claim-{_e(claim.id)}">{_e(short(claim.label))}</a> '
            f'<span class="note">(see {entry.ref}.)</span>'
        )
    parts = []
    if claim.title:
        parts.append(f"<strong>{_e(claim.title)}</strong>: ")
    parts.append(_e(claim.text))
    who = asserted_by(m, claim)
    if who:
        parts.append(f' <span class="who">— {_e(", ".join(who))}</span>')
    if quotes:
        for q in claim.quotes:
            parts.append(
                f"<blockquote><p>“{_e(q.text)}”</p>"
                f"<cite>{_e(quote_reference(m, q))}</cite></blockquote>"
            )
    return "".join(parts)


def _claim_link(claim: Claim, outline: Outline) -> str:
    number = outline.full.get(claim.id)
    where = f' <span class="num">({number}.)</span>' if number else ""
    return f'<a href="#claim-{_e(claim.id)}">{_e(short(claim.label))}</a>{where}'


def _themes_section(m: ArgumentMap, outline: Outline) -> str:
    out = []
    by_theme = members_by_theme(m)
    for theme in m.themes:
        members = by_theme.get(theme.id, [])
        out.append(f"<h3>{_e(theme.label)}</h3>")
        if theme.description:
            out.append(f"<p>{_e(theme.description)}</p>")
        items = "".join(f"<li>{_claim_link(c, outline)}</li>" for c in members)
        out.append(f"<ul>{items}</ul>" if items else '<p class="note">No claims.</p>')
    return "\n".join(out)


def _unanswered_section(m: ArgumentMap, outline: Outline) -> str:
    found = unanswered_objections(m)
    if not found:
        return "<p>Every objection in the map has an answer.</p>" if m.links else ""
    claim_ids = {c.id for c in m.claims}
    items = []
    for link_id, source in found:
        link = link_of(m, link_id)
        if link.target in claim_ids:
            target = _claim_link(claim_of(m, link.target), outline)
        else:
            inner = link_of(m, link.target)
            target = "the inference from " + " + ".join(
                _claim_link(claim_of(m, s), outline) for s in inner.sources
            )
        items.append(f"<li>{_claim_link(claim_of(m, source), outline)} objects to {target}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _questions_section(m: ArgumentMap, outline: Outline) -> str:
    """The critical questions the map leaves open, by scheme; empty without schemes."""
    if not any(link.scheme for link in m.links):
        return ""
    from ..schemes.questions import open_by_scheme

    out = []
    claim_ids = {c.id for c in m.claims}
    for scheme, arguments in open_by_scheme(m):
        out.append(f'<h3 id="scheme-{_e(scheme.id)}">{_e(scheme.name)}</h3>')
        items = []
        for link, open_ in arguments:
            ends = " + ".join(_claim_link(claim_of(m, c), outline) for c in link.sources)
            target = (
                _claim_link(claim_of(m, link.target), outline)
                if link.target in claim_ids
                else f"the inference {_e(link.target)}"
            )
            which = (
                "all open" if len(open_) == len(scheme.questions) else "open: " + ", ".join(open_)
            )
            items.append(f'<li>{ends} → {target}: <span class="note">{_e(which)}</span></li>')
        out.append(f"<p>Arguments:</p><ul>{''.join(items)}</ul>")
        rows = "".join(
            f"<li><strong>{_e(q.id)}</strong> ({_e(q.kind)}): {_e(q.text)}</li>"
            for q in scheme.questions
        )
        out.append(f"<details><summary>Its critical questions</summary><ul>{rows}</ul></details>")
    return "\n".join(out)


def _standing_section(m: ArgumentMap, outline: Outline) -> str:
    result = standing(m)
    if not result.available:
        return f'<p class="note">{_e(result.note)}</p>'
    order = {c.id: i for i, c in enumerate(m.claims)}
    out = []
    if result.labels:
        words = {s: f"<em>{s}</em>" for s, _ in STATUS_HEADINGS}
        out.append(
            f"<p>{STATUS_MEANING.format(**words)} Support is read as {_e(result.reading)}.</p><dl>"
        )
        for label, heading in STATUS_HEADINGS:
            ids = sorted((c for c, v in result.labels.items() if v == label), key=order.__getitem__)
            names = ", ".join(_claim_link(claim_of(m, c), outline) for c in ids) or "none"
            out.append(f"<dt>{heading}</dt><dd>{names}</dd>")
        out.append("</dl>")
    if result.strengths:
        ranked = sorted(result.strengths.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))
        n = min(3, len(ranked) // 2)  # strongest and weakest never overlap
        picked = (("Strongest", ranked[:n]), ("Weakest", ranked[::-1][:n])) if n else ()
        for heading, picks in picked:
            rows = "".join(
                f"<li>{_claim_link(claim_of(m, c), outline)}: {v:.2f}</li>" for c, v in picks
            )
            out.append(f"<p>{heading} claims (gradual strength, DF-QuAD):</p><ul>{rows}</ul>")
    return "\n".join(out)


def _sources_section(m: ArgumentMap) -> str:
    if not m.sources:
        return ""
    items = []
    counts = quotes_by_source(m)
    for source in m.sources:
        n = counts[source.id]
        bits = [f"<cite>{_e(source.title)}</cite>"]
        if source.author:
            bits.append(f"by {_e(source.author)}")
        if source.url:
            # Shown as text, not a link: the page makes no requests and invites none.
            bits.append(f"<code>{_e(source.url)}</code>")
        bits.append(f"({n} quote{'s' if n != 1 else ''})")
        items.append(f"<li>{' '.join(bits)}</li>")
    return f"<ul>{''.join(items)}</ul>"
