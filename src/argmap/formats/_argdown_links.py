"""Links from an Argdown document's relations (see :mod:`argmap.formats._argdown_map`).

A mixin of the converter: the relations between statements and arguments become support
and attack links, undercuts attack the links standing for an argument's inference. Most
relations of a large document are between two statements; those are made in C-level passes
(:meth:`_Links._statement_links`), the others one by one (tests/formats/
test_argdown_fastpath.py compares the two).
"""

from __future__ import annotations

from itertools import filterfalse
from operator import eq
from typing import Any

from ._argdown_doc import SYMMETRIC, ArgdownDocument, Relation
from ._common import MapBuilder, SlugMaker

__all__ = ["_Links"]

_PLAIN_KINDS = frozenset({"support", "attack"})


class _Links:
    """What the converter holds that making links reads and writes."""

    doc: ArgdownDocument
    b: MapBuilder
    ids: SlugMaker
    statement_claim: dict[str, str]
    argument_claim: dict[str, str]
    main_link: dict[str, str]
    conclusion: dict[str, str]
    outgoing: dict[str, list[str]]
    link_keys: set[tuple[str, str, str]]
    counters: dict[str, int]
    lost: dict[str, int]
    noted: dict[str, int]
    claim_ids: set[str]
    fast_claims_recorded: bool
    inference_links: set[str]
    conclusions: set[str]
    undercuts: bool
    columns: list[tuple[Any, ...]]

    def lose(self, what: str, n: int = 1) -> None:
        self.lost[what] = self.lost.get(what, 0) + n

    def note(self, what: str, n: int = 1) -> None:
        self.noted[what] = self.noted.get(what, 0) + n

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
            self.note(
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
            self.note(
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
