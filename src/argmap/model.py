"""The argument-map model: claims, links, sources, quotes, themes and perspectives.

The pydantic types *are* the schema: ``argmap schema`` prints what they generate, and the
loader validates files against them. An :class:`ArgumentMap` is claims plus links, where a
link is a hyperedge from one or more source claims to a target that is a claim or another
link (an attack on a link is an *undercut*: it denies that the sources give reason for the
target; a support of a link backs the inference, Toulmin's warrant).

This module holds data and the builder only. Reading and writing files lives in
:mod:`argmap.io`, checks that need the whole map in :mod:`argmap.validate`, diagrams in
:mod:`argmap.render`; the few methods below that reach them import lazily, so the model
never depends on them at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic._internal._model_construction import ModelMetaclass

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMAT_VERSION",
    "AnsweredQuestion",
    "ArgumentMap",
    "Basis",
    "Claim",
    "ClaimKind",
    "Link",
    "LinkKind",
    "Perspective",
    "Quote",
    "Source",
    "Theme",
]

FORMAT_VERSION = "argmap/1"

#: Ids are slugs so they survive every export (DOT, Mermaid, Argdown, file names) unquoted.
SLUG_PATTERN = r"^[A-Za-z0-9_-]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=200)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Offset = Annotated[int, Field(ge=0)]

ClaimKind = Literal["position", "claim", "evidence", "assumption"]
LinkKind = Literal["support", "attack"]
Basis = Literal[
    "statistic",
    "testimony",
    "expert_opinion",
    "historical_record",
    "example",
    "definition",
    "common_belief",
    "personal_experience",
    "quote",
    "other",
]

_SLUG_RE = re.compile(SLUG_PATTERN)


class _Listed(ModelMetaclass):
    """The pydantic metaclass, with ``dir()`` of a model class kept to argmap's own names.

    ``help(argmap.ArgumentMap)`` lists what ``dir`` gives; with pydantic's two dozen
    ``model_*`` methods and their long docstrings it ran to 570 lines, burying the builder.
    Those methods still work (``model_dump``, ``model_validate``, ...): they are pydantic's,
    documented there, and argmap's own API (``dumps``, ``argmap.loads``) covers their uses.
    """

    def __dir__(cls) -> list[str]:
        own = {
            name
            for klass in cls.__mro__
            if klass.__module__ == __name__
            for name in vars(klass)
            if not name.startswith("_")
        }
        fields: dict[str, Any] = getattr(cls, "model_fields", {})
        return sorted(own | set(fields) | _SHOWN_DUNDERS)


_SHOWN_DUNDERS = {"__init__", "__eq__", "__len__", "__iter__", "__getitem__", "__contains__"}


class _Base(BaseModel, metaclass=_Listed):
    # strict: a string "3" is not an offset; extra="forbid": a misspelt key is an error,
    # not silently dropped data. cache_strings=False: pydantic's string cache pays off for
    # repeated values, but a map's strings are mostly distinct ids and texts, and on a
    # 100,000-claim map the cache cost a third of the parse (docs/benchmarks.md).
    model_config = ConfigDict(
        extra="forbid", strict=True, validate_assignment=False, cache_strings=False
    )


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain some non-space text")
    return value


class Quote(_Base):
    """A verbatim span of a source text: ``text == source_text[start:end]``.

    Offsets are Python ``str`` indices into the UTF-8-decoded source (code points, not bytes).
    """

    source: Slug
    start: Offset
    end: Offset
    text: Annotated[str, Field(min_length=1)]


class Source(_Base):
    """A document the map's quotes are taken from."""

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    author: str | None = None
    url: str | None = None
    #: Relative to the map file; lets the loader check quotes against the text.
    path: str | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class Theme(_Base):
    """A topic that groups claims (shown as a cluster or colour band in diagrams)."""

    id: Slug
    label: Annotated[str, Field(min_length=1)]
    description: str | None = None
    color: Annotated[str, StringConstraints(pattern=r"^#(?:[0-9A-Fa-f]{3}){1,2}$")] | None = None


class Perspective(_Base):
    """Who asserts a claim: a person, group or document as the text attributes it."""

    id: Slug
    label: Annotated[str, Field(min_length=1)]
    description: str | None = None


class Claim(_Base):
    """A statement in the map.

    ``kind`` is ``position`` (an answer to the map's question), ``claim``, ``evidence`` (a factual
    or observational statement) or ``assumption`` (an implicit premise made explicit).
    ``confidence`` is a base score for gradual analysis.
    """

    id: Slug
    title: str | None = None
    text: str
    kind: ClaimKind = "claim"
    basis: Basis | None = None
    themes: list[Slug] = Field(default_factory=list)
    asserted_by: list[Slug] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    confidence: Unit | None = None
    note: str | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        return _non_blank(value)

    @property
    def label(self) -> str:
        """The short label for diagrams: the title when given, else the text."""
        return self.title or self.text


class AnsweredQuestion(_Base):
    """A critical question of a link's scheme that the map takes up, and what takes it up.

    ``question`` is the question's id in the scheme (``cq3``; ``argmap schemes ID`` lists
    them); ``by`` is the claim or link that answers it, typically an undercut of the link
    (for an ``undercut`` question), an attack on one of its premises (``premise``) or on
    its conclusion (``rebuttal``).
    """

    question: Slug
    by: Slug


class Link(_Base):
    """A support or attack from ``sources`` (claim ids) to ``target`` (a claim or link id).

    Several sources are *linked co-premises*: they give reason only together. ``scheme``
    names an argumentation scheme (see :mod:`argmap.schemes`; other text is kept as is),
    and ``answered`` lists the scheme's critical questions the map takes up.
    """

    id: Slug
    kind: LinkKind
    sources: Annotated[list[Slug], Field(min_length=1)]
    target: Slug
    scheme: Slug | None = None
    weight: Unit | None = None
    note: str | None = None
    # None, not an empty list, when nothing is recorded: maps without schemes are written
    # exactly as before (the writer drops None values).
    answered: list[AnsweredQuestion] | None = None


class ArgumentMap(_Base):
    """Claims and the support/attack links between them, with their sources and themes.

    Build one in code with the builder methods, each validating as it goes and returning the
    new id:

    >>> m = ArgumentMap(title="Homework", question="Should homework be banned?")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stress", "Homework causes stress.", themes=["wellbeing"])
    'stress'
    >>> m.support("stress", "ban")
    's1'
    >>> m.claim("practice", "Practice needs time outside class.")
    'practice'
    >>> m.attack("practice", "ban")
    'a1'
    >>> [t.id for t in m.themes]
    ['wellbeing']
    """

    format: Literal["argmap/1"] = "argmap/1"
    title: str = ""
    question: str = ""
    description: str = ""
    sources: list[Source] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    perspectives: list[Perspective] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)

    # Index of ids for the builder, rebuilt when the lists change size behind its back.
    _index: dict[str, Claim | Link] = PrivateAttr(default_factory=dict)
    _index_size: int = PrivateAttr(default=-1)
    _next_number: dict[str, int] = PrivateAttr(default_factory=dict)
    # The folder of the file the map was loaded from: where source paths resolve.
    _folder: Path | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # Compare the map's content only: the builder's private id index is a cache.
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the lists it holds

    # -- lookups ---------------------------------------------------------------------------

    def _ids(self) -> dict[str, Claim | Link]:
        size = len(self.claims) + len(self.links)
        if size != self._index_size:
            index: dict[str, Claim | Link] = {c.id: c for c in self.claims}
            index.update((link.id, link) for link in self.links)
            self._index, self._index_size = index, size
        return self._index

    def get_claim(self, claim_id: str) -> Claim:
        """The claim with this id; ``KeyError`` naming it if there is none."""
        item = self._ids().get(claim_id)
        if not isinstance(item, Claim):
            raise _unknown("claim", claim_id, (c.id for c in self.claims))
        return item

    def get_link(self, link_id: str) -> Link:
        """The link with this id; ``KeyError`` naming it if there is none."""
        item = self._ids().get(link_id)
        if not isinstance(item, Link):
            raise _unknown("link", link_id, (link.id for link in self.links))
        return item

    def __contains__(self, item_id: object) -> bool:
        """``"id" in m``: is there a claim or link with this id?"""
        return isinstance(item_id, str) and item_id in self._ids()

    def __len__(self) -> int:
        """The number of claims (links are counted by ``len(m.links)``)."""
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:  # type: ignore[override]
        """The claims, in map order (pydantic's iteration over fields is replaced)."""
        return iter(self.claims)

    def __getitem__(self, item_id: str) -> Claim | Link:
        """The claim or link with this id; ``KeyError`` with a did-you-mean if none.

        >>> m = ArgumentMap()
        >>> m.claim("stress", "Homework causes stress.")
        'stress'
        >>> m["stress"].text
        'Homework causes stress.'
        >>> m["stres"]
        Traceback (most recent call last):
        ...
        argmap.errors.UnknownNameError: no claim or link 'stres' (did you mean 'stress'?)
        """
        item = self._ids().get(item_id) if isinstance(item_id, str) else None
        if item is None:
            from ._words import unknown_name

            raise unknown_name("claim or link", str(item_id), self._ids())
        return item

    # -- editing ---------------------------------------------------------------------------

    def remove(self, item_id: str) -> list[str]:
        """Remove a claim or link, and the links that cannot stand without it.

        A removed claim takes with it the links that target it and those it is the only
        source of; a link where it was one of several co-premises keeps the others. A
        removed link takes the undercuts and warrants that target it. Returns every id
        removed, the one asked for first.

        >>> m = ArgumentMap()
        >>> for c in ("ban", "stress", "sleep", "doubt"):
        ...     _ = m.claim(c, c.capitalize() + ".")
        >>> m.support(["stress", "sleep"], "ban")
        's1'
        >>> m.undercut("doubt", "s1")
        'u1'
        >>> m.remove("sleep")
        ['sleep']
        >>> m.get_link("s1").sources
        ['stress']
        >>> m.remove("ban")
        ['ban', 's1', 'u1']
        """
        self[item_id]  # the did-you-mean error if there is no such item
        gone = [item_id]
        dropped = {item_id}
        changed = True
        while changed:  # links on removed links go too, to any depth
            changed = False
            for link in self.links:
                if link.id in dropped:
                    continue
                if link.target in dropped or all(s in dropped for s in link.sources):
                    dropped.add(link.id)
                    gone.append(link.id)
                    changed = True
        self.claims = [c for c in self.claims if c.id not in dropped]
        self.links = [link for link in self.links if link.id not in dropped]
        for link in self.links:
            if any(s in dropped for s in link.sources):
                link.sources = [s for s in link.sources if s not in dropped]
            if link.answered and any(a.by in dropped for a in link.answered):
                # A question answered by what is gone is open again.
                link.answered = [a for a in link.answered if a.by not in dropped] or None
        self._index_size = -1
        return gone

    def rename(self, old: str, new: str) -> str:
        """Give a claim or link a new id; every link that names it follows.

        >>> m = ArgumentMap()
        >>> _ = m.claim("a", "A."); _ = m.claim("b", "B."); _ = m.support("a", "b")
        >>> m.rename("a", "reason")
        'reason'
        >>> m.get_link("s1").sources
        ['reason']
        """
        item = self[old]
        if new == old:
            return new
        where = "claims" if isinstance(item, Claim) else "links"
        if not is_slug(new):
            raise _problem(
                "AM014",
                f"{where}.id",
                f"{new!r} is not a valid id: use only letters, digits, '-' and '_'",
            )
        self._reject_taken(new, f"{where}.id")
        item.id = new
        for link in self.links:
            link.sources = [new if s == old else s for s in link.sources]
            if link.target == old:
                link.target = new
            for answer in link.answered or ():
                if answer.by == old:
                    answer.by = new
        self._index_size = -1
        return new

    def quote(
        self,
        claim_id: str,
        source_id: str,
        words: str,
        *,
        text: str | None = None,
        occurrence: int | None = None,
    ) -> Quote:
        """Anchor a verbatim quote for a claim by finding ``words`` in the source's text.

        The offsets are found for you (see :func:`argmap.anchor.find_span`): verbatim first,
        then allowing for line breaks, curly quotes and dashes, then case. The quote keeps
        the source's own characters. ``text`` is the source text; without it the source's
        ``path`` is read, relative to the folder the map was loaded from (or the current
        one). Raises :class:`argmap.MapValidationError` when the words are absent (saying
        how far they match) or occur more than once (pass ``occurrence``, 1 for the first).

        >>> m = ArgumentMap()
        >>> m.add_source("article", "The article")
        'article'
        >>> m.claim("lines", "People queued for food.")
        'lines'
        >>> article = "Shortages were everyday life. People queued for hours."
        >>> m.quote("lines", "article", "people queued for hours", text=article)
        Quote(source='article', start=30, end=53, text='People queued for hours')
        """
        from .anchor import QuoteNotFound, find_span

        claim = self.get_claim(claim_id)
        position = next(i for i, c in enumerate(self.claims) if c is claim)
        where = f"claims[{position}].quotes[{len(claim.quotes)}]"
        if all(s.id != source_id for s in self.sources):
            from ._words import unknown_name

            hint = str(unknown_name("source", source_id, [s.id for s in self.sources]))
            raise _problem("AM106", f"{where}.source", f"{hint}; declare it with add_source")
        if text is None:
            text = self._source_text(source_id, where)
        try:
            start, end = find_span(text, words, occurrence)
        except QuoteNotFound as exc:
            raise _problem("AM107", f"{where}.text", str(exc)) from None
        new = Quote(source=source_id, start=start, end=end, text=text[start:end])
        claim.quotes.append(new)
        return new

    def _source_text(self, source_id: str, where: str) -> str:
        from argmap.io.json import read_sources

        texts, problems = read_sources(self, self._folder)
        if source_id in texts:
            return texts[source_id]
        reason = problems[0].message if problems else "it has no path to read its text from"
        raise _problem("AM201", f"{where}.source", f"source {source_id!r}: {reason}; pass text=")

    # -- builder ---------------------------------------------------------------------------

    def claim(self, id: str, text: str, **fields: Any) -> str:
        """Add a claim and return its id; undeclared themes and perspectives are declared.

        Raises :class:`argmap.MapValidationError` if the id is taken or a field is invalid.
        """
        new: Claim = _build(Claim, f"claims[{len(self.claims)}]", id=id, text=text, **fields)
        self._reject_taken(new.id, f"claims[{len(self.claims)}].id")
        where = f"claims[{len(self.claims)}]"
        named: list[tuple[list[Any], type[Theme] | type[Perspective], list[str], str]] = [
            (self.themes, Theme, new.themes, "themes"),
            (self.perspectives, Perspective, new.asserted_by, "asserted_by"),
        ]
        for items, cls, ids, key in named:  # check all first: a refused claim declares nothing
            for i, item_id in enumerate(ids):
                self._check_new_name(items, cls, item_id, f"{where}.{key}[{i}]")
        for items, cls, ids, _ in named:
            for item_id in ids:
                self._declare(items, cls, item_id)
        self._append(self.claims, new)
        return new.id

    def support(self, sources: str | Sequence[str], target: str, **fields: Any) -> str:
        """Add a support link from ``sources`` (one id or co-premises) to ``target``."""
        return self._link("support", sources, target, **fields)

    def attack(self, sources: str | Sequence[str], target: str, **fields: Any) -> str:
        """Add an attack link from ``sources`` to ``target`` (a claim, or a link: an undercut)."""
        return self._link("attack", sources, target, **fields)

    def undercut(self, sources: str | Sequence[str], link_id: str, **fields: Any) -> str:
        """Attack the inference of link ``link_id``: its sources give no reason for its target."""
        if not isinstance(self._ids().get(link_id), Link):
            raise _problem(
                "AM101",
                f"links[{len(self.links)}].target",
                f"undercut target {link_id!r} is not a link id",
            )
        return self._link("attack", sources, link_id, **fields)

    def add_theme(self, id: str, label: str, **fields: Any) -> str:
        """Declare a theme (or relabel one the builder declared implicitly)."""
        return self._add_named(self.themes, Theme, "themes", id=id, label=label, **fields)

    def add_perspective(self, id: str, label: str, **fields: Any) -> str:
        """Declare a perspective (who asserts claims)."""
        return self._add_named(
            self.perspectives, Perspective, "perspectives", id=id, label=label, **fields
        )

    def add_source(self, id: str, title: str, **fields: Any) -> str:
        """Declare a source document for quotes."""
        return self._add_named(self.sources, Source, "sources", id=id, title=title, **fields)

    def _link(self, kind: str, sources: str | Sequence[str], target: str, **fields: Any) -> str:
        path = f"links[{len(self.links)}]"
        source_ids = [sources] if isinstance(sources, str) else list(sources)
        link_id = fields.pop("id", None) or self._next_link_id(kind, target)
        new: Link = _build(
            Link, path, id=link_id, kind=kind, sources=source_ids, target=target, **fields
        )
        self._reject_taken(new.id, f"{path}.id")
        ids = self._ids()
        for i, source_id in enumerate(new.sources):
            if not isinstance(ids.get(source_id), Claim):
                raise _problem(
                    "AM101",
                    f"{path}.sources[{i}]",
                    f"source {source_id!r} is not a claim id; add the claim first",
                )
        if target not in ids:
            raise _problem(
                "AM101", f"{path}.target", f"target {target!r} is not a claim or link id"
            )
        if target == new.id or target in new.sources:
            raise _problem(
                "AM102", f"{path}.target", "a link cannot target itself or its own source"
            )
        self._append(self.links, new)
        return new.id

    def _append(self, items: list[Any], new: Claim | Link) -> None:
        # Keep the index in step without rebuilding it: the builder stays linear.
        index = self._ids()
        items.append(new)
        index[new.id] = new
        self._index_size += 1

    def _next_link_id(self, kind: str, target: str) -> str:
        is_undercut = kind == "attack" and isinstance(self._ids().get(target), Link)
        prefix = "u" if is_undercut else kind[0]
        n = self._next_number.get(prefix, 1)
        while f"{prefix}{n}" in self._ids():
            n += 1
        self._next_number[prefix] = n  # a rejected call leaves n free for the next
        return f"{prefix}{n}"

    def _reject_taken(self, item_id: str, path: str) -> None:
        if item_id in self._ids():
            raise _problem("AM100", path, f"id {item_id!r} is already used in this map")

    def _check_new_name(
        self, items: list[Any], cls: type[Theme] | type[Perspective], item_id: str, where: str
    ) -> None:
        """Refuse a theme or perspective the builder meets for the first time when it is so
        close to a declared one that it is more likely a typo than a new name."""
        known = [item.id for item in items]
        if item_id in known:
            return
        from ._words import did_you_mean

        close = did_you_mean(item_id, known)
        if close is None:
            return
        what, adder, code = (
            ("theme", "add_theme", "AM104")
            if cls is Theme
            else ("perspective", "add_perspective", "AM105")
        )
        raise _problem(
            code,
            where,
            f"{what} {item_id!r} is not declared (did you mean {close!r}?); to start a new "
            f"{what}, declare it first with m.{adder}({item_id!r}, ...)",
        )

    def _declare(
        self, items: list[Any], cls: type[Theme] | type[Perspective], item_id: str
    ) -> None:
        if all(item.id != item_id for item in items):
            items.append(cls(id=item_id, label=item_id.replace("-", " ").replace("_", " ")))

    def _add_named(self, items: list[Any], cls: type[_Base], name: str, /, **fields: Any) -> str:
        new = _build(cls, f"{name}[{len(items)}]", **fields)
        item_id: str = getattr(new, "id")  # noqa: B009 - every named type has an id
        for i, item in enumerate(items):
            if item.id == item_id:
                items[i] = new
                return item_id
        items.append(new)
        return item_id

    # -- argumentation schemes (argmap.schemes, imported lazily) ---------------------------

    def apply_scheme(self, link_id: str, scheme: str, *, strict: bool = True) -> Any:
        """Give link ``link_id`` an argumentation scheme, checking its premises' count.

        The link's sources are read against the scheme's premises in order; with
        ``strict`` (the default) a missing or extra premise raises
        :class:`argmap.MapValidationError` naming them, and the link is left unchanged.
        With ``strict=False`` the scheme is recorded anyway (premises left implicit).
        Returns an :class:`argmap.schemes.SchemeFit`; see
        :func:`argmap.schemes.apply_scheme`.
        """
        from argmap.schemes import apply_scheme

        return apply_scheme(self, link_id, scheme, strict=strict)

    def answer_question(self, link_id: str, question: str, by: str) -> AnsweredQuestion:
        """Record that claim or link ``by`` answers critical question ``question`` of the
        scheme of link ``link_id``; see :func:`argmap.schemes.answer_question`."""
        from argmap.schemes import answer_question

        return answer_question(self, link_id, question, by)

    # -- views and I/O (lazy imports keep the model free of them) --------------------------

    def to_networkx(self) -> nx.DiGraph:
        """Claim and link nodes as a ``networkx.DiGraph``; see :func:`argmap.graph.to_networkx`."""
        from argmap.graph import to_networkx

        return to_networkx(self)

    def dumps(self) -> str:
        """Deterministic JSON text of the map (stable order, UTF-8, trailing newline)."""
        from argmap.io.json import dumps

        return dumps(self)

    def dump(self, path: str | Path) -> None:
        """Write the map as JSON to ``path`` atomically."""
        from argmap.io.json import dump

        dump(self, path)

    def render(self, path: str | Path, **options: Any) -> None:
        """Draw the map to ``path``; the extension picks the format (.dot .gv .svg .png .pdf).

        Options as for :func:`argmap.to_dot`; the file is written atomically.
        """
        from argmap.render import render

        render(self, path, **options)

    def view(self, **options: Any) -> Any:
        """A diagram for notebooks, e.g. ``m.view(focus="state-capitalism", depth=2)``.

        Returns an :class:`argmap.render.DiagramView`, which Jupyter shows inline.
        """
        from argmap.render import view

        return view(self, **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        # Jupyter's inline display; falls back to DOT text with a hint, never raises.
        from argmap.render.output import inline_bundle

        return inline_bundle(self)

    def check(self, source_texts: dict[str, str] | None = None) -> list[Any]:
        """Validate the whole map; raise :class:`argmap.MapValidationError` listing every error.

        Returns the warnings (problems that do not block use, such as an unconnected claim).
        """
        from argmap.validate import validate

        return list(validate(self, source_texts=source_texts))


def _build(cls: type[Any], where: str, /, **fields: Any) -> Any:
    """Construct a model object, turning pydantic's error into a located MapValidationError.

    ``cls`` and ``where`` are positional-only, so a field may have any name (``path`` is a
    field of :class:`Source`).
    """
    try:
        return cls(**fields)
    except ValidationError as exc:
        from argmap._pydantic_problems import problems_from_pydantic

        from .errors import MapValidationError

        raise MapValidationError(problems_from_pydantic(exc, prefix=where, model=cls)) from None


def _unknown(what: str, name: str, known: Iterable[str]) -> Exception:
    from .errors import UnknownNameError

    # ``known`` is a generator: it is read only if the message is ever shown.
    return UnknownNameError(what=what, name=name, known=known)


def _problem(code: str, path: str, message: str) -> Exception:
    from .errors import Code, MapValidationError, Problem

    return MapValidationError([Problem(Code(code), path, message)])


def is_slug(text: str) -> bool:
    """True if ``text`` is usable as an id (letters, digits, ``-`` and ``_``)."""
    return bool(_SLUG_RE.match(text))
