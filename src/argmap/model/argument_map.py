"""The argument map: its fields, lookups by id, edits, and the convenience methods that reach
the rest of argmap lazily (``m.dump``, ``m.render``, ``m.check``, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack

from pydantic import Field, PrivateAttr

from ._base import _Base, _problem, _unknown, is_slug
from .builders import _Builder
from .claims import Claim, Perspective, Theme
from .links import AnsweredQuestion, Link
from .sources import Source

if TYPE_CHECKING:
    import networkx as nx

    from argmap.outputs._keywords import OutputKeywords
    from argmap.render.options import DiagramKeywords

__all__ = ["ArgumentMap"]


class ArgumentMap(_Builder, _Base):
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
            from .._words import unknown_name

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

    def render(
        self,
        path: str | Path,
        output: str | None = None,
        *,
        allow_loss: bool = False,
        **options: Unpack[OutputKeywords],
    ) -> None:
        """Write any output to ``path`` (diagram, summary, report, format; the ending or
        ``output`` picks it) with the CLI's bytes; :mod:`argmap.outputs` tells the options."""
        from argmap.outputs import write

        write(self, path, output, allow_loss=allow_loss, **options)

    def view(self, **options: Unpack[DiagramKeywords]) -> Any:
        """A diagram for notebooks, e.g. ``m.view(focus="state-capitalism", depth=2)``.

        Returns an :class:`argmap.render.DiagramView`, which Jupyter shows inline.
        """
        from argmap.render import view

        return view(self, **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        # Jupyter's inline display; falls back to DOT text with a hint, never raises.
        from argmap.render.viewer import inline_bundle

        return inline_bundle(self)

    def check(self, source_texts: dict[str, str] | None = None) -> list[Any]:
        """Validate the whole map; raise :class:`argmap.MapValidationError` listing every error.

        Returns the warnings (problems that do not block use, such as an unconnected claim).
        """
        from argmap.validate import validate

        return list(validate(self, source_texts=source_texts))
