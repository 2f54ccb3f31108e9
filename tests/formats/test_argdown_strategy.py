"""The Argdown fast path as a strategy: on every input it reads, the same map as the general
parser alone (a differential test), chosen by the input, and invisible in the output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from argmap import FormatError, MapValidationError
from argmap.cli import main
from argmap.formats._argdown_fast import PlainParagraphs
from argmap.formats._argdown_lines import _ARROW
from argmap.formats._argdown_map import to_map
from argmap.formats._argdown_parser import Parser
from argmap.formats.argdown import fast_path_for, parse
from argmap.io.json import dumps

from .test_argdown_fastpath import BLOCK_LINES, FRONT_MATTER, pcs_paragraphs


class _Counting(Parser):
    """The parser, counting the lines with text that its general per-line code reads (the
    fast path reads the others)."""

    general_lines = 0

    def _line(self, line: str, number: int) -> None:
        if line.strip():
            self.general_lines += 1
        super()._line(line, number)


class _CountingFast(PlainParagraphs):
    """The fast path, counting the lines it reads."""

    def read(self, i: int, pos: int) -> tuple[int, int]:
        done = super().read(i, pos)
        self.lines_read = getattr(self, "lines_read", 0) + done[0] - i
        return done


def _outcome(text: str, fast: Any) -> tuple[Any, Parser | None]:
    """The map (JSON text and warnings) or the error, and the parser that read the text."""
    parser = _Counting(text, None, fast)
    try:
        doc = parser.parse()
    except FormatError as exc:
        return ("FormatError", str(exc)), parser
    try:
        result = to_map(doc)
    except MapValidationError as exc:
        return ("MapValidationError", str(exc)), parser
    return (dumps(result.map), result.warnings, result.notes), parser


# -- what the fast path reads: plain paragraphs ---------------------------------------------

TITLES = st.sampled_from(["A", "B", "Ban homework", "Stress at home", "É", "x-y", "S1", "Q?"])
TEXTS = st.sampled_from(
    [
        "",
        "Homework should be banned.",
        "Stress costs sleep. #wellbeing",
        "Two tags #a #(two words)",
        "A fact {kind: evidence}",
        "Tagged fact #data {kind: evidence, title: Fact}",
        "and/or, 50% <b> http:x",
    ]
)
SIGNS = st.sampled_from(sorted(_ARROW))


@st.composite
def plain_block(draw: st.DrawFn) -> list[str]:
    """``[Title]`` or ``[Title]: text``, then relation lines to bare references."""
    title, text = draw(TITLES), draw(TEXTS)
    lines = [f"[{title}]" + (f": {text}" if text else draw(st.sampled_from(["", ":", "  "])))]
    indent = 0
    for _ in range(draw(st.integers(0, 5))):
        indent = draw(st.sampled_from(sorted({0, 2, indent, indent + 2})))
        trail = draw(st.sampled_from(["", " ", "  "]))
        lines.append(f"{' ' * indent}{draw(SIGNS)} [{draw(TITLES)}]{trail}")
    return lines


@st.composite
def plain_pcs(draw: st.DrawFn) -> list[str]:
    """``<Argument>``, numbered premises of bare references, ``----``, the conclusion."""
    lines = [f"<{draw(TITLES)}>"] + [""] * draw(st.integers(0, 1))
    premises = draw(st.lists(TITLES, min_size=1, max_size=3))
    lines += [f"({n}) [{t}]" for n, t in enumerate(premises, 1)]
    return [*lines, "-" * draw(st.integers(2, 5)), f"({len(premises) + 1}) [{draw(TITLES)}]"]


@st.composite
def plain_documents(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.one_of(plain_block(), plain_pcs()), min_size=1, max_size=6))
    gaps = [draw(st.sampled_from(["\n", "\n  \n", "\n\n\n"])) for _ in paragraphs]
    body = "".join("\n".join(p) + "\n" + gap for p, gap in zip(paragraphs, gaps, strict=True))
    return draw(FRONT_MATTER) + body


@settings(max_examples=600, deadline=None)
@given(plain_documents())
def test_the_fast_path_gives_the_general_parsers_map_on_what_it_reads(text: str) -> None:
    fast, fast_parser = _outcome(text, _CountingFast)
    general, general_parser = _outcome(text, None)
    # The fast path read the whole document (the general code read no line with text)...
    assert fast_parser is not None and general_parser is not None
    assert fast_parser.general_lines == 0, text
    assert general_parser.general_lines > 0
    # ... and the map, its JSON bytes and its warnings (or the error) are the same.
    assert fast == general


@settings(max_examples=600, deadline=None)
@given(FRONT_MATTER, st.lists(st.one_of(BLOCK_LINES, pcs_paragraphs()), max_size=14))
def test_the_same_map_when_the_fast_path_reads_part_of_the_input(
    front: str, lines: list[str]
) -> None:
    # Any mix of what it reads and what it leaves to the general code (comments, tabs,
    # escapes, continuation lines, headings, ...): it stops where it must, and the map is
    # the same.
    text = front + "\n".join(lines)
    fast, parser = _outcome(text, _CountingFast)
    general, _ = _outcome(text, None)
    assert parser is not None and isinstance(parser.fast, _CountingFast)
    read = getattr(parser.fast, "lines_read", 0)
    event("fast path read some lines" if read else "fast path read nothing")
    assert fast == general


def test_the_fast_path_is_chosen_by_the_input() -> None:
    assert fast_path_for("[A]: text\n  + [B]") is PlainParagraphs
    assert fast_path_for("Some prose.\n<Arg>\n\n(1) [A]\n----\n(2) [B]") is PlainParagraphs
    # No line starts a statement or an argument: nothing for the fast path to read.
    prose = "A statement in prose.\n  + Another, untitled.\n\n# A heading\n"
    assert fast_path_for(prose) is None
    assert parse(prose) == parse(prose, fast=False)
    assert Parser(prose, None, fast_path_for(prose)).fast is None


def test_a_large_document_goes_the_fast_way(tmp_path: Path) -> None:
    lines = ["===", "title: Generated", "===", ""]
    for i in range(300):
        lines += [f"[S{i}]: Statement {i}. #t{i % 5}", f"  + [S{i // 2}]", f"  - [S{i // 3}]", ""]
    text = "\n".join(lines)
    fast, parser = _outcome(text, _CountingFast)
    assert parser is not None and parser.general_lines == 0
    assert fast == _outcome(text, None)[0]


def test_convert_writes_the_same_bytes_as_the_general_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "===\ntitle: Homework\n===\n\n"
        "[Ban]: Homework should be banned. #policy\n  + [Stress]\n  - [Practice]\n\n"
        "[Stress]: Homework causes stress. // a comment: the general code's\n\n"
        "<Sleep>\n\n(1) [Stress]\n(2) [Tired]\n----\n(3) [Ban]\n"
    )
    source = tmp_path / "in.argdown"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["convert", str(source), str(out)]) == 0
    general = to_map(parse(text, fast=False))
    assert out.read_text(encoding="utf-8") == dumps(general.map)
    assert [c.id for c in general.map.claims][:3] == ["ban", "stress", "practice"]
