"""The Argdown document model shared by the Argdown text and Argdown JSON readers.

Both readers build an :class:`ArgdownDocument` (equivalence classes of statements, arguments
with premise-conclusion structures, relations between them by title, as the Argdown tool's
own JSON export has them), and :func:`to_map` turns it into an argmap map:

* a statement (equivalence class) becomes a claim;
* an argument with a premise-conclusion structure becomes support links, one per inference
  (intermediary conclusions chain), the last one named after the argument;
* a sketched argument (a description, no premises) becomes a claim;
* relations become links; an undercut of an argument attacks the link(s) standing for its
  inference; ``entails`` is support, ``contrary`` and ``contradictory`` are attacks both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import filterfalse
from operator import eq
from typing import Any, NamedTuple

from .._words import counted
from ..model import is_slug
from ._common import MapBuilder, Result, SlugMaker, slugify, tally
from ._schemes import scheme_id

__all__ = ["ArgdownDocument", "Argument", "PcsItem", "Relation", "Statement", "to_map"]

RelationType = str  # support | attack | undercut | entails | contrary | contradictory
SYMMETRIC = frozenset({"contrary", "contradictory"})

_TAG_WORD_RE = re.compile(r"[\w-]+")
_PLAIN_KINDS = frozenset({"support", "attack"})
_ESCAPE_RE = re.compile(r"\\(.)")

#: Claim fields argmap writes into an Argdown statement's ``{...}`` data and reads back.
CLAIM_DATA_KEYS = ("id", "kind", "basis", "confidence", "note", "asserted_by", "quotes")


@dataclass(slots=True)
class Statement:
    """An equivalence class: every statement sharing one title."""

    title: str
    text: str = ""
    other_texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    titled: bool = True
    line: int = 0

    def add_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if not self.text:
            self.text = text
        elif _norm(text) != _norm(self.text) and text not in self.other_texts:
            self.other_texts.append(text)


@dataclass(slots=True)
class PcsItem:
    """One numbered line of a premise-conclusion structure."""

    statement: str
    role: str = "premise"  # premise | intermediary-conclusion | main-conclusion
    rules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Argument:
    title: str
    description: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    pcs: list[PcsItem] = field(default_factory=list)
    section: str | None = None
    line: int = 0


class Relation(NamedTuple):
    """A relation between two statements or arguments, by title.

    A named tuple rather than a frozen dataclass: as immutable, and several times faster to
    make, which counts with one per relation of a large document.
    """

    type: RelationType
    source: str
    source_is_argument: bool
    target: str
    target_is_argument: bool

    def key(self) -> tuple[Any, ...]:
        """What makes two relations the same: symmetric ones are the same either way round."""
        kind, source, source_is_argument, target, target_is_argument = self
        if kind in SYMMETRIC and (target_is_argument, target) < (source_is_argument, source):
            return (kind, target_is_argument, target, source_is_argument, source)
        return (kind, source_is_argument, source, target_is_argument, target)


@dataclass
class ArgdownDocument:
    """Statements, arguments and relations of one Argdown document."""

    title: str = ""
    front_matter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _seen: set[Relation] = field(default_factory=set, repr=False)  # see _relation_key
    #: Statement text -> the text without its tags, where the reader already split it off
    #: (to_map needs it again; split_tags is a good part of the cost of a large file).
    _untagged: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def add_relation(self, relation: Relation) -> None:
        key = _relation_key(relation) if relation.type in SYMMETRIC else relation
        seen = self._seen
        if key not in seen:
            seen.add(key)
            self.relations.append(relation)


def _relation_key(relation: Relation) -> Relation:
    """What makes two relations the same, as a relation: the relation itself, or for a
    symmetric one the way round :meth:`Relation.key` puts first.

    Two relations have the same key here exactly when their :meth:`Relation.key` is the
    same, and the relation serves as its own key in most cases, with no tuple to make.
    """
    kind, source, source_is_argument, target, target_is_argument = relation
    if kind in SYMMETRIC and (target_is_argument, target) < (source_is_argument, source):
        return Relation(kind, target, target_is_argument, source, source_is_argument)
    return relation


def _norm(text: str) -> str:
    # Same as re.sub(r"\s+", " ", text).strip(): str.split and \s agree on whitespace.
    return " ".join(text.split())


def split_tags(text: str) -> tuple[str, list[str]]:
    """Text without its ``#tags``, and the tags (escapes still in the text).

    >>> split_tags("Soft drugs should be legal. #pro #(big idea)")
    ('Soft drugs should be legal.', ['pro', 'big idea'])
    """
    head, hash_, tag = text.rpartition(" #")
    if hash_ and tag.isalnum() and "#" not in head:
        # The common "Some text. #tag": one tag, the last word (isalnum: no second "#"),
        # after a space (so the look-behind below holds) and all of it [\w-] characters
        # (isalnum is \w without "_"), so the pattern takes it whole. Found with C-level
        # calls only; the text before it is already normal when its only whitespace is
        # single spaces inside (isprintable() is false for every whitespace but " ").
        if head.isprintable() and "  " not in head and head[:1] != " " and head[-1:] != " ":
            return head, [tag]
        return _norm(head), [tag]
    at = text.find("#")
    if at < 0:
        return _norm(text), []
    # The tags are what the pattern (?<![\\\w])#(?:\(([^)]*)\)|([\w-]+)) finds, and the text
    # is what its sub(" ", text) leaves (tests/formats/test_argdown_fastpath.py compares).
    # Jumping from "#" to "#" is faster: the regex engine tried the look-behind everywhere.
    kept: list[str] = []  # the text between tags
    tags: list[str] = []
    start = 0  # end of the last tag
    while at >= 0:
        end = _tag_end(text, at)
        if end < 0:
            at = text.find("#", at + 1)
            continue
        if text[at + 1] == "(":
            tag = text[at + 2 : end - 1].strip()
            if tag:  # "#()" is a tag with no name: taken out of the text, not kept
                tags.append(tag)
        else:
            tags.append(text[at + 1 : end])  # letters, digits, "_" and "-": nothing to strip
        kept.append(text[start:at])
        start = end
        at = text.find("#", end)
    kept.append(text[start:])
    return _norm(" ".join(kept)), tags


def _tag_end(text: str, at: int) -> int:
    """Where the ``#tag`` or ``#(tag)`` at ``text[at]`` ends, or -1 if there is none there."""
    if at > 0:
        before = text[at - 1]
        if before == "\\" or before == "_" or before.isalnum():  # (?<![\\\w])
            return -1
    if text.startswith("(", at + 1):
        close = text.find(")", at + 2)
        if close >= 0:
            return close + 1
    m = _TAG_WORD_RE.match(text, at + 1)
    return -1 if m is None else m.end()


def unescape(text: str) -> str:
    r"""Resolve backslash escapes: ``\[`` is a literal ``[``."""
    return _ESCAPE_RE.sub(r"\1", text) if "\\" in text else text


# -- document -> argmap ----------------------------------------------------------------------


class _Converter:
    def __init__(self, doc: ArgdownDocument) -> None:
        self.doc = doc
        self.b = MapBuilder(title=doc.title)
        self.ids = SlugMaker()
        self.statement_claim: dict[str, str] = {}  # statement title -> claim id
        self.argument_claim: dict[str, str] = {}  # sketched-argument title -> claim id
        self.main_link: dict[str, str] = {}  # argument title -> id of its final inference link
        self.conclusion: dict[str, str] = {}  # argument title -> claim id of main conclusion
        self.outgoing: dict[str, list[str]] = {}  # sketched-argument claim id -> link ids
        self.link_keys: set[tuple[str, str, str]] = set()  # (kind, source, target)
        self.counters: dict[str, int] = {}
        self.lost: dict[str, int] = {}
        #: Ids of the claims made so far by _statement_claim and _sketched_claim; see
        #: _all_claim_ids for every claim's.
        self.claim_ids: set[str] = set()
        self.fast_claims_recorded = False
        self.theme_ids: dict[str, str] = {}
        self.inference_links: set[str] = set()
        self.conclusions: set[str] = set()
        self.quoted: list[dict[str, Any]] = []  # claims with quotes, in order
        self.undercuts = False  # whether the document has any
        #: The relations' fields, a tuple each (type, source, source_is_argument, target,
        #: target_is_argument), while the relations are made into links.
        self.columns: list[tuple[Any, ...]] = [(), (), (), (), ()]

    def lose(self, what: str, n: int = 1) -> None:
        self.lost[what] = self.lost.get(what, 0) + n

    def run(self) -> Result:
        doc = self.doc
        meta = doc.front_matter.get("argmap")
        if isinstance(meta, dict):
            self._apply_meta(meta)
        ignored = sorted(
            k
            for k, v in doc.front_matter.items()
            if k not in ("title", "argmap") and not (k == "model" and set(v or {}) <= {"mode"})
        )
        if ignored:
            self.b.warnings.append(
                f"front matter settings not represented in argmap: {', '.join(ignored)}"
            )
        # Data ids are reserved before any claim is made, so that no derived slug takes
        # one. (One loop for this and for whether any statement is untitled: a Python loop
        # reads a statement's fields faster than map(attrgetter(...)) does.)
        untitled = False
        for st in doc.statements.values():
            if st.data:
                data_id = st.data.get("id")
                if isinstance(data_id, str) and is_slug(data_id):
                    self.ids.reserve(data_id)
            if not st.titled:
                untitled = True
        # Which statements relations and arguments use matters only for untitled ones.
        used = self._used_statements() if untitled else set()
        prose = self._statement_claims(used)
        if prose:
            self.b.description = "\n\n".join(filter(None, [self.b.description, *prose]))
            self.b.warnings.append(
                counted(
                    len(prose),
                    "untitled paragraph{|s} with no relations kept in the map description, "
                    "not as {a claim|claims}",
                )
            )
        for arg in doc.arguments.values():
            if not arg.pcs:
                self._sketched_claim(arg)
        for arg in doc.arguments.values():
            if arg.pcs:
                self._inferences(arg)
        # Undercuts last: an undercut of a sketched argument needs the links from it.
        self.conclusions = set(self.conclusion.values())
        # One C-level pass for all the relations' fields: the checks and the links of plain
        # documents read these (a map over the relations per field costs three times as much).
        if doc.relations:
            self.columns = list(zip(*doc.relations, strict=True))
        self.undercuts = "undercut" in self.columns[0]
        self._plain_relations()
        self.columns = [(), (), (), (), ()]
        if self.undercuts:
            for rel in doc.relations:
                if rel.type == "undercut":
                    self._relation(rel)
        self._declare_quoted_sources()
        self.b.warnings += tally(self.lost)
        self.b.warnings[:0] = doc.warnings
        # The document and the lookup tables are done with: let them go before the map's
        # objects are made, which then reuse their memory (fresh memory costs a page fault
        # per 4 KB; on 20,000 statements the document alone is 28 MB). This frees the
        # document only when nothing else holds it, as in to_map(parse(...)).
        del doc, self.doc
        builder = self.b
        self._release()
        return builder.finish()

    def _release(self) -> None:
        """Let the lookup tables go (on 20,000 statements the taken slugs alone are 2 MB)."""
        for table in (
            self.statement_claim,
            self.argument_claim,
            self.main_link,
            self.conclusion,
            self.outgoing,
            self.link_keys,
            self.claim_ids,
            self.theme_ids,
            self.inference_links,
            self.conclusions,
        ):
            table.clear()
        self.ids = SlugMaker()

    def _declare_quoted_sources(self) -> None:
        # Argdown JSON exports drop the front matter that declares sources; keep the quotes.
        declared = {s.get("id") for s in self.b.sources}
        for claim in self.quoted:
            for quote in claim["quotes"] or []:
                source = quote.get("source") if isinstance(quote, dict) else None
                if isinstance(source, str) and source not in declared:
                    declared.add(source)
                    self.b.sources.append({"id": source, "title": source})
                    self.lose(
                        "source{|s} quoted but not declared {was|were} declared with {its|their} id"
                    )

    def _apply_meta(self, meta: dict[str, Any]) -> None:
        for key in ("question", "description"):
            if isinstance(meta.get(key), str):
                setattr(self.b, key, meta[key])
        for key, table in (("themes", self.b.themes), ("perspectives", self.b.perspectives)):
            for item in meta.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    table[item["id"]] = dict(item)
        sources = meta.get("sources")
        if isinstance(sources, list):
            self.b.sources = [s for s in sources if isinstance(s, dict)]

    def _used_statements(self) -> set[str]:
        used = {item.statement for arg in self.doc.arguments.values() for item in arg.pcs}
        for rel in self.doc.relations:
            if not rel.source_is_argument:
                used.add(rel.source)
            if not rel.target_is_argument:
                used.add(rel.target)
        return used

    def _themes(self, tags: list[str], section: str | None) -> list[str]:
        out: list[str] = []
        for label in [section, *tags] if section else tags:
            theme_id = self.theme_ids.get(label)
            if theme_id is None:
                theme_id = self._new_theme(label)
            if theme_id not in out:
                out.append(theme_id)
        return out

    def _new_theme(self, label: str) -> str:
        """The theme of a label not seen before, declared if it is new; remembered, so that
        a label found in ``theme_ids`` is one whose theme is declared."""
        # A tag naming a declared theme (argmap's own output) is that theme.
        theme_id = label if label in self.b.themes else slugify(label, "theme")
        self.theme_ids[label] = theme_id
        if theme_id not in self.b.themes:
            self.b.theme(theme_id, label)
        return theme_id

    def _statement_claim(self, st: Statement) -> None:
        text = self._untagged(st.text)
        data = dict(st.data) if st.data else None
        data_id = data.pop("id", None) if data else None
        if isinstance(data_id, str) and is_slug(data_id) and data_id not in self.claim_ids:
            claim_id = data_id  # reserved up front, so no derived slug took it
        else:
            claim_id = self._slug("s", st.title)
        claim: dict[str, Any] = {
            "id": claim_id,
            "text": unescape(text) or st.title,
            "themes": self._themes(st.tags, st.section) if st.tags or st.section else [],
        }
        if st.titled and st.title != claim_id:
            claim["title"] = st.title
        if data:  # without data, _claim_data has nothing to do
            self._claim_data(claim, data, f"[{st.title}]")
        if st.other_texts:
            self.lose(
                "further text{|s} of {a statement|statements} defined again dropped "
                "(the first kept)",
                len(st.other_texts),
            )
        self.b.claims.append(claim)
        self.claim_ids.add(claim_id)
        self.statement_claim[st.title] = claim_id

    def _statement_claims(self, used: set[str]) -> list[str]:
        """A claim for each statement that is used or titled, in order; the other statements'
        text (untitled paragraphs, for the map's description).

        Most statements of a large document are plain ``[Title]: Text. #tag``: no data, no
        second text, no section, one tag at most. Their claims are made here in one loop,
        doing what :meth:`_statement_claim` (with :meth:`_slug` and :meth:`_themes`) does
        for them, without those calls per statement; the others go through it.
        (tests/formats/test_argdown_fastpath.py compares the two.)
        """
        prose: list[str] = []
        claims, statement_claim, theme_ids = self.b.claims, self.statement_claim, self.theme_ids
        slugs = self.ids._used
        untagged = self.doc._untagged
        for st in self.doc.statements.values():
            title, tags = st.title, st.tags
            if (
                not st.titled
                or st.data
                or st.other_texts
                or st.section is not None
                or len(tags) > 1
            ):
                if st.titled or title in used:
                    self._statement_claim(st)
                elif st.text:
                    prose.append(unescape(self._untagged(st.text)))
                continue
            # The claim id, as SlugMaker.get makes it for the key _slug("s", title) gives.
            # That key is asked for once per title (here, or in _statement_claim for the
            # other statements), so it is not recorded: 20,000 strings fewer on 20,000
            # statements.
            claim_id = slugify(title, "statement")
            if claim_id in slugs:
                claim_id = self.ids.take(claim_id)
            else:
                slugs.add(claim_id)
            # Its theme, as _themes finds or declares it for the one tag.
            if tags:
                theme_id = theme_ids.get(tags[0])
                claim_themes = [self._new_theme(tags[0]) if theme_id is None else theme_id]
            else:
                claim_themes = []
            text = st.text
            found = untagged.get(text)
            text = split_tags(text)[0] if found is None else found
            if "\\" in text:
                text = unescape(text)
            # (The key order of a claim's dict does not matter: it is made a Claim.)
            if title == claim_id:  # st.titled: untitled ones went the general way
                claims.append({"id": claim_id, "text": text or title, "themes": claim_themes})
            else:
                claims.append(
                    {"id": claim_id, "title": title, "text": text or title, "themes": claim_themes}
                )
            statement_claim[title] = claim_id
        return prose

    def _untagged(self, text: str) -> str:
        """``split_tags(text)[0]``, taken from the reader when it already worked it out."""
        untagged = self.doc._untagged.get(text)
        return split_tags(text)[0] if untagged is None else untagged

    def _slug(self, kind: str, title: str) -> str:
        return self.ids.get(f"{kind}\x00{title}", "statement", text=title)

    def _claim_data(self, claim: dict[str, Any], data: dict[str, Any], where: str) -> None:
        for key in CLAIM_DATA_KEYS[1:]:
            if key in data:
                claim[key] = data.pop(key)
        if "quotes" in claim:
            self.quoted.append(claim)
        for perspective in claim.get("asserted_by") or []:
            if isinstance(perspective, str) and perspective not in self.b.perspectives:
                self.b.perspective(perspective, perspective)
        if data:
            self.b.warnings.append(f"{where}: data keys not represented: {', '.join(sorted(data))}")

    def _sketched_claim(self, arg: Argument) -> None:
        text, _ = split_tags(arg.description)
        claim_id = self._slug("a", arg.title)
        claim: dict[str, Any] = {
            "id": claim_id,
            "title": arg.title,
            "text": unescape(text) or arg.title,
            "themes": self._themes(arg.tags, arg.section),
        }
        self._claim_data(claim, dict(arg.data), f"<{arg.title}>")
        if claim["title"] == claim_id:
            del claim["title"]
        self.b.claims.append(claim)
        self.claim_ids.add(claim_id)
        self.argument_claim[arg.title] = claim_id
        self.lose(
            "argument{|s} without a premise-conclusion structure imported as {a claim|claims}"
        )

    def _inferences(self, arg: Argument) -> None:
        statement_claim = self.statement_claim
        premises: list[str] = []
        steps: list[tuple[list[str], str, list[str]]] = []
        for item in arg.pcs:
            claim_id = statement_claim[item.statement]
            if item.role == "premise":
                premises.append(claim_id)
            else:
                steps.append((premises, claim_id, item.rules))
                premises = [claim_id]
        base = self._slug("a", arg.title)
        text = split_tags(arg.description)[0] if arg.description else ""
        for n, (sources, target, rules) in enumerate(steps, start=1):
            # The premises once each, in order, without the conclusion: most often they
            # are that already (a fresh list per step, so the link can take it as it is).
            if target in sources or len(set(sources)) < len(sources):
                unique = [s for s in dict.fromkeys(sources) if s != target]
            else:
                unique = sources
            link_id = (
                base
                if n == len(steps)
                else self.ids.get(f"a\x00{arg.title}\x00{n}", text=f"{base}-{n}")
            )
            if not unique:
                self.lose("inference{|s} whose only premise is {its|their} own conclusion dropped")
                continue
            link: dict[str, Any] = {
                "id": link_id,
                "kind": "support",
                "sources": unique,
                "target": target,
            }
            if rules:
                link["scheme"] = scheme_id(rules[0]) or slugify(rules[0], "rule")
                if len(rules) > 1:
                    self.lose("inference rule{|s} beyond the first dropped", len(rules) - 1)
            if n == len(steps):
                label = unescape(text)
                link["note"] = f"<{arg.title}>" + (f": {label}" if label else "")
                self.main_link[arg.title] = link_id
                self.inference_links.add(link_id)
                self.conclusion[arg.title] = target
            self.b.links.append(link)

    def _end(self, title: str, is_argument: bool, as_source: bool) -> str | None:
        if not is_argument:
            return self.statement_claim.get(title)
        claim_id = self.argument_claim.get(title)
        if claim_id is not None:
            return claim_id
        if as_source:
            return self.conclusion.get(title)
        return self.main_link.get(title)

    def _plain_relations(self) -> None:
        """Every relation but the undercuts, in order, as :meth:`_relation` makes them.

        Most relations of a large document are between two statements: those are made
        here in one loop, doing what ``_relation`` then ``_add_link`` do for them, with no
        call per relation (tests/formats/test_argdown_fastpath.py compares the two).
        """
        statement_claim = self.statement_claim
        link_keys, conclusions = self.link_keys, self.conclusions
        counters, used, links = self.counters, self.ids._used, self.b.links
        relations = self.doc.relations
        # Links out of a claim are looked up only for undercuts: kept only if there are any.
        outgoing = self.outgoing if self.undercuts else None
        # The (kind, source, target) of each link, to make each link once. With only
        # supports and attacks between statements (the common case), no two relations give
        # the same link (the document holds each once, and distinct titles have distinct
        # claims) and no link is made after these: then the keys are not kept (a tuple and
        # a set entry fewer per relation).
        kinds, _, from_arguments, _, to_arguments = self.columns
        keep_keys = not _PLAIN_KINDS.issuperset(kinds) or any(from_arguments) or any(to_arguments)
        if not keep_keys and self._statement_links():
            return
        for rel in relations:
            kind, source_title, source_is_argument, target_title, target_is_argument = rel
            if kind == "undercut":
                continue  # after all the others
            if source_is_argument or target_is_argument:
                self._relation(rel)
                continue
            source = statement_claim.get(source_title)
            target = statement_claim.get(target_title)
            if source is None or target is None:
                self.lose("relation{|s} with an argument whose inference was dropped, dropped too")
                continue
            link_kind = "support" if kind in ("support", "entails") else "attack"
            pairs = [(source, target)]
            if kind in SYMMETRIC:
                pairs.append((target, source))  # an attack each way
            for a, z in pairs:
                if a == z:
                    if a not in conclusions:
                        self.lose("relation{|s} from a statement to itself dropped")
                    continue
                if keep_keys:
                    key = (link_kind, a, z)
                    if key in link_keys:
                        continue
                    link_keys.add(key)
                # Both ends are claims: a support is s<n>, an attack a<n> (SlugMaker.numbered).
                prefix = "s" if link_kind == "support" else "a"
                n = counters.get(prefix, 0) + 1
                link_id = f"{prefix}{n}"
                while link_id in used:
                    n += 1
                    link_id = f"{prefix}{n}"
                used.add(link_id)
                counters[prefix] = n
                links.append({"id": link_id, "kind": link_kind, "sources": [a], "target": z})
                if outgoing is not None:
                    outgoing.setdefault(a, []).append(link_id)

    def _statement_links(self) -> bool:
        """The links of a document whose relations are all supports and attacks between
        statements, made at once; False, with nothing made, if some relation has an end
        with no claim or goes from a statement to itself (the loop of
        :meth:`_plain_relations` then makes them).

        Each relation is one link, numbered in order: supports s<n>, attacks a<n>, each
        the first number not taken (SlugMaker.numbered). The ends, the ids and the dicts are
        made in C-level passes and one comprehension rather than a loop of Python
        statements per relation. No id is handed out after these (such a document has no
        undercuts), so the ids are not recorded as taken: a set entry fewer per link.

        Every link of such a document is sound, as MapBuilder's sweep means it: these and
        the inferences' links target claims, never one of their own sources, and their ids
        were chosen clear of every claim id. The builder is told so, and skips the sweep.
        """
        kinds, source_titles, _, target_titles, _ = self.columns  # kinds: support, attack
        get = self.statement_claim.get
        sources = list(map(get, source_titles))
        targets = list(map(get, target_titles))
        # (Claim ids are never empty: all() is false only where an end has no claim.)
        if not (all(sources) and all(targets)) or any(map(eq, sources, targets)):
            return False
        supports = kinds.count("support")
        free = {
            "support": iter(self._numbered_ids("s", supports)),
            "attack": iter(self._numbered_ids("a", len(kinds) - supports)),
        }
        ids = list(map(next, map(free.__getitem__, kinds)))  # each kind's ids, in turn
        self.b.links += [
            {"id": link_id, "kind": kind, "sources": [source], "target": target}
            for link_id, kind, source, target in zip(ids, kinds, sources, targets, strict=True)
        ]
        self.b.links_sound = True
        return True

    def _numbered_ids(self, prefix: str, n: int) -> list[str]:
        """The next ``n`` ids ``{prefix}{number}`` not taken, as ``n`` calls of
        SlugMaker.numbered from the prefix's counter on would give (without reserving them).

        Numbers are tried ``n`` at a time, each batch with one comprehension of f-strings
        (the cheapest way to make them) and one C-level filter: ids are rarely taken.
        """
        taken = self.ids._used.__contains__
        start = self.counters.get(prefix, 0) + 1
        ids: list[str] = []
        while len(ids) < n:
            stop = start + n - len(ids)
            ids += filterfalse(taken, [f"{prefix}{number}" for number in range(start, stop)])
            start = stop
        if ids:  # the last batch was all free: its last number is the last one given
            self.counters[prefix] = start - 1
        return ids

    def _relation(self, rel: Relation) -> None:
        statement_claim = self.statement_claim
        source = (
            self._end(rel.source, True, True)
            if rel.source_is_argument
            else statement_claim.get(rel.source)
        )
        target = (
            self._end(rel.target, True, False)
            if rel.target_is_argument
            else statement_claim.get(rel.target)
        )
        if source is None or target is None:
            self.lose("relation{|s} with an argument whose inference was dropped, dropped too")
            return
        if rel.type == "undercut":
            self._undercut(source, target, rel)
            return
        kind = "support" if rel.type in ("support", "entails") else "attack"
        if rel.target_is_argument and target in self.inference_links and rel.type == "attack":
            self.lose(
                "attack{|s} on {a reconstructed argument|reconstructed arguments} imported as "
                "{an attack|attacks} on {its|their} inference"
            )
        self._add_link(kind, source, target)
        if rel.type in SYMMETRIC:
            self._add_link(kind, target, source)

    def _undercut(self, source: str, target: str, rel: Relation) -> None:
        if target in self.inference_links:
            self._add_link("attack", source, target)
            return
        # A sketched argument stands for the inference(s) it takes part in: the links from it.
        links = self.outgoing.get(target, [])
        if not links:
            self.lose(
                "undercut{|s} of {a statement or an unconnected argument|statements or "
                "unconnected arguments} imported as {an attack|attacks}"
            )
            self._add_link("attack", source, target)
            return
        if len(links) > 1:
            self.lose(
                "undercut{|s} of {an argument|arguments} with several relations split into "
                "one per relation"
            )
        for link_id in links:
            self._add_link("attack", source, link_id)

    def _add_link(self, kind: str, source: str, target: str) -> None:
        if source == target:
            # An argument's relation to its own conclusion is its inference: already a link.
            if source not in self.conclusions:
                self.lose("relation{|s} from a statement to itself dropped")
            return
        key = (kind, source, target)
        link_keys = self.link_keys
        if key in link_keys:
            return
        link_keys.add(key)
        claim_ids = self._all_claim_ids()
        to_claim = target in claim_ids
        prefix = "s" if kind == "support" else ("a" if to_claim else "u")
        counters = self.counters
        link_id, counters[prefix] = self.ids.numbered(prefix, counters.get(prefix, 0) + 1)
        self.b.links.append({"id": link_id, "kind": kind, "sources": [source], "target": target})
        if to_claim and source in claim_ids:
            self.outgoing.setdefault(source, []).append(link_id)

    def _all_claim_ids(self) -> set[str]:
        """Every claim's id, once the claims are made.

        The quick loop of :meth:`_statement_claims` does not record its claims' ids in
        ``claim_ids``: they are added here, the first time a link asks (a plain document's
        links never do; on 20,000 statements the set is 2 MB). ``claim_ids`` holds the
        other claims' as they are made, which is all _statement_claim asks of it: whether
        a data id is a claim's already (the quick loop's ids are never data ids: those
        are reserved before any claim is made).
        """
        if not self.fast_claims_recorded:
            self.claim_ids.update(self.statement_claim.values())
            self.fast_claims_recorded = True
        return self.claim_ids


def to_map(doc: ArgdownDocument) -> Result:
    """The argmap map for an Argdown document, with warnings for what did not carry over."""
    converter = _Converter(doc)
    # With to_map(parse(...)), the converter now holds the only reference to the document
    # (a call moves its arguments into the callee), and run() lets it go before validation.
    del doc
    return converter.run()
