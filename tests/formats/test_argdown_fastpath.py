"""The Argdown reader's fast paths against the plain rules they stand for.

The reader avoids regular expressions and repeated work on its hot paths (relation signs,
``#tags``, whitespace, slugs, link numbers, the unsound-link sweep). Each property here
compares one fast path with a direct reading of its rule on random input made of the
characters that matter to it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import FormatError, MapValidationError
from argmap.formats._argdown_doc import _norm, split_tags, unescape
from argmap.formats._argdown_fast import PlainParagraphs
from argmap.formats._argdown_lines import (
    _PCS_RE,
    _RELATION_RE,
    _closing,
    _next_is_item,
    _relation_sign,
)
from argmap.formats._argdown_map import _Converter
from argmap.formats._argdown_parser import Parser
from argmap.formats._argdown_yaml import front_matter_lines as _plain_yaml
from argmap.formats._common import MapBuilder, SlugMaker, _drop_unsound_links_impl, slugify
from argmap.formats.argdown import parse

# -- reference rules (the reader's earlier, regex-based code) -----------------------------------

_TAG_RE = re.compile(r"(?<![\\\w])#(?:\(([^)]*)\)|([\w-]+))")
_SPACE_RE = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def reference_norm(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def reference_split_tags(text: str) -> tuple[str, list[str]]:
    if "#" not in text:
        return reference_norm(text), []
    found = [m.group(1) if m.group(1) is not None else m.group(2) for m in _TAG_RE.finditer(text)]
    return reference_norm(_TAG_RE.sub(" ", text)), [t.strip() for t in found if t.strip()]


def reference_slugify(text: str, fallback: str = "x") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def reference_drop_unsound(b: MapBuilder) -> None:
    kept: list[dict[str, Any]] = []
    dropped = 0
    for link in b.links:
        if link["target"] == link["id"] or link["target"] in link["sources"]:
            dropped += 1
        else:
            kept.append(link)
    by_id = {link["id"]: link for link in kept}
    removed: set[str] = set()
    done: set[str] = set()
    for start in by_id:
        walk: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        while node is not None and node in by_id and node not in done and node not in removed:
            if node in seen:
                removed.add(walk[-1])
                break
            seen.add(node)
            walk.append(node)
            node = by_id[node]["target"]
        done.update(walk)
    if removed:
        kept = [link for link in kept if link["id"] not in removed]
    while True:
        ids = {c["id"] for c in b.claims} | {link["id"] for link in kept}
        dangling = [link for link in kept if link["target"] not in ids]
        if not dangling:
            break
        removed.update(link["id"] for link in dangling)
        kept = [link for link in kept if link["target"] in ids]
    if dropped or removed:
        b.warnings.append(
            f"{dropped + len(removed)} links dropped: they target their own premise or "
            "form a ring of links attacking links"
        )
    b.links = kept


# -- strategies ---------------------------------------------------------------------------------

# Characters that steer the rules, plus a few Unicode letters, digits and spaces.
TAG_TEXT = st.text(alphabet="#()\\_-aZ1é٣ \t\u00a0\u2003.", max_size=20)
SIGN_TEXT = st.text(alphabet="+-_<>[ \t\u00a0a", min_size=1, max_size=6)
SLUG_TEXT = st.text(alphabet="aZ09 -_!éÆ\u00a0ﬁ²", max_size=80)


@settings(max_examples=500, deadline=None)
@given(TAG_TEXT)
def test_split_tags_matches_the_tag_pattern(text: str) -> None:
    assert split_tags(text) == reference_split_tags(text)


@settings(max_examples=500, deadline=None)
@given(TAG_TEXT, st.text(alphabet="aZ1é٣²_-#( \\", max_size=6))
def test_split_tags_of_a_last_word_tag(text: str, tag: str) -> None:
    # The common "Text. #tag" has a shortcut of its own.
    for sep in (" #", "#", "\\#"):
        assert split_tags(text + sep + tag) == reference_split_tags(text + sep + tag)


@settings(max_examples=500, deadline=None)
@given(TAG_TEXT, st.sampled_from(["", " #t1", " #é٣", " #a_b", " #a-b", "#t", " ##t", " #"]))
def test_split_tags_shortcut_matches_the_tag_pattern(text: str, tag: str) -> None:
    # The shortcut for a text ending in one "#tag", on statement texts (stripped) and not.
    stripped = (text + tag).strip()
    assert split_tags(stripped) == reference_split_tags(stripped)
    assert split_tags(text + tag) == reference_split_tags(text + tag)


@settings(max_examples=300, deadline=None)
@given(TAG_TEXT)
def test_split_tags_ignores_surrounding_whitespace(text: str) -> None:
    # The reader keeps the untagged text of a statement under its stripped text.
    assert split_tags(text) == split_tags(text.strip())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_norm_matches_the_whitespace_pattern(text: str) -> None:
    assert _norm(text) == reference_norm(text)


@settings(max_examples=500, deadline=None)
@given(SIGN_TEXT)
def test_relation_sign_matches_the_relation_pattern(content: str) -> None:
    m = _RELATION_RE.match(content)
    expected = m.group(1) if m and not content.startswith("--") else ""
    assert _relation_sign(content) == expected


def test_relation_sign_examples() -> None:
    assert _relation_sign("+ [A]") == "+"
    assert _relation_sign("<- [A]") == "<-"
    assert _relation_sign("+>") == "+>"
    assert _relation_sign("+>x") == ""
    assert _relation_sign("-- rule --") == ""
    assert _relation_sign("<A>: text") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]<>\\a ", min_size=1, max_size=8), st.sampled_from("]>"))
def test_a_title_without_escapes_closes_at_the_first_bracket(content: str, close: str) -> None:
    # The reader skips the escape-aware scan when the line has no backslash at all.
    if "\\" not in content:
        assert _closing(content, close) == content.find(close, 1)


@settings(max_examples=500, deadline=None)
@given(SLUG_TEXT, st.sampled_from(["x", "statement"]))
def test_slugify_matches_the_plain_rule(text: str, fallback: str) -> None:
    assert slugify(text, fallback) == reference_slugify(text, fallback)


@given(st.sets(st.sampled_from([f"s{i}" for i in range(1, 8)])), st.integers(1, 6))
def test_numbered_takes_the_first_free_number(taken: set[str], start: int) -> None:
    ids = SlugMaker(set(taken))
    slug, n = ids.numbered("s", start)
    expected = next(i for i in range(start, 100) if f"s{i}" not in taken)
    assert (slug, n) == (f"s{expected}", expected)
    assert ids.taken(slug)


IDS = ["a", "b", "l1", "l2", "l3", "l4"]


@st.composite
def builders(draw: st.DrawFn) -> MapBuilder:
    claims = [{"id": cid} for cid in draw(st.lists(st.sampled_from(["a", "b"]), unique=True))]
    links = [
        {
            "id": lid,
            "sources": draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=2)),
            "target": draw(st.sampled_from([*IDS, "zz"])),
        }
        # Link ids are mostly their own, sometimes a claim's (the sweep must not be fooled).
        for lid in draw(st.lists(st.sampled_from([*IDS[2:], *IDS[2:], *IDS[:2]]), max_size=5))
    ]
    return MapBuilder(claims=claims, links=links)


@settings(max_examples=500, deadline=None)
@given(builders())
def test_drop_unsound_links_matches_the_plain_sweep(b: MapBuilder) -> None:
    expected = MapBuilder(claims=b.claims, links=list(b.links))
    reference_drop_unsound(expected)
    _drop_unsound_links_impl(b)
    assert b.links == expected.links
    assert b.warnings == expected.warnings


# -- the parser's shortcuts for references and relations ---------------------------------------

LINES = st.sampled_from(
    [
        "[A]: Text of A. #tag",
        "[B]: Text {kind: evidence}",
        "<Arg>: An argument.",
        "  + [A]",
        "  - [B]",
        "  <+ [C]",
        "    +> [A]",
        "    >< [B]",
        "  _ <Arg>",
        "  -> <Arg>",
        "  + [A]: A again, other words.",
        "  + [C] #(more tags)",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12))
def test_repeated_references_read_as_definitions_do(lines: list[str]) -> None:
    text = "\n".join(["[A]: Root.", *lines])
    # The same document with every bare reference turned into a definition with no text
    # ("[A]:"): the general path for an element, which must give the same relations. (No
    # continuation lines here: a definition would take their text, a reference does not.)
    general = "\n".join(["[A]: Root.", *(_as_definition(line) for line in lines)])
    try:
        doc = parse(text)
    except Exception as exc:  # the same error either way
        try:
            parse(general)
        except Exception as other:
            assert str(other) == str(exc)
            return
        raise
    other = parse(general)
    assert doc.relations == other.relations
    assert {t: (s.text, s.tags, s.data) for t, s in doc.statements.items()} == {
        t: (s.text, s.tags, s.data) for t, s in other.statements.items()
    }


def _as_definition(line: str) -> str:
    stripped = line.rstrip()
    return stripped + ":" if stripped.endswith("]") and "]:" not in stripped else line


# -- plain blocks: the reader's fast path for statement paragraphs -----------------------------


LINES = [
    # what the fast path reads
    "[A]: Text of A. #tag #(two words)",
    "[B]: Text {kind: evidence}",
    "[C]",
    "[C]:",
    "[ D  d ]: Spaced title.",
    "[A]: A again, other words.",
    "[E]: One tag at the end. #t1",
    "[F]: A tag twice #t #t and #(t)",
    "[G]: Tag and data #g {kind: evidence}",
    "[H]: #only",
    "  + [B]",
    "  - [C]",
    "  <+ [A]",
    "  <- [ D  d ]",
    "  <_ [B]",
    "    +> [A]",
    "    -> [C]",
    "    _> [B]",
    "    >< [A]",
    "      _ [C]",
    " + [E]",
    "  + [B]  ",
    "  +\u00a0[C]\u2003",
    "  - [B]\r",
    "[I]: Two  spaces, then a tag #t",
    "[J]: A no-break\u00a0space #t",
    "[K]: A trailing space  #t",
    "[L]: and/or <b> http:x",
    "[ M ]",
    "  + [a b]",
    "    - [a  b]",
    " \t ",
    "",
    "  ",
    "\u00a0",
    # what it must leave to the general path, in a block or between blocks
    "[A] trailing words",
    "[A](https://example.org)",
    "[]: Empty title.",
    "[A]: text // comment",
    "[A]: text /* comment */",
    "[A]: escaped \\# hash",
    "[A]: a/b and <c>",
    "[A]: a <!-- comment -->",
    "  + [B]: text on a relation",
    "  + <Arg>",
    "  +[B]",
    "  + [B] trailing",
    "  + []",
    "  + [B\\]]",
    "  + [a/b]",
    "  + [a<b]",
    "\t+ [B]",
    "  +\t[B]",
    "  + [B] // comment",
    "  - [C] {kind: evidence}",
    "  hard-wrapped continuation",
    "\ta tabbed continuation",
    "<Arg>: An argument.",
    "<Arg>",
    "# Heading",
    "## Sub heading #tag",
    "(1) [A]",
    "(2) [B]: premise text",
    "----",
    "-- modus ponens --",
    "Untitled statement text.",
    "/* a comment line */",
    "<!-- a comment line -->",
    "// a comment line",
    "[A]: http://example.org",
    "[A]:\ttab",
    "[A]: a\ttab inside",
    "[A]: a \\ escape",
    "[A]\t",
    "  + [B]\t",
    "/* an open comment",
    "closing it */",
]
BLOCK_LINES = st.sampled_from(LINES)
#: Statement lines, relation lines and the rest, for blocks made the way documents are.
STATEMENT_LINES = st.sampled_from([line for line in LINES if line.startswith("[")])
RELATION_LINES = st.sampled_from(
    [line for line in LINES if line[:1] in " \t" and line.strip()[:1] in ("+", "-", "_", "<", ">")]
)
FRONT_MATTER = st.sampled_from(["", "===\ntitle: T\n===\n", "===\nmodel:\n  mode: strict\n===\n"])


def _parse_both(text: str) -> tuple[Any, Any]:
    """(result, error message) of the parser with its fast path and of the general parser
    alone (every line through the general per-line code, the reference)."""
    out = []
    for fast in (PlainParagraphs, None):
        try:
            out.append((Parser(text, None, fast).parse(), None))
        except Exception as exc:  # the same error either way, at the same place
            out.append((None, f"{type(exc).__name__}: {exc}"))
    return out[0], out[1]


@settings(max_examples=1500, deadline=None)
@given(FRONT_MATTER, st.lists(BLOCK_LINES, max_size=16))
def test_plain_blocks_read_as_the_general_path_does(front: str, lines: list[str]) -> None:
    text = front + "\n".join(lines)
    (fast, fast_error), (general, general_error) = _parse_both(text)
    assert fast_error == general_error
    if fast is None or general is None:
        return
    assert fast == general  # statements (texts, tags, data, lines), relations, warnings...
    assert fast._untagged == general._untagged
    assert list(fast.statements) == list(general.statements)  # the order claims come in


@st.composite
def blocks(draw: st.DrawFn) -> str:
    """Paragraphs of a statement line and relation lines, each ended by a blank line (most
    often) or any other line: what the fast path reads, and where it must stop."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lines.append(draw(STATEMENT_LINES))
        lines += draw(st.lists(RELATION_LINES, max_size=5))
        lines.append(draw(st.one_of(st.sampled_from(["", "", "  ", "\u00a0"]), BLOCK_LINES)))
    return "\n".join(lines)


@settings(max_examples=1500, deadline=None)
@given(FRONT_MATTER, blocks())
def test_plain_blocks_of_statements_and_relations(front: str, text: str) -> None:
    (fast, fast_error), (general, general_error) = _parse_both(front + text)
    assert fast_error == general_error
    if fast is None or general is None:
        return
    assert fast == general
    assert fast._untagged == general._untagged
    assert list(fast.statements) == list(general.statements)


@pytest.mark.parametrize(
    "text",
    [
        "[A]: x\n    - [a  b]\n",  # a title to squeeze: the general path's
        "[A]: x\n  + [B]\n  - [C]\n    + [D]\n  _ [E]\n\n[F]\n  >< [A]",  # rows past two
        "[A]\n  + [B]\n    - [C]\n  + [D] trailing\n\n",  # stops at the third line
        "[A]: one\n  + [B]\n  - [C]\n    more text",  # a continuation of [C]'s line
        "[A]: a\ttab\n  + [B]\n\n[C]: no tab\n  - [A]\t\n",  # tabs: general path
        "[A]: t\n \t \n[B]: t\n\n\n[C]",  # blank lines, one with a tab
        "[Long title of four words]: t\n  + [Two words]\n",
    ],
)
def test_plain_blocks_examples(text: str) -> None:
    (fast, fast_error), (general, general_error) = _parse_both(text)
    assert fast_error == general_error
    assert fast == general and fast is not None and general is not None
    assert list(fast.statements) == list(general.statements)


def test_links_with_claim_ids_go_through_the_sweep() -> None:
    # Every target is a claim, but the links are named like the claims: read as links,
    # they target each other in a ring, which the sweep breaks (the shortcut must not skip it).
    claims = [{"id": "a"}, {"id": "b"}]
    links = [
        {"id": "a", "sources": ["l1"], "target": "b"},
        {"id": "b", "sources": ["l1"], "target": "a"},
    ]
    expected = MapBuilder(claims=claims, links=list(links))
    reference_drop_unsound(expected)
    b = MapBuilder(claims=claims, links=list(links))
    _drop_unsound_links_impl(b)
    assert b.links == expected.links and b.warnings == expected.warnings
    assert b.warnings  # the ring was found


SPECIAL_LINES = st.lists(st.text(alphabet="a/*<!-\t\\ ", max_size=8), min_size=1, max_size=6)


@settings(max_examples=500, deadline=None)
@given(SPECIAL_LINES)
def test_next_special_finds_the_lines_with_a_comment_tab_or_escape(lines: list[str]) -> None:
    specials = ("//", "/*", "<!--", "\t", "\\")
    expected = [i for i, line in enumerate(lines) if any(s in line for s in specials)]
    text = "\n".join(lines)
    parser = PlainParagraphs(Parser(text, None))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, start in enumerate(starts[:-1]):  # forward, as the parse asks
        at = parser._next_special(start)
        first = next((j for j in expected if j >= i), None)
        if first is None:
            assert at == len(text)
        else:  # on that line
            assert starts[first] <= at < starts[first + 1]


NEXT_LINES = st.lists(
    st.sampled_from(
        ["", "  ", "\u00a0", "\t", "(1) [A]", "(2)", " (3) x", "(1)x", "(x) y", "a", "(12)\t"]
    ),
    max_size=5,
)


@settings(max_examples=500, deadline=None)
@given(NEXT_LINES, NEXT_LINES)
def test_next_is_item_reads_the_text_as_the_lines_would(
    before: list[str], after: list[str]
) -> None:
    # The reference: the first line after the inference line that is not blank, stripped.
    lines = [*before, "----", *after]
    expected = next((bool(_PCS_RE.match(s.strip())) for s in after if s.strip()), False)
    text = "\n".join(lines)
    pos = sum(len(line) + 1 for line in lines[: len(before) + 1])  # the line after "----"
    assert _next_is_item(text, pos) == expected


# -- front matter without PyYAML ----------------------------------------------------------------

YAML_KEYS = st.sampled_from(["title", "author", "a-b", "_k", "y", "yes", "No", "ON", "null", "x:"])
YAML_VALUES = st.one_of(
    st.text(alphabet="aZyn0 .,;:#'\"-_?()/+!&*%@`{}[]|>\t~=", max_size=12),
    st.sampled_from(
        [
            "true",
            "False",
            "off",
            "On",
            "NULL",
            "Null",
            "~",
            "yes please",
            "a  b",
            "x -",
            "a #b",
            "a#b",
        ]
    ),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(YAML_KEYS, st.sampled_from([":", ": ", ":  "]), YAML_VALUES), max_size=4))
def test_plain_front_matter_reads_as_pyyaml_does(items: list[tuple[str, str, str]]) -> None:
    yaml = pytest.importorskip("yaml")
    text = "\n".join(f"{key}{colon}{value}" for key, colon, value in items)
    plain = _plain_yaml(text)
    if plain is not None:
        assert plain == yaml.safe_load(text)


def test_plain_front_matter_is_read_without_pyyaml() -> None:
    text = "title: Generated debate of 20000 statements\nauthor: Someone (ed.)  "
    assert _plain_yaml(text) == {
        "title": "Generated debate of 20000 statements",
        "author": "Someone (ed.)",
    }
    assert _plain_yaml("model:\n  mode: strict") is None  # nested: for PyYAML


class _ConverterGeneralOnly(_Converter):
    """The converter making every relation through _relation (the reference)."""

    def _plain_relations(self) -> None:
        for rel in self.doc.relations:
            if rel.type != "undercut":
                self._relation(rel)


@settings(max_examples=1000, deadline=None)
@given(FRONT_MATTER, st.lists(BLOCK_LINES, max_size=16))
def test_plain_relations_convert_as_the_general_path_does(front: str, lines: list[str]) -> None:
    assert_converts_as(_ConverterGeneralOnly, front + "\n".join(lines))


def assert_converts_as(reference: type[_Converter], text: str) -> None:
    """The converter and ``reference`` give the same map, warnings or error for ``text``."""
    try:
        doc = parse(text)
    except FormatError:
        return
    # Each converter gets a document of its own: converting must not depend on the other.
    other = parse(text)
    try:
        fast = _Converter(doc).run()
    except MapValidationError as exc:
        with pytest.raises(MapValidationError) as general_error:
            reference(other).run()
        assert str(general_error.value) == str(exc)
        return
    general = reference(other).run()
    assert fast.map.model_dump() == general.map.model_dump()
    assert fast.warnings == general.warnings


@pytest.mark.parametrize(
    "text",
    [
        # a statement related to itself: dropped with a warning, unless it is a conclusion
        "[A]: Root.\n  + [A]\n\n<Arg>\n\n(1) [B]\n----\n(2) [A]\n",
        "[A]: Root.\n  + [A]\n  - [B]\n",
        # a contradiction is an attack each way, once even when repeated the other way round
        "[A]: Root.\n  >< [B]\n\n[B]: Other.\n  >< [A]\n  - [A]\n",
        # an undercut of a statement splits over the links out of it
        "[A]: Root.\n  + [B]\n  - [C]\n\n[B]: b\n  _ [D]\n\n[B]\n  + [E]\n",
    ],
)
def test_plain_relations_convert_as_the_general_path_does_examples(text: str) -> None:
    fast = _Converter(parse(text)).run()
    general = _ConverterGeneralOnly(parse(text)).run()
    assert fast.map.model_dump() == general.map.model_dump()
    assert fast.warnings == general.warnings


# -- statement claims: the converter's loop for plain statements --------------------------------


class _StatementClaimsGeneralOnly(_Converter):
    """The converter making every statement's claim through _statement_claim (the reference)."""

    def _statement_claims(self, used: set[str]) -> list[str]:
        prose: list[str] = []
        for statement in self.doc.statements.values():
            if statement.title in used or statement.titled:
                self._statement_claim(statement)
            elif statement.text:
                prose.append(unescape(self._untagged(statement.text)))
        return prose


CLAIM_LINES = st.sampled_from(
    [
        "[A]: Text of A. #tag",
        "[A b]: Text. #Tag",
        "[a-b]: Same slug as [A b]. #tag #other",
        "[B]: No tags.",
        "[C]: Escaped \\[text\\]. #c",
        "[D]: #only",
        "[E]: Data. {id: a-b, kind: evidence}",
        "[F]: Data. {id: f}",
        "[tag]: Same slug as the theme. #tag",
        "[Ünï]: Non-ASCII title. #ünï",
        "[B]: Another text of B.",
        "[G]",
        "  + [A]",
        "  - [B]",
        "  + [H]",
        "Untitled statement text. #tag",
        "Untitled and related.",
        "  + [A]",
        "# Heading",
        "## Sub heading #tag",
        "<Arg>: An argument. #tag",
        "",
        "",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(FRONT_MATTER, st.lists(CLAIM_LINES, max_size=16))
def test_statement_claims_convert_as_the_general_path_does(front: str, lines: list[str]) -> None:
    assert_converts_as(_StatementClaimsGeneralOnly, front + "\n".join(lines))


# -- plain premise-conclusion paragraphs: the reader's fast path for arguments ---------------


@st.composite
def pcs_paragraphs(draw: st.DrawFn) -> str:
    """A premise-conclusion paragraph, most often one the fast path reads, sometimes with a
    line it must leave to the general path."""
    argument = draw(
        st.sampled_from(
            ["<Arg>", "<Arg>  ", "< Arg  two >", "<B>", "<>", "<!-- c -->", "<- [A]", "<Arg>: d"]
        )
    )
    blanks = draw(st.lists(st.sampled_from(["", "  ", "\u00a0"]), max_size=2))
    items = ["(1) [A]", "(2) [B]  ", "(3) [ C  c ]", "(1) []", "(2) [A]: text", "(1)  [B]"]
    premises = draw(st.lists(st.sampled_from(items), min_size=1, max_size=3))
    inference = draw(st.sampled_from(["----", "-----  ", "-- rule --", "--", "(4) [D]"]))
    conclusion = draw(st.sampled_from(["(3) [D]", "(9) [A] ", "(3) [D] #t", "(3) []", "[D]"]))
    after = draw(st.sampled_from(["", "", "  ", "  more text", "(4) [E]", "  + [A]"]))
    return "\n".join([argument, *blanks, *premises, inference, conclusion, after])


@settings(max_examples=1500, deadline=None)
@given(FRONT_MATTER, st.lists(st.one_of(pcs_paragraphs(), BLOCK_LINES), max_size=8))
def test_plain_pcs_read_as_the_general_path_does(front: str, parts: list[str]) -> None:
    text = front + "\n".join(parts)
    (fast, fast_error), (general, general_error) = _parse_both(text)
    assert fast_error == general_error
    if fast is None or general is None:
        return
    assert fast == general  # arguments with their items, statements, relations, warnings...
    assert list(fast.arguments) == list(general.arguments)
    assert list(fast.statements) == list(general.statements)


def test_plain_pcs_examples() -> None:
    text = "[A]: a\n\n<Arg>\n\n(1) [A]\n(2) [B]\n----\n(3) [C]\n\n<Arg>\n(1) [D]\n---\n(2) [C]"
    (fast, _), (general, _) = _parse_both(text)
    assert fast is not None and fast == general
    assert [item.statement for item in fast.arguments["Arg"].pcs] == ["A", "B", "C"]
    assert fast.warnings == ["<Arg>: second premise-conclusion structure ignored"]
    assert fast.statements["B"].line == 6 and fast.statements["C"].line == 8


@pytest.mark.parametrize(
    "text",
    ["Two  spaces. #t", "A\ttab. #t", " Leading. #t", "Trailing  #t", "No\u00a0break #t", "Ok. #t"],
)
def test_split_tags_shortcut_examples(text: str) -> None:
    # The shortcut keeps the text before the tag as it is only when it is already normal.
    assert split_tags(text) == reference_split_tags(text)
