"""Hostile text in claims shows literally in Markdown; summaries show well in Jupyter."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from argmap import ArgumentMap
from argmap.summary import Summary, md_escape, summarize

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "*not emphasis* and __not strong__",
    "[a link](http://example.com) and ![img](x.png)",
    "`code` and ``more``",
    "# not a heading\n- not a list\n> not a quote",
    "&lt; stays as typed &amp; &#60;",
    "back\\slash \\* and | pipes |",
]


def _hostile_map(text: str) -> ArgumentMap:
    m = ArgumentMap(title=text, question=text)
    m.claim("p", text, kind="position", title=text, asserted_by=["who"])
    m.claim("r", text)
    m.support("r", "p")
    m.claim("o", text)
    m.attack("o", "p")
    return m


def _visible_text(rendered_html: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered_html))


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_hostile_text_literally(text: str) -> None:
    report = str(summarize(_hostile_map(text), "md", analysis=False))
    rendered = markdown.markdown(report)
    # No element comes from the claim text: only the report's own tags are present.
    tags = set(re.findall(r"<([a-z0-9]+)", rendered))
    assert tags <= {"h1", "h2", "h3", "p", "strong", "em", "ul", "li"}
    flat = " ".join(text.split())
    assert _visible_text(rendered).count(flat) >= 4  # title, question, position, replies


def test_md_escape_round_trips_through_a_markdown_renderer() -> None:
    for text in HOSTILE:
        rendered = markdown.markdown(md_escape(text))
        assert _visible_text(rendered).strip() == " ".join(text.split())


def test_outline_keeps_text_on_one_line() -> None:
    m = _hostile_map("line one\nline two\n\n3. not a number")
    lines = str(summarize(m, "outline")).splitlines()
    assert "1. line one line two 3. not a number" in lines


def test_summary_display_in_jupyter() -> None:
    m = _hostile_map("<b>bold?</b>")
    md = summarize(m, "md")
    assert md._repr_markdown_() == str(md) and md._repr_html_() is None
    for fmt in ("txt", "outline", "brief", "long"):
        shown = summarize(m, fmt)._repr_html_()
        assert shown is not None and "<b>" not in shown and "&lt;b&gt;bold?" in shown
    assert isinstance(summarize(m, "brief"), Summary)


def test_unknown_format_and_bad_options() -> None:
    m = _hostile_map("x")
    with pytest.raises(ValueError, match="unknown summary format"):
        summarize(m, "pdf")
    with pytest.raises(ValueError, match="depth"):
        summarize(m, "outline", depth=0)
    with pytest.raises(KeyError, match="nope"):
        summarize(m, "outline", root="nope")
    with pytest.raises(KeyError, match="nope"):
        summarize(m, "md", themes=["nope"])


def test_plain_text_respects_width() -> None:
    m = _hostile_map("word " * 60)
    for width in (30, 50, 100):
        lines = str(summarize(m, "txt", width=width)).splitlines()
        assert max(len(line) for line in lines) <= width
