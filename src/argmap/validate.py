"""Whole-map checks: ids, references, quotes against their sources, link chains.

Schema checks (types, ranges, unknown keys) are pydantic's, whose errors
:func:`problems_from_pydantic` (from :mod:`argmap._pydantic_problems`) turns into problems;
this module adds what needs the whole map and reports **every** problem found, each with a
stable code and a JSON path, so a student fixes a file in one pass instead of one error per
run.

The checks read no files: the caller passes the source texts it could read (see
:func:`argmap.io.json.load`, which reads them relative to the map file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, compress, filterfalse
from operator import attrgetter, contains, eq
from typing import Any

from pydantic import ValidationError

from ._pydantic_problems import format_path
from ._pydantic_problems import problems_from_pydantic as _translate
from ._suggest import Budget, Suggester
from .errors import Code, MapValidationError, Problem, Severity
from .model import ArgumentMap, Quote

__all__ = ["check", "format_path", "problems_from_pydantic", "validate"]


def problems_from_pydantic(
    exc: ValidationError, prefix: str = "", model: type[Any] | None = None
) -> list[Problem]:
    """Translate pydantic's errors into located, coded problems a student can act on.

    ``model`` is the type that was validated, the whole map by default, so a misspelt key
    is matched against that type's own keys.

    Examples
    --------
    >>> from pydantic import ValidationError
    >>> try:
    ...     ArgumentMap.model_validate({"claims": [], "link": []})
    ... except ValidationError as exc:
    ...     print(problems_from_pydantic(exc)[0].message)
    unknown key 'link' (did you mean 'links'?)
    """
    return _translate(exc, prefix, model or ArgumentMap)


def validate(m: ArgumentMap, source_texts: Mapping[str, str] | None = None) -> list[Problem]:
    """Check ``m``; raise :class:`MapValidationError` listing all errors, else return warnings."""
    errors, warnings = check(m, source_texts)
    if errors:
        raise MapValidationError(errors, warnings=warnings)
    return warnings


def check(
    m: ArgumentMap,
    source_texts: Mapping[str, str] | None = None,
    *,
    warnings: bool = True,
    errors: bool = True,
) -> tuple[list[Problem], list[Problem]]:
    """All semantic problems of ``m`` as ``(errors, warnings)``; never raises.

    ``source_texts`` maps source ids to their decoded text, for the quote checks. With
    ``warnings=False`` only errors are looked for, and the second list is empty; with
    ``errors=False`` only warnings, and the first list is empty.
    """
    ids = _Ids(m)
    found = _errors(m, ids, dict(source_texts or {})) if errors else []
    return found, [*_unconnected_claims(m, ids), *_unknown_schemes(m)] if warnings else []


def _errors(m: ArgumentMap, ids: _Ids, texts: Mapping[str, str]) -> list[Problem]:
    budget = Budget()  # for the did-you-means of all the problems together
    return [
        *_duplicate_ids(m, ids),
        *_declared_references(m, ids, budget),
        *_link_references(m, ids, budget),
        *_link_cycles(m, ids),
        *_source_checksums(m, texts),
        *_quote_problems(m, ids, texts),
        *_answered_questions(m, ids, budget),
    ]


# -- ids and references ---------------------------------------------------------------------

# Each check first asks one whole-map question with C-level set operations (map/attrgetter,
# no Python loop per item) and walks item by item, building JSON paths, only when that
# answer says something is wrong (on a 100,000-claim map: about 0.5 s for all the checks,
# against 1.0-1.4 s when every check walked every item; docs/benchmarks.md).
_ID = attrgetter("id")


class _Ids:
    """The ids and references of a map's claims and links, gathered once for all checks."""

    def __init__(self, m: ArgumentMap) -> None:
        # Columns of the fields the checks need, read once for all of them. One C-level
        # pass per field is cheaper than one pass making a tuple per object (measured cold,
        # 100,000 claims and 150,000 links: 0.15-0.18 s against 0.20-0.29 s).
        claims, links = m.claims, m.links
        self.claim_list: list[str] = list(map(_ID, claims))
        self.themes: list[list[str]] = list(map(attrgetter("themes"), claims))
        self.asserted_by: list[list[str]] = list(map(attrgetter("asserted_by"), claims))
        self.quotes: list[list[Quote]] = list(map(attrgetter("quotes"), claims))
        self.claims = set(self.claim_list)
        self.link_list: list[str] = list(map(_ID, links))
        self.sources: list[list[str]] = list(map(attrgetter("sources"), links))
        self.targets: list[str] = list(map(attrgetter("target"), links))
        self.links = set(self.link_list)
        #: Targets that are not claims: links (undercuts, warrants) or dangling references.
        #: (Found by lookups alone: building a set of every target costs more.)
        self.other_targets = set(filterfalse(self.claims.__contains__, self.targets))


def _duplicate_ids(m: ArgumentMap, ids: _Ids) -> Iterator[Problem]:
    # Claims and links share one namespace because a link may target either.
    groups: list[tuple[str, Sequence[Any]]] = [
        ("sources", m.sources),
        ("themes", m.themes),
        ("perspectives", m.perspectives),
    ]
    for name, items in groups:
        yield from _repeats([(name, i, x.id) for i, x in enumerate(items)])
    if (
        len(ids.claims) == len(ids.claim_list)
        and len(ids.links) == len(ids.link_list)
        and ids.claims.isdisjoint(ids.links)
    ):
        return
    yield from _repeats(
        [("claims", i, cid) for i, cid in enumerate(ids.claim_list)]
        + [("links", i, lid) for i, lid in enumerate(ids.link_list)]
    )


def _repeats(located_ids: list[tuple[str, int, str]]) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for name, i, item_id in located_ids:
        path = f"{name}[{i}].id"
        if item_id in first:
            yield Problem(
                Code.DUPLICATE_ID,
                path,
                f"id {item_id!r} is already used at {first[item_id]}; ids must be unique",
            )
        else:
            first[item_id] = path


def _declared_references(m: ArgumentMap, ids: _Ids, budget: Budget) -> Iterator[Problem]:
    themes = set(map(_ID, m.themes))
    perspectives = set(map(_ID, m.perspectives))
    sources = set(map(_ID, m.sources))
    quotes = chain.from_iterable(ids.quotes)
    if (
        themes.issuperset(chain.from_iterable(ids.themes))
        and perspectives.issuperset(chain.from_iterable(ids.asserted_by))
        and sources.issuperset(map(attrgetter("source"), quotes))
    ):
        return
    theme_hint = Suggester(themes, budget)
    who_hint = Suggester(perspectives, budget)
    source_hint = Suggester(sources, budget)
    for i, c in enumerate(m.claims):
        for j, theme in enumerate(c.themes):
            if theme not in themes:
                yield Problem(
                    Code.UNDECLARED_THEME,
                    f"claims[{i}].themes[{j}]",
                    f"theme {theme!r} is not declared in 'themes'{_hint(theme, theme_hint)}",
                )
        for j, who in enumerate(c.asserted_by):
            if who not in perspectives:
                yield Problem(
                    Code.UNDECLARED_PERSPECTIVE,
                    f"claims[{i}].asserted_by[{j}]",
                    f"perspective {who!r} is not declared in 'perspectives'{_hint(who, who_hint)}",
                )
        for j, q in enumerate(c.quotes):
            if q.source not in sources:
                yield Problem(
                    Code.UNDECLARED_SOURCE,
                    f"claims[{i}].quotes[{j}].source",
                    f"source {q.source!r} is not declared in 'sources'"
                    f"{_hint(q.source, source_hint)}",
                )


def _link_references(m: ArgumentMap, ids: _Ids, budget: Budget) -> Iterator[Problem]:
    claims, links = ids.claims, ids.links
    if (
        claims.issuperset(chain.from_iterable(ids.sources))
        and links.issuperset(ids.other_targets)
        and not any(map(contains, ids.sources, ids.targets))
        and not any(map(eq, ids.link_list, ids.targets))
    ):
        return
    claim_hint = Suggester(claims, budget)
    target_hint = Suggester(claims | links, budget)
    for i, link in enumerate(m.links):
        if (
            claims.issuperset(link.sources)
            and link.target in claims
            and link.target not in link.sources
        ):
            continue
        for j, source in enumerate(link.sources):
            if source not in claims:
                what = "a link" if source in links else "not declared"
                yield Problem(
                    Code.DANGLING_REFERENCE,
                    f"links[{i}].sources[{j}]",
                    f"source {source!r} must be a claim id ({what}){_hint(source, claim_hint)}",
                )
        # A target that is a claim id means the claim, even when this link's id clashes
        # with it (the clash is reported as a duplicate id).
        if link.target in link.sources or (link.target == link.id and link.target not in claims):
            what = "its own source" if link.target in link.sources else "itself"
            yield Problem(
                Code.SELF_TARGET,
                f"links[{i}].target",
                f"link {link.id!r} targets {what} {link.target!r}",
            )
        elif link.target not in claims and link.target not in links:
            yield Problem(
                Code.DANGLING_REFERENCE,
                f"links[{i}].target",
                f"target {link.target!r} is neither a claim nor a link id"
                f"{_hint(link.target, target_hint)}",
            )


def _link_cycles(m: ArgumentMap, ids: _Ids) -> Iterator[Problem]:
    """Links that target links form chains; a chain that comes back to itself has no ground.

    Each link has one target, so the link-to-link graph is functional and one walk per link,
    remembering finished links, finds every cycle in linear time.
    """
    link_targets = ids.other_targets & ids.links
    on_a_link = map(link_targets.__contains__, ids.targets)
    target_of = dict(compress(zip(ids.link_list, ids.targets, strict=True), on_a_link))
    done: set[str] = set()
    for start in target_of:
        walk: list[str] = []
        on_walk: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_walk:
            walk.append(node)
            on_walk.add(node)
            node = target_of.get(node)
        # A one-link loop (a link targeting itself) is reported as AM102 instead.
        if node is not None and node in on_walk:
            cycle = walk[walk.index(node) :]
            if len(cycle) > 1:
                loop = " -> ".join([*cycle, node])
                yield Problem(
                    Code.LINK_CYCLE,
                    f"links[{ids.link_list.index(node)}].target",
                    f"links target each other in a loop ({loop}); a link chain must end at a claim",
                )
        done.update(walk)


# -- sources and quotes ---------------------------------------------------------------------


def _source_checksums(m: ArgumentMap, texts: Mapping[str, str]) -> Iterator[Problem]:
    for i, s in enumerate(m.sources):
        if s.sha256 and s.id in texts:
            actual = hashlib.sha256(texts[s.id].encode("utf-8")).hexdigest()
            if actual != s.sha256:
                yield Problem(
                    Code.SOURCE_CHECKSUM,
                    f"sources[{i}].sha256",
                    f"the text of source {s.id!r} has sha256 {actual}, not the recorded "
                    f"value: the file changed since the quotes were taken",
                )


def _quote_problems(m: ArgumentMap, ids: _Ids, texts: Mapping[str, str]) -> Iterator[Problem]:
    quoting = compress(range(len(ids.quotes)), ids.quotes)  # claims with quotes, C-level
    for i in quoting:
        for j, q in enumerate(m.claims[i].quotes):
            path = f"claims[{i}].quotes[{j}]"
            if q.end <= q.start:
                yield Problem(
                    Code.BAD_OFFSETS,
                    f"{path}.end",
                    f"end ({q.end}) must be greater than start ({q.start})",
                )
            elif q.source in texts:
                yield from _quote_against_text(q, texts[q.source], path)
            elif q.end - q.start != len(q.text):
                yield Problem(
                    Code.BAD_OFFSETS,
                    f"{path}.end",
                    f"end - start = {q.end - q.start} but the quote has {len(q.text)} characters",
                )


def _quote_against_text(q: Quote, text: str, path: str) -> Iterator[Problem]:
    if text[q.start : q.end] == q.text:
        return
    found = text.find(q.text)
    if found >= 0:
        where = (
            f"; the quoted text occurs at start={found}, end={found + len(q.text)} "
            f"(off by {found - q.start:+d})"
        )
    else:
        where = "; the quoted text does not occur anywhere in the source"
    if q.end > len(text):
        yield Problem(
            Code.QUOTE_OUT_OF_BOUNDS,
            f"{path}.end",
            f"end ({q.end}) is past the end of source {q.source!r} ({len(text)} characters){where}",
        )
    else:
        # Never show more of the source than the quote itself holds (and at most 60
        # characters): offsets are the map's to choose, so a wide span would print
        # whatever the file holds, and the map may not be the reader's own.
        actual = text[q.start : q.end]
        room = min(len(q.text), 60)
        shown = actual if len(actual) <= room else actual[: max(room - 3, 1)] + "..."
        yield Problem(
            Code.QUOTE_MISMATCH,
            f"{path}.text",
            f"quote differs from source {q.source!r} at [{q.start}:{q.end}], "
            f"which reads {shown!r}{where}",
        )


# -- argumentation schemes ------------------------------------------------------------------


def _answered_questions(m: ArgumentMap, ids: _Ids, budget: Budget) -> Iterator[Problem]:
    # The catalogue is loaded only for maps that record answered questions.
    if any(map(attrgetter("answered"), m.links)):
        from .schemes.checks import answered_problems

        suggest = Suggester(ids.claims | ids.links, budget)
        yield from answered_problems(m, ids.claims | ids.links, lambda v, _: _hint(v, suggest))


def _unknown_schemes(m: ArgumentMap) -> Iterator[Problem]:
    if any(map(attrgetter("scheme"), m.links)):
        from .schemes.checks import unknown_schemes

        yield from unknown_schemes(m)


# -- warnings -------------------------------------------------------------------------------


def _unconnected_claims(m: ArgumentMap, ids: _Ids) -> Iterator[Problem]:
    unlinked = ids.claims.difference(chain.from_iterable(ids.sources), ids.targets)
    if not unlinked:
        return
    for i, claim_id in enumerate(ids.claim_list):
        if claim_id in unlinked:
            yield Problem(
                Code.UNCONNECTED_CLAIM,
                f"claims[{i}]",
                f"claim {claim_id!r} has no support or attack link",
                Severity.WARNING,
            )


def _hint(value: str, suggest: Suggester) -> str:
    close = suggest(value)
    return f" (did you mean {close!r}?)" if close else ""
