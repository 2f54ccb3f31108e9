"""An Argdown document as an argmap map (used by the Argdown text and JSON readers).

* a statement (equivalence class) becomes a claim;
* an argument with a premise-conclusion structure becomes support links, one per inference
  (intermediary conclusions chain), the last one named after the argument;
* a sketched argument (a description, no premises) becomes a claim;
* relations become links (see :mod:`argmap.formats._argdown_links`); ``entails`` is
  support, ``contrary`` and ``contradictory`` are attacks both ways;
* argmap's own data (``{...}`` on statements, the front matter's ``argmap`` key) fills the
  fields Argdown has no syntax for, each value checked (:mod:`argmap.formats._argdown_data`).
"""

from __future__ import annotations

from typing import Any

from .._words import counted
from ._argdown_data import apply_meta, claim_data, link_records
from ._argdown_doc import ArgdownDocument, Argument, Statement, split_tags, unescape
from ._argdown_links import _Links
from ._common import MapBuilder, Result, SlugMaker, is_id, slugify, tally
from ._schemes import scheme_id

__all__ = ["to_map"]


class _Converter(_Links):
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
        self.noted: dict[str, int] = {}  # how something was carried over, nothing lost
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

    def run(self) -> Result:
        doc = self.doc
        meta = doc.front_matter.get("argmap")
        if meta is not None:
            apply_meta(self.b, meta, self.b.warnings)
        ignored = sorted(
            str(k)  # (YAML keys may be numbers, dates, ...)
            for k, v in doc.front_matter.items()
            if k not in ("title", "argmap")
            and not (k == "model" and isinstance(v, dict) and set(v) <= {"mode"})
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
                if is_id(data_id):
                    self.ids.reserve(data_id)
            if not st.titled:
                untitled = True
        # Which statements relations and arguments use matters only for untitled ones.
        used = self._used_statements() if untitled else set()
        prose = self._statement_claims(used)
        if prose:
            self.b.description = "\n\n".join(filter(None, [self.b.description, *prose]))
            self.b.notes.append(
                counted(
                    len(prose),
                    "untitled paragraph{|s} with no relations kept in the map description, "
                    "not as {a claim|claims}",
                )
            )
        for arg in doc.arguments.values():
            if not arg.pcs:
                self._sketched_claim(arg)
        records = None
        if isinstance(meta, dict) and "links" in meta:
            records = link_records(meta, doc, self._all_claim_ids(), self.b.warnings)
        if records is not None:
            # The document's relations are those argmap wrote: its links, as they were.
            self.b.links = records
        else:
            self._links()
        self._declare_quoted_sources()
        self.b.warnings += tally(self.lost)
        self.b.warnings[:0] = doc.warnings
        self.b.notes += doc.notes + tally(self.noted)
        # The document and the lookup tables are done with: let them go before the map's
        # objects are made, which then reuse their memory (fresh memory costs a page fault
        # per 4 KB; on 20,000 statements the document alone is 28 MB). This frees the
        # document only when nothing else holds it, as in to_map(parse(...)).
        del doc, self.doc
        builder = self.b
        self._release()
        return builder.finish()

    def _links(self) -> None:
        """The links the document's arguments and relations stand for."""
        doc = self.doc
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
                    self.note(
                        "source{|s} quoted but not declared {was|were} declared with {its|their} id"
                    )

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
        if is_id(data_id) and data_id not in self.claim_ids:
            claim_id = data_id  # reserved up front, so no derived slug took it
        else:
            claim_id = self._slug("s", st.title)
            if data_id is not None:
                self.b.warnings.append(
                    f"[{st.title}]: data id {data_id!r} is not a usable id or is taken; "
                    f"the claim is {claim_id!r}"
                )
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
        rest = claim_data(claim, data, where, self.b.warnings)
        if "quotes" in claim:
            self.quoted.append(claim)
        for perspective in claim.get("asserted_by") or []:
            if perspective not in self.b.perspectives:
                self.b.perspective(perspective, perspective)
        if rest:
            keys = ", ".join(sorted(map(str, rest)))
            self.b.warnings.append(f"{where}: data keys not represented: {keys}")

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
        self.note(
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
                # A rule that is an id already (argmap's schemes: "cause_to_effect") is
                # kept as it is; prose ("Modus ponens") becomes one.
                rule = rules[0]
                # An id is kept as written; a catalogue scheme named as the tools name it
                # ("Argument from Expert Opinion") becomes its id.
                link["scheme"] = rule if is_id(rule) else scheme_id(rule) or slugify(rule, "rule")
                if len(rules) > 1:
                    self.lose("inference rule{|s} beyond the first dropped", len(rules) - 1)
            if n == len(steps):
                label = unescape(text)
                link["note"] = f"<{arg.title}>" + (f": {label}" if label else "")
                self.main_link[arg.title] = link_id
                self.inference_links.add(link_id)
                self.conclusion[arg.title] = target
            self.b.links.append(link)


def to_map(doc: ArgdownDocument) -> Result:
    """The argmap map for an Argdown document, with warnings for what did not carry over."""
    converter = _Converter(doc)
    # With to_map(parse(...)), the converter now holds the only reference to the document
    # (a call moves its arguments into the callee), and run() lets it go before validation.
    del doc
    return converter.run()
