"""The builder methods of :class:`argmap.ArgumentMap`: add claims, links, themes, sources and
quotes, each call validated at once.

:class:`_Builder` is mixed into the map class (it holds methods only, no fields): each
method builds the new object through pydantic, checks it against the map (ids taken,
references to claims that are not there, a typo of a declared theme) and raises a located
:class:`argmap.MapValidationError` before changing anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._base import _Base, _build, _problem
from .claims import Claim, Perspective, Theme
from .links import Link
from .sources import Quote, Source

__all__: list[str] = []  # mixed into ArgumentMap, which is the public name


class _Builder:
    """The builder methods, mixed into :class:`argmap.ArgumentMap`."""

    if TYPE_CHECKING:  # the map's fields and lookups, which the methods use
        sources: list[Source]
        themes: list[Theme]
        perspectives: list[Perspective]
        claims: list[Claim]
        links: list[Link]
        _index_size: int
        _next_number: dict[str, int]
        _folder: Path | None

        def _ids(self) -> dict[str, Claim | Link]: ...

        def get_claim(self, claim_id: str) -> Claim: ...

    # -- quotes ----------------------------------------------------------------------------

    def quote(
        self,
        claim_id: str,
        source_id: str,
        words: str,
        *,
        text: str | None = None,
        occurrence: int | None = None,
        allow_outside: bool = False,
    ) -> Quote:
        """Anchor a verbatim quote for a claim by finding ``words`` in the source's text.

        The offsets are found for you (see :func:`argmap.anchor.find_span`): verbatim first,
        then allowing for line breaks, curly quotes and dashes, then case. The quote keeps
        the source's own characters. ``text`` is the source text; without it the source's
        ``path`` is read, relative to the folder the map was loaded from (or the current
        one), and only inside that folder unless ``allow_outside=True`` (for a map you
        trust; see :func:`argmap.io.sources.read_sources`). Raises
        :class:`argmap.MapValidationError` when the words are absent (saying how far they
        match), occur more than once (pass ``occurrence``, 1 for the first), or the source
        cannot be read (``AM112`` refused, ``AM201`` unavailable).

        >>> from argmap import ArgumentMap
        >>> m = ArgumentMap()
        >>> m.add_source("article", "The article")
        'article'
        >>> m.claim("lines", "People queued for food.")
        'lines'
        >>> article = "Shortages were everyday life. People queued for hours."
        >>> m.quote("lines", "article", "people queued for hours", text=article)
        Quote(source='article', start=30, end=53, text='People queued for hours')
        """
        from ..anchor import QuoteNotFound, find_span

        claim = self.get_claim(claim_id)
        position = next(i for i, c in enumerate(self.claims) if c is claim)
        where = f"claims[{position}].quotes[{len(claim.quotes)}]"
        if all(s.id != source_id for s in self.sources):
            from .._words import unknown_name

            hint = str(unknown_name("source", source_id, [s.id for s in self.sources]))
            raise _problem("AM106", f"{where}.source", f"{hint}; declare it with add_source")
        if text is None:
            text = self._source_text(source_id, where, allow_outside)
        try:
            start, end = find_span(text, words, occurrence)
        except QuoteNotFound as exc:
            raise _problem("AM107", f"{where}.text", str(exc)) from None
        new = Quote(source=source_id, start=start, end=end, text=text[start:end])
        claim.quotes.append(new)
        return new

    def _source_text(self, source_id: str, where: str, allow_outside: bool) -> str:
        from argmap.io.sources import read_sources  # lazily: the model imports no io

        index = next(i for i, s in enumerate(self.sources) if s.id == source_id)
        if not self.sources[index].path:
            reason = "it has no path to read its text from"
            raise _problem(
                "AM201", f"{where}.source", f"source {source_id!r}: {reason}; pass text="
            )
        # self is the ArgumentMap this class is mixed into; naming that type here would
        # import argument_map, which imports this module.
        only = cast(Any, self).model_copy(update={"sources": [self.sources[index]]})
        texts, problems = read_sources(only, self._folder, allow_outside=allow_outside)
        if source_id in texts:
            return texts[source_id]
        # The one problem of this source: refused (AM112) or not readable (AM201).
        problem = problems[0]
        raise _problem(
            problem.code.value, f"sources[{index}].path", f"{problem.message}; or pass text="
        )

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
        from .._words import did_you_mean

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
