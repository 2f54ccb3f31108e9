"""Word wrap of claim text in diagram labels, against its definition as a regular expression.

``wrap`` uses ``str.rfind`` for speed; the definition it must keep is the greedy rule "the
longest run of at most ``width`` characters that starts a word and ends before a space or
the end; failing that, ``width`` characters of an over-long word", which a regex states
directly (and which ``wrap`` used to run).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.quoting import display_text
from argmap.render.wrapping import shown_as_is, text_cell, text_cells, wrap


def reference_wrap(text: str, width: int) -> list[str]:
    line = re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)|\S{{1,{width}}}")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(line.findall(" ".join(paragraph.split())))
    return lines


words = st.text(alphabet=st.sampled_from("ab é漢🙂 \t\n\u00a0\u2003-."), max_size=80)


@settings(max_examples=500, deadline=None)
@given(words, st.integers(min_value=1, max_value=12))
def test_wrap_follows_the_greedy_rule(text: str, width: int) -> None:
    shown = display_text(text)
    assert wrap(shown, width) == reference_wrap(shown, width)


@settings(max_examples=300, deadline=None)
@given(words, st.integers(min_value=1, max_value=12))
def test_wrapped_lines_fit_and_lose_no_character(text: str, width: int) -> None:
    lines = wrap(display_text(text), width)
    assert all(0 < len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(display_text(text).split())


def test_wrap_examples() -> None:
    assert wrap(display_text("Homework causes stress in young pupils."), 16) == [
        "Homework causes",
        "stress in young",
        "pupils.",
    ]
    assert wrap(display_text("abcde fgh"), 4) == ["abcd", "e", "fgh"]
    assert wrap(display_text("   "), 4) == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab -\t\n\x0b\x0c\x1c\x1f"), max_size=60), st.integers(1, 9)
)
def test_wrap_of_a_raw_string_splits_at_every_kind_of_whitespace(text: str, width: int) -> None:
    # A str that did not come from display_text may hold ASCII whitespace other than the
    # space (\x1c-\x1f split words too): the fast path trusts only a Plain to have none.
    assert wrap(text, width) == reference_wrap(text, width)  # type: ignore[arg-type]


# text_cells wraps all of a diagram's claim texts at once when a few scans of them joined
# show they need no per-text care; it must give what the per-text path gives, whether the
# texts take that shortcut (printable ASCII, single-spaced) or not (any one of them odd).
plain_words = st.text(alphabet=st.sampled_from("abc XY.-"), max_size=70)
odd_words = st.text(alphabet=st.sampled_from("ab \t\n\x00é\u202e&<>\"'\\]"), max_size=50)


def per_text_cells(texts: list[str], width: int) -> list[str]:
    return [text_cell(display_text(text), width) for text in texts]


@settings(max_examples=400, deadline=None)
@given(st.lists(plain_words | odd_words, max_size=8), st.integers(min_value=8, max_value=20))
def test_text_cells_match_the_per_text_path(texts: list[str], width: int) -> None:
    assert text_cells(texts, width) == per_text_cells(texts, width)


@settings(max_examples=300, deadline=None)
@given(st.lists(plain_words.map(lambda t: " ".join(t.split())), max_size=8), st.integers(8, 20))
def test_text_cells_of_single_spaced_ascii_take_the_shortcut(texts: list[str], width: int) -> None:
    assert shown_as_is(texts)
    assert text_cells(texts, width) == per_text_cells(texts, width)


def test_text_cells_examples() -> None:
    texts = [
        "Homework causes stress in young pupils.",
        "Short.",
        "",
        "A text with & and <b> to escape, long enough to wrap.",
        "abcdefghijklmnopqrstuvwxyz0123456789 word",
    ]
    assert shown_as_is(texts)
    for width in (8, 16, 32):
        assert text_cells(texts, width) == per_text_cells(texts, width)
    # Any one text needing care sends them all the per-text way, with the same result.
    for odd in (" lead", "trail ", "two  spaces", "tab\there", "line\nbreak", "é", "\x00"):
        assert not shown_as_is([*texts, odd])
        assert text_cells([*texts, odd], 16) == per_text_cells([*texts, odd], 16)
