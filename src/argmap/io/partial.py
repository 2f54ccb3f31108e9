"""The whole-map problems of a file that also failed the schema, so one error hides none.

When a map breaks the schema (a misspelt kind, a missing text), pydantic says so and no
map exists to run the whole-map checks on: a student would fix the schema error, load
again, and only then learn of a dangling reference in the same file. Here the items the
schema rejected are set aside, the rest is validated as a map, and its whole-map problems
are reported with the paths of the original file. References to a set-aside item are not
reported as dangling: the item exists, it is only broken.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from ..errors import Code, Problem
from ..model import ArgumentMap
from ..validate import check

__all__ = ["problems_beyond_schema"]

#: The lists of named items; an item the schema rejects is set aside as a whole.
_LISTS = ("sources", "themes", "perspectives", "claims", "links")
_ITEM_PATH = re.compile(r"^(sources|themes|perspectives|claims|links)\[(\d+)\]")


def problems_beyond_schema(data: bytes, schema_errors: Iterable[Problem]) -> list[Problem]:
    """Whole-map errors of the parts of ``data`` that passed the schema; [] if none can run.

    >>> text = b'''{"claims": [{"id": "a", "text": "A.", "kind": "positon"},
    ...   {"id": "b", "text": "B."}],
    ...  "links": [{"id": "s1", "kind": "support", "sources": ["bb"], "target": "a"}]}'''
    >>> schema = [Problem(Code.BAD_CHOICE, "claims[0].kind", "...")]
    >>> [str(p.path) for p in problems_beyond_schema(text, schema)]
    ['links[0].sources[0]']
    """
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return []
    if not isinstance(raw, dict):
        return []
    broken, top_keys = _broken_items(schema_errors)
    if "" in top_keys:
        return []  # the document itself is wrong: nothing sound is left to check
    kept, index, dropped_ids = _set_aside(raw, broken)
    for key in top_keys:  # a wrong title, an unknown top-level key: check without it
        kept.pop(key, None)
    try:
        m = ArgumentMap.model_validate(kept)
    except (ValidationError, RecursionError):
        return []
    errors, _ = check(m, {}, warnings=False)
    return [
        _renumbered(p, index)
        for p in errors
        if not (p.code == Code.DANGLING_REFERENCE and _names_any(p.message, dropped_ids))
        and p.code not in (Code.QUOTE_MISMATCH, Code.QUOTE_OUT_OF_BOUNDS)  # sources unread here
    ]


def _broken_items(problems: Iterable[Problem]) -> tuple[dict[str, set[int]], set[str]]:
    """The list items the schema errors lie in (``{"claims": {0}}``), and the top-level keys
    that are wrong themselves (``""`` when the document as a whole is)."""
    broken: dict[str, set[int]] = {}
    top_keys: set[str] = set()
    for p in problems:
        hit = _ITEM_PATH.match(p.path)
        if hit:
            broken.setdefault(hit[1], set()).add(int(hit[2]))
        else:
            top_keys.add(re.split(r"[.\[]", p.path, maxsplit=1)[0])
    return broken, top_keys


def _set_aside(
    raw: dict[str, Any], broken: dict[str, set[int]]
) -> tuple[dict[str, Any], dict[str, list[int]], set[str]]:
    kept = dict(raw)
    index: dict[str, list[int]] = {}
    dropped: set[str] = set()
    for name in _LISTS:
        items = raw.get(name)
        if not isinstance(items, list):
            continue
        bad = broken.get(name, set())
        index[name] = [i for i in range(len(items)) if i not in bad]
        kept[name] = [items[i] for i in index[name]]
        dropped.update(
            str(items[i]["id"]) for i in bad if isinstance(items[i], dict) and "id" in items[i]
        )
    return kept, index, dropped


def _renumbered(p: Problem, index: dict[str, list[int]]) -> Problem:
    hit = _ITEM_PATH.match(p.path)
    if not hit:
        return p
    original = index[hit[1]][int(hit[2])]
    path = f"{hit[1]}[{original}]" + p.path[hit.end() :]
    return Problem(p.code, path, p.message, p.severity, p.line, p.column)


def _names_any(message: str, ids: set[str]) -> bool:
    return any(repr(i) in message for i in ids)
