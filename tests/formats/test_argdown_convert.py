"""The Argdown converter's shortcuts for plain documents, against its general path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats._argdown_map import _Converter
from argmap.formats._common import MapBuilder, Result, SlugMaker, _all_sound
from argmap.formats.argdown import parse

from .test_argdown_fastpath import _ConverterGeneralOnly, assert_converts_as

#: Blocks of supports and attacks between statements only (links made without their keys),
#: and blocks that add what makes the keys needed again: an argument's relation giving the
#: same link as a plain one, a contradiction, an undercut.
PLAIN = st.sampled_from(
    [
        "[A]: a\n  + [B]\n  - [C]",
        "[B]: b\n  - [A]\n  + [C]",
        "[C]\n  + [A]",
        "[A]\n  +> [C]",
        "[D]: d\n  - [A]",
        # an argument named like an attack's id (a1), concluding a statement
        "<A1>\n\n(1) [B]\n(2) [D]\n----\n(3) [C]",
    ]
)
OTHER = st.sampled_from(
    [
        "<X>\n\n(1) [B]\n----\n(2) [A]\n\n<X>\n  +> [C]",
        "[D]\n  >< [A]",
        "[B]\n  _ [C]",
        "[A]\n  + [A]",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAIN, min_size=1, max_size=6), st.lists(OTHER, max_size=2))
def test_links_of_plain_and_mixed_documents(plain: list[str], other: list[str]) -> None:
    assert_converts_as(_ConverterGeneralOnly, "\n\n".join(plain + other) + "\n")


def test_an_argument_relation_duplicating_a_plain_link_is_made_once() -> None:
    # <X> concludes [D], so <X> supporting [T] is the link D -> T, as "[D] +> [T]" is.
    text = "[D]: d\n  +> [T]\n\n<X>\n\n(1) [A]\n----\n(2) [D]\n\n<X>\n  +> [T]\n"
    fast = _Converter(parse(text)).run()
    general = _ConverterGeneralOnly(parse(text)).run()
    assert fast.map.model_dump() == general.map.model_dump()
    pairs = [(link.sources[0], link.target) for link in fast.map.links if link.kind == "support"]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("title", ["S1", "s1", "a2"])
def test_link_ids_skip_claim_ids(title: str) -> None:
    # Claims named like link ids (s1, a2, ...) push the links' numbers on, in order.
    text = f"[{title}]: x\n  + [B]\n  - [C]\n\n[B]\n  + [C]\n"
    fast = _Converter(parse(text)).run()
    general = _ConverterGeneralOnly(parse(text)).run()
    assert fast.map.model_dump() == general.map.model_dump()
    ids = [c.id for c in fast.map.claims] + [link.id for link in fast.map.links]
    assert len(ids) == len(set(ids))


class _CheckingBuilder(MapBuilder):
    """A builder that, when told its links are sound, checks it before skipping the sweep."""

    told_sound = False

    def finish(self, file: str | None = None) -> Result:
        if self.links_sound:
            assert _all_sound(self)
            type(self).told_sound = True
        return super().finish(file)


def _convert_checking(text: str) -> Result:
    converter = _Converter(parse(text))
    converter.b = _CheckingBuilder(title=converter.b.title)
    return converter.run()


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAIN, min_size=1, max_size=6), st.lists(OTHER, max_size=2))
def test_links_said_to_be_sound_are(plain: list[str], other: list[str]) -> None:
    # The converter tells the builder its links need no sweep only where none would go.
    _convert_checking("\n\n".join(plain + other) + "\n")


def test_plain_documents_take_the_shortcuts(tmp_path: Path) -> None:
    # The benchmark's kind of document (statements, supports and attacks, reconstructed
    # arguments) goes the quick way: links made at once, no sweep. Its map is the general
    # path's.
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    try:
        from bench_formats import generate
    finally:
        sys.path.pop(0)
    path = tmp_path / "gen.argdown"
    generate(300, path)
    text = path.read_text(encoding="utf-8")
    _CheckingBuilder.told_sound = False
    fast = _convert_checking(text)
    assert _CheckingBuilder.told_sound
    general = _ConverterGeneralOnly(parse(text)).run()
    assert fast.map.model_dump() == general.map.model_dump()
    assert fast.warnings == general.warnings


@pytest.mark.parametrize(
    "text",
    [
        "[A]: a\n  + [A]\n  - [B]\n",  # a statement related to itself: the loop's case
        "[A]: a\n  >< [B]\n",  # a contradiction: two links for one relation
        "[A]: a\n  +> <X>\n\n<X>: x\n",  # a relation to an argument
        "[A]: a\n  _ [B]\n  - [B]\n",  # an undercut
    ],
)
def test_other_documents_keep_the_sweep(text: str) -> None:
    _CheckingBuilder.told_sound = False
    fast = _convert_checking(text)
    assert not _CheckingBuilder.told_sound
    general = _ConverterGeneralOnly(parse(text)).run()
    assert fast.map.model_dump() == general.map.model_dump()
    assert fast.warnings == general.warnings


NUMBERED = [f"{prefix}{n}" for prefix in "sa" for n in range(1, 12)]


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.sampled_from(NUMBERED)), st.integers(0, 4), st.integers(0, 9), st.sampled_from("sa")
)
def test_numbered_ids_are_those_numbered_gives_in_turn(
    taken: set[str], counter: int, n: int, prefix: str
) -> None:
    # The plain links' ids, made in batches, against one SlugMaker.numbered call per link.
    converter = _Converter(parse(""))
    converter.ids = SlugMaker(set(taken))
    if counter:
        converter.counters[prefix] = counter
    ids, last, expected = SlugMaker(set(taken)), counter, []
    for _ in range(n):
        slug, last = ids.numbered(prefix, last + 1)
        expected.append(slug)
    assert converter._numbered_ids(prefix, n) == expected
    assert converter.counters.get(prefix, 0) == last


@pytest.mark.parametrize(
    ("premises", "sources"),
    [
        (["A", "B"], ["a", "b"]),  # the common case: the premises as they are
        (["A", "A", "B"], ["a", "b"]),  # a premise twice: once
        (["B", "A", "B"], ["b", "a"]),  # ... where it first comes
        (["A", "C"], ["a"]),  # the conclusion among the premises: left out
        (["C", "A", "A"], ["a"]),
    ],
)
def test_an_inference_takes_each_premise_once(premises: list[str], sources: list[str]) -> None:
    items = [f"({n}) [{title}]" for n, title in enumerate(premises, start=1)]
    text = "\n".join(["<X>", "", *items, "----", f"({len(items) + 1}) [C]", ""])
    links = _Converter(parse(text)).run().map.links
    assert [(link.sources, link.target) for link in links] == [(sources, "c")]
