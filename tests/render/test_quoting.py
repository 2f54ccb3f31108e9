"""Escaping by type: every escaper takes a Plain, returns its own type, and refuses to escape twice.

Each property is checked on text hypothesis makes from the characters that are syntax
somewhere (quotes, brackets, ampersands, backslashes, pipes, hashes, newlines, controls,
direction marks) mixed with ordinary letters, and each escaped value is read back by a
parser of its target, which must see the original text and no markup of its own.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from argmap.render.quoting import (
    DotHtml,
    DotString,
    Escaped,
    Html,
    Markdown,
    Mermaid,
    Plain,
    display_text,
    dot_string,
    html_escape,
    html_one_line,
    html_text,
    markdown_cell,
    markdown_text,
    md_escape,
    mermaid_text,
    one_line,
    xml_text,
)

#: Characters that are syntax in at least one target, and some that are not.
HOSTILE_CHARS = (
    "<>&\"'`*_[](){}!#|~\\-+.=:/;%$@^?,0123456789 \n\t\r"
    "aZ\x00\x07\x1b\x7f\x85\u202e\u2066\u200f\u00a0é€😀"
)
texts = st.text(alphabet=HOSTILE_CHARS, max_size=40) | st.text(max_size=20)

#: Each escaper, the type it returns.
ESCAPERS: list[tuple[Callable[[Plain], Escaped], type[Escaped]]] = [
    (html_escape, Html),
    (xml_text, Html),
    (html_text, DotHtml),
    (dot_string, DotString),
    (markdown_text, Markdown),
    (markdown_cell, Markdown),
    (mermaid_text, Mermaid),
]
NAMES = [f.__name__ for f, _ in ESCAPERS]


@pytest.mark.parametrize(("escape", "kind"), ESCAPERS, ids=NAMES)
@given(text=texts)
def test_escape_once_gives_the_type_and_twice_is_refused(
    escape: Callable[[Plain], Escaped], kind: type[Escaped], text: str
) -> None:
    once = escape(display_text(text))
    assert type(once) is kind
    with pytest.raises(TypeError, match="takes a Plain"):
        escape(once)  # type: ignore[arg-type]  # the point: mypy refuses this too
    with pytest.raises(TypeError, match="takes a Plain"):
        escape(text)  # type: ignore[arg-type]  # a raw str is a missed display step


@given(text=texts)
def test_raw_text_conveniences_refuse_escaped_text(text: str) -> None:
    assert type(md_escape(text)) is Markdown
    assert type(html_one_line(text)) is Html
    for escaped in (md_escape(text), html_one_line(text)):
        for convenience in (md_escape, html_one_line, one_line):
            with pytest.raises(TypeError, match=r"not (Markdown|Html)"):
                convenience(escaped)


@given(text=texts)
def test_showable_text_is_made_once(text: str) -> None:
    assert display_text(display_text(text)) == display_text(text)
    assert one_line(one_line(text)) == one_line(text)
    assert "\n" not in one_line(text)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


@given(text=texts)
def test_html_escape_keeps_text_out_of_tags_and_attributes(text: str) -> None:
    shown = display_text(text)
    escaped = html_escape(shown)
    for quote in ('"', "'"):
        parser = _Collect()
        parser.feed(f"<p title={quote}{escaped}{quote}>{escaped}</p>")
        parser.close()
        assert parser.tags == [("p", [("title", shown)])]
        assert "".join(parser.data) == shown


@given(text=texts)
def test_xml_text_reads_back_from_an_xml_parser(text: str) -> None:
    shown = display_text(text)
    root = ET.fromstring(f"<title>{xml_text(shown)}</title>")
    assert len(root) == 0  # no element came from the text
    assert (root.text or "") == shown.replace("\r", "\n")


@given(text=texts)
def test_markdown_text_renders_as_one_paragraph_of_the_text(text: str) -> None:
    shown = one_line(text)
    rendered = MarkdownIt("commonmark").render(markdown_text(shown))
    if not shown:
        assert rendered == ""
        return
    # One paragraph and nothing else: no heading, list, quote, code, link, emphasis, HTML.
    assert re.fullmatch(r"<p>[^<]*</p>\n", rendered), rendered
    assert html.unescape(rendered[3:-5]) == shown


@given(text=texts)
def test_markdown_cell_stays_in_its_cell(text: str) -> None:
    shown = one_line(text)
    cell = markdown_cell(shown)
    table = f"| a |\n|---|\n| {cell} |\n"
    rendered = MarkdownIt("commonmark").enable("table").render(table)
    assert rendered.count("<td>") == 1 and rendered.count("<th>") == 1
    body = rendered.split("<td>", 1)[1].split("</td>", 1)[0]
    assert "<" not in body.replace("</td", "")
    assert html.unescape(body) == shown


@given(text=texts)
def test_mermaid_text_holds_no_label_syntax(text: str) -> None:
    label = mermaid_text(display_text(text))
    # Only letters, digits, sentence punctuation, entity codes and argmap's own <br>.
    assert re.fullmatch(r"(?:[A-Za-z0-9 .,:!?()']|#\d+;|<br>)*", label), label
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), label.replace("<br>", "\n"))
    assert decoded == display_text(text)


@given(text=texts)
def test_dot_string_reads_back_as_the_text(text: str) -> None:
    shown = display_text(text)
    quoted = dot_string(shown)
    assert quoted[0] == quoted[-1] == '"'
    inner = quoted[1:-1]
    # Every quote inside is escaped, and nothing ends in a lone backslash.
    assert not re.search(r'(?<!\\)(?:\\\\)*"', inner.replace('\\"', ""))
    decoded = re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m[1], m[1]), inner)
    assert decoded == shown


@given(text=texts)
def test_html_text_for_graphviz_reads_back_as_the_text(text: str) -> None:
    shown = display_text(text)
    label = html_text(shown)
    assert not re.search(r"[<>\"']", label)
    assert html.unescape(label.replace("\\\\", "\\")) == shown


def test_mypy_refuses_double_and_missed_escaping(tmp_path: Path) -> None:
    """The type half of the rule, checked by mypy --strict itself on a small program."""
    program = tmp_path / "uses.py"
    program.write_text(
        "from argmap.render.quoting import html_escape, md_escape, markdown_text, one_line\n"
        "twice = html_escape(html_escape(one_line('a')))\n"  # escaped twice
        "raw = markdown_text('a')\n"  # a raw str, never made showable
        "fine = html_escape(one_line('a')) + markdown_text(one_line('b'))\n"
        "also_fine = md_escape('a')\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(program)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in errors] == [2, 3], run.stdout
    assert all("[arg-type]" in line for line in errors)
