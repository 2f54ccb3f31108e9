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
from collections.abc import Sequence
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

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMAT_VERSION",
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


class _Base(BaseModel):
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


class Link(_Base):
    """A support or attack from ``sources`` (claim ids) to ``target`` (a claim or link id).

    Several sources are *linked co-premises*: they give reason only together.
    """

    id: Slug
    kind: LinkKind
    sources: Annotated[list[Slug], Field(min_length=1)]
    target: Slug
    scheme: Slug | None = None
    weight: Unit | None = None
    note: str | None = None


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
            raise KeyError(f"no claim with id {claim_id!r}")
        return item

    def get_link(self, link_id: str) -> Link:
        """The link with this id; ``KeyError`` naming it if there is none."""
        item = self._ids().get(link_id)
        if not isinstance(item, Link):
            raise KeyError(f"no link with id {link_id!r}")
        return item

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and item_id in self._ids()

    # -- builder ---------------------------------------------------------------------------

    def claim(self, id: str, text: str, **fields: Any) -> str:
        """Add a claim and return its id; undeclared themes and perspectives are declared.

        Raises :class:`argmap.MapValidationError` if the id is taken or a field is invalid.
        """
        new: Claim = _build(Claim, f"claims[{len(self.claims)}]", id=id, text=text, **fields)
        self._reject_taken(new.id, f"claims[{len(self.claims)}].id")
        for theme_id in new.themes:
            self._declare(self.themes, Theme, theme_id)
        for perspective_id in new.asserted_by:
            self._declare(self.perspectives, Perspective, perspective_id)
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

    def _declare(
        self, items: list[Any], cls: type[Theme] | type[Perspective], item_id: str
    ) -> None:
        if all(item.id != item_id for item in items):
            items.append(cls(id=item_id, label=item_id.replace("-", " ").replace("_", " ")))

    def _add_named(self, items: list[Any], cls: type[_Base], name: str, **fields: Any) -> str:
        new = _build(cls, f"{name}[{len(items)}]", **fields)
        item_id: str = getattr(new, "id")  # noqa: B009 - every named type has an id
        for i, item in enumerate(items):
            if item.id == item_id:
                items[i] = new
                return item_id
        items.append(new)
        return item_id

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


def _build(cls: type[Any], path: str, **fields: Any) -> Any:
    """Construct a model object, turning pydantic's error into a located MapValidationError."""
    try:
        return cls(**fields)
    except ValidationError as exc:
        from argmap.validate import problems_from_pydantic

        from .errors import MapValidationError

        raise MapValidationError(problems_from_pydantic(exc, prefix=path)) from None


def _problem(code: str, path: str, message: str) -> Exception:
    from .errors import Code, MapValidationError, Problem

    return MapValidationError([Problem(Code(code), path, message)])


def is_slug(text: str) -> bool:
    """True if ``text`` is usable as an id (letters, digits, ``-`` and ``_``)."""
    return bool(_SLUG_RE.match(text))
