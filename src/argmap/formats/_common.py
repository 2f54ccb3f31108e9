"""Helpers shared by the format modules: stable slugs, import results, JSON access.

Every importer builds plain dicts and validates the finished map once (pydantic in Rust is
much faster than one model object per builder call), collecting warnings for anything the
argmap model cannot hold instead of dropping it.
"""

from __future__ import annotations

import json
import re
import reprlib
import unicodedata
from dataclasses import dataclass, field
from operator import contains, itemgetter
from typing import Annotated, Any, TypeGuard

from pydantic import BaseModel, TypeAdapter, ValidationError

from .._words import counted, plural_words
from ..errors import FormatError, MapValidationError
from ..model import ArgumentMap, Claim, Link

__all__ = [
    "MapBuilder",
    "Result",
    "SlugMaker",
    "checked_fields",
    "checked_item",
    "is_id",
    "load_json",
    "slugify",
    "tally",
]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def slugify(text: str, fallback: str = "x") -> str:
    """A readable id from ``text``: ASCII letters and digits joined by ``-``.

    >>> slugify("Legalisation of Soft Drugs")
    'legalisation-of-soft-drugs'
    >>> slugify("Natürlichkeit!")
    'naturlichkeit'
    >>> slugify("???", fallback="claim")
    'claim'
    """
    if text.isascii():  # NFKD leaves ASCII as it is
        if text.isalnum():  # nothing to replace or strip: the common case of short titles
            return text[:MAX_SLUG].lower()
        ascii_text = text
    else:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    return slug or fallback


class SlugMaker:
    """Hands out unique slugs: the same key always gets the same id, clashes get ``-2``, ``-3``.

    >>> ids = SlugMaker()
    >>> ids.get("A b"), ids.get("a-b"), ids.get("A b")
    ('a-b', 'a-b-2', 'a-b')
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._by_key: dict[str, str] = {}
        self._used: set[str] = set(taken or ())

    def get(
        self, key: str, fallback: str = "x", *, keep: bool = False, text: str | None = None
    ) -> str:
        """The id for ``key``, derived from ``text`` (default: the key itself).

        With ``keep``, a text that already is a slug is used as it is.
        """
        found = self._by_key.get(key)
        if found is not None:
            return found
        text = key if text is None else text
        base = text if keep and is_id(text) else slugify(text, fallback)
        slug = self._by_key[key] = self.take(base)
        return slug

    def take(self, base: str) -> str:
        """The first free slug of ``base``, ``base-2``, ``base-3``, ..., reserved.

        >>> ids = SlugMaker({"a", "a-2"})
        >>> ids.take("a"), ids.take("a"), ids.take("b")
        ('a-3', 'a-4', 'b')
        """
        used = self._used
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        return slug

    def reserve(self, slug: str) -> None:
        self._used.add(slug)

    def taken(self, slug: str) -> bool:
        return slug in self._used

    def numbered(self, prefix: str, n: int) -> tuple[str, int]:
        """The first free ``{prefix}{n}``, ``{prefix}{n + 1}``, ..., reserved, and its number.

        >>> ids = SlugMaker({"s1", "s2"})
        >>> ids.numbered("s", 1), ids.numbered("s", 1)
        (('s3', 3), ('s4', 4))
        """
        used = self._used
        slug = f"{prefix}{n}"
        while slug in used:
            n += 1
            slug = f"{prefix}{n}"
        used.add(slug)
        return slug, n


def tally(lost: dict[str, int]) -> list[str]:
    """A warning for each ``what: n`` of ``lost`` (see :func:`argmap._words.counted`),
    ordered by its words, so the same input gives the same warnings in the same order.

    >>> tally({"quote{|s} dropped": 2, "claim theme{|s} dropped": 1})
    ['1 claim theme dropped', '2 quotes dropped']
    """
    return [counted(n, what) for what, n in sorted(lost.items(), key=_words_of)]


def _words_of(item: tuple[str, int]) -> str:
    return plural_words(item[0])


@dataclass
class Result:
    """What a reader returns: the map, what did not carry over (``warnings``: losses), and
    ``notes`` on how something was carried over with nothing lost (a Kialo ``-> See``
    linked to its original claim, a map read from an export that has no premise
    structures). Losses make :func:`argmap.formats.read` fail unless allowed; notes do not."""

    map: ArgumentMap
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class MapBuilder:
    """Plain-dict map under construction; :meth:`finish` validates it in one pass."""

    title: str = ""
    question: str = ""
    description: str = ""
    claims: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    themes: dict[str, dict[str, Any]] = field(default_factory=dict)
    perspectives: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Set by a reader that made every link sound (see :func:`_all_sound`): every target a
    #: claim, no link id a claim's, no link targeting one of its sources. :meth:`finish`
    #: then skips the sweep for unsound links (which would keep them all).
    links_sound: bool = False

    def _drop_unsound_links(self) -> None:
        _drop_unsound_links_impl(self)

    def theme(self, theme_id: str, label: str) -> str:
        self.themes.setdefault(theme_id, {"id": theme_id, "label": label})
        return theme_id

    def perspective(self, pid: str, label: str) -> str:
        self.perspectives.setdefault(pid, {"id": pid, "label": label})
        return pid

    def finish(self, file: str | None = None) -> Result:
        if not self.links_sound:
            self._drop_unsound_links()
        data = {
            "title": self.title,
            "question": self.question,
            "description": self.description,
            "sources": self.sources,
            "themes": list(self.themes.values()),
            "perspectives": list(self.perspectives.values()),
            "claims": self.claims,
            "links": self.links,
        }
        from .._pydantic_problems import problems_from_pydantic
        from ..validate import check

        _models_in_place(self.claims, Claim)
        _models_in_place(self.links, Link)
        try:
            m = ArgumentMap.model_validate(data, strict=False)
        except ValidationError as exc:
            # Readers check what they take from a file; what still fails is reported at its
            # place in the map made from it, never as pydantic's own exception.
            raise MapValidationError(
                problems_from_pydantic(exc, model=ArgumentMap), file=file
            ) from None
        # Every error check of validate(m); its warnings (unconnected claims) are looked
        # for only to go with an error, as validate would raise them: a reader drops them.
        errors, _ = check(m, warnings=False)
        if errors:
            raise MapValidationError(errors, file=file, warnings=check(m)[1])
        return Result(m, self.warnings, self.notes)


#: Items validated at a time by _models_in_place: enough to keep pydantic's per-call cost
#: small, few enough that the memory of the dicts let go is reused by the next chunk.
_CHUNK = 2048
_ADAPTERS: dict[type[BaseModel], TypeAdapter[list[Any]]] = {}


def _models_in_place(items: list[Any], model: type[BaseModel]) -> None:
    """Replace the plain dicts in ``items`` by ``model`` objects, a chunk at a time.

    Validating the whole map at once keeps every dict alive until the last object is made:
    on 20,000 Argdown statements 26 MB more, each 4 KB of it a page fault (about 10% of the
    process's time goes to page faults there). A chunk's dicts are let go as soon as its
    objects exist, so the next chunk reuses their memory. The map's own validation then
    takes the objects as they are (pydantic does not validate a model instance again). On
    the first error this stops: that validation reports it, at its path in the map.
    """
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    for start in range(0, len(items), _CHUNK):
        stop = start + _CHUNK
        try:
            items[start:stop] = adapter.validate_python(items[start:stop], strict=False)
        except ValidationError:
            return


def _drop_unsound_links_impl(b: MapBuilder) -> None:
    # Real files hold links argmap cannot: a link whose target is among its own sources,
    # or undercuts that undercut each other in a ring. Drop them, loudly.
    if _all_sound(b):
        return
    kept = [
        link
        for link in b.links
        if link["target"] != link["id"] and link["target"] not in link["sources"]
    ]
    dropped = len(b.links) - len(kept)
    by_id = {link["id"]: link for link in kept}
    removed = _ring_breaks(by_id)
    if removed:
        kept = [link for link in kept if link["id"] not in removed]
    # A link whose target link was removed now dangles: remove those too, transitively.
    claim_ids = {c["id"] for c in b.claims}
    while True:
        ids = claim_ids.union([link["id"] for link in kept])
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


def _all_sound(b: MapBuilder) -> bool:
    """Whether the sweep below would keep every link: every target is a claim and no link
    id is one (so no link targets itself or a link: no ring, nothing dangles), and no link
    targets one of its sources. Asked with C-level map/set calls, not a Python loop per
    link: most maps pass, and the sweep is left for those that do not."""
    links = b.links
    targets = list(map(_TARGET, links))
    claim_ids = set(map(_ID, b.claims))
    return (
        claim_ids.issuperset(targets)
        and claim_ids.isdisjoint(map(_ID, links))
        and not any(map(contains, map(_SOURCES, links), targets))
    )


_ID = itemgetter("id")
_TARGET = itemgetter("target")
_SOURCES = itemgetter("sources")


def _ring_breaks(by_id: dict[str, dict[str, Any]]) -> set[str]:
    """Links to remove so that no chain of links targeting links loops: one per ring."""
    removed: set[str] = set()
    done: set[str] = set()
    # Each link has one target: walk the chain, cut where it loops. Only a link that
    # targets a link can be on a ring, so the walks start there (most links target claims).
    for start, link in by_id.items():
        if link["target"] not in by_id:
            continue
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
    return removed


def load_json(text: str, file: str | None) -> Any:
    """Parse JSON text, turning a syntax error into a located :class:`FormatError`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise FormatError("the JSON is nested too deeply", file=file, path="$") from None
    except ValueError:  # a number of over 4,300 digits: int() refuses it
        raise FormatError(
            "invalid JSON: a number of over 4,300 digits", file=file, path="$"
        ) from None


def expect(value: Any, kind: type | tuple[type, ...], path: str, file: str | None) -> Any:
    """``value`` if it is of ``kind``, else a :class:`FormatError` at JSON ``path``."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in kinds):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise FormatError(
            f"expected {_json_name(names)}, got {_describe(value)}", file=file, path=path
        )
    return value


def adjacency(
    edges: list[Any],
    known: Any,
    ends: tuple[str, str],
    root: str,
    file: str | None,
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """``(into, out_of)`` lists per node id from JSON edges; unknown ends are located errors.

    ``ends`` names the edge's two keys (``("fromID", "toID")`` in AIF, ``("source_id",
    "target_id")`` in SADFace); ids are compared as strings since files mix ints and strings.
    """
    into: dict[str, list[str]] = {k: [] for k in known}
    out_of: dict[str, list[str]] = {k: [] for k in known}
    for i, edge in enumerate(edges):
        path = f"{root}.edges[{i}]"
        expect(edge, dict, path, file)
        a, z = (str(edge.get(key)) for key in ends)
        for key, value in zip(ends, (a, z), strict=True):
            if value not in into:
                raise FormatError(
                    f"edge refers to unknown node {value!r}", file=file, path=f"{path}.{key}"
                )
        out_of[a].append(z)
        into[z].append(a)
    return into, out_of


def _json_name(py: str) -> str:
    return {"dict": "an object", "list": "an array", "str": "a string", "int": "an integer"}.get(
        py, py.replace("dict", "object").replace("list", "array").replace("str", "string")
    )


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,200}")


def is_id(value: object) -> TypeGuard[str]:
    """Whether ``value`` can be an id as it is: a string of 1 to 200 letters, digits, ``-``
    and ``_`` (and nothing after them: not even a line break).

    >>> is_id("claim-1"), is_id("claim-1\\n"), is_id("x" * 201), is_id(7)
    (True, False, False, False)
    """
    return isinstance(value, str) and _ID_RE.fullmatch(value) is not None


_FIELD_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def _field_adapter(model: type[BaseModel], key: str) -> TypeAdapter[Any]:
    adapter = _FIELD_ADAPTERS.get((model, key))
    if adapter is None:
        info = model.model_fields[key]
        annotation: Any = info.annotation
        if info.metadata:
            annotation = Annotated[(annotation, *info.metadata)]
        adapter = _FIELD_ADAPTERS[(model, key)] = TypeAdapter(annotation)
    return adapter


def checked_fields(
    model: type[BaseModel], data: dict[str, Any], where: str, warnings: list[str]
) -> dict[str, Any]:
    """The items of ``data`` that are valid values of ``model``'s fields of the same name;
    each other item is left out with a warning that names it at ``where``.

    Data from a file (an Argdown ``{...}`` block, a SADFace extension) is checked field by
    field, so that one bad value loses that value, said, not the whole file.

    >>> from argmap.model import Claim
    >>> lost = []
    >>> checked_fields(Claim, {"kind": "evidence", "confidence": 7, "x": 1}, "[A]", lost)
    {'kind': 'evidence'}
    >>> for line in lost: print(line)
    [A]: data confidence: 7 is not allowed: Input should be less than or equal to 1
    [A]: data x: not a field argmap has
    """
    out: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str) or key not in model.model_fields:
            warnings.append(f"{where}: data {key}: not a field argmap has")
            continue
        adapter = _field_adapter(model, key)
        try:
            out[key] = adapter.dump_python(adapter.validate_python(value, strict=True))
        except ValidationError as exc:
            reason = exc.errors(include_url=False)[0]["msg"]
            warnings.append(f"{where}: data {key}: {_short(value)} is not allowed: {reason}")
    return out


def checked_item(
    model: type[BaseModel], item: Any, where: str, warnings: list[str]
) -> dict[str, Any] | None:
    """``item`` if it is a valid ``model`` (a theme, a source, ...) as a dict, else None
    with a warning naming ``where`` and the first problem."""
    try:
        return model.model_validate(item, strict=True).model_dump(exclude_none=True)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        place = ".".join(str(p) for p in err["loc"])
        warnings.append(f"{where}{'.' + place if place else ''}: {err['msg']}; left out")
        return None


def _short(value: Any) -> str:
    # reprlib: a value from a YAML file may be a deep structure of shared parts (aliases),
    # whose full repr would be exponential in the file's size.
    return reprlib.repr(value)
