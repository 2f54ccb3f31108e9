"""The whole-map checks against a plain reference: the fast set tests miss nothing.

:func:`argmap.validate.check` answers "is anything wrong?" with whole-map set operations and
walks item by item only when something is. These properties build small maps with random
references (some dangling, some self-targeting, some links on links, duplicate ids) and
compare the problems found with a direct item-by-item reading of the rules.
"""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._gc import gc_paused
from argmap.model import ArgumentMap, Claim, Link, Theme
from argmap.validate import check

CLAIM_IDS = ["a", "b", "c", "d"]
LINK_IDS = ["l1", "l2", "l3", "a"]  # "a" clashes with a claim id
THEME_IDS = ["t1", "t2"]


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    claim_ids = draw(st.lists(st.sampled_from(CLAIM_IDS), max_size=5))
    themes = draw(st.lists(st.sampled_from(THEME_IDS), max_size=1, unique=True))
    claims = [
        Claim(
            id=cid, text="x", themes=draw(st.lists(st.sampled_from([*THEME_IDS, "t9"]), max_size=2))
        )
        for cid in claim_ids
    ]
    link_ids = draw(st.lists(st.sampled_from(LINK_IDS), max_size=4))
    refs = st.sampled_from([*CLAIM_IDS, *LINK_IDS, "zz"])
    links = [
        Link(
            id=lid,
            kind="support",
            sources=draw(st.lists(refs, min_size=1, max_size=2)),
            target=draw(refs),
        )
        for lid in link_ids
    ]
    return ArgumentMap(themes=[Theme(id=t, label=t) for t in themes], claims=claims, links=links)


def reference_paths(m: ArgumentMap) -> set[tuple[str, str]]:
    """(code, path) of every id and reference error, read off one item at a time."""
    found: set[tuple[str, str]] = set()
    seen: set[str] = set()
    located = [("claims", i, c.id) for i, c in enumerate(m.claims)]
    located += [("links", i, link.id) for i, link in enumerate(m.links)]
    for name, i, item_id in located:
        if item_id in seen:
            found.add(("AM100", f"{name}[{i}].id"))
        seen.add(item_id)
    claims = {c.id for c in m.claims}
    links = {link.id for link in m.links}
    themes = {t.id for t in m.themes}
    for i, c in enumerate(m.claims):
        for j, theme in enumerate(c.themes):
            if theme not in themes:
                found.add(("AM104", f"claims[{i}].themes[{j}]"))
    for i, link in enumerate(m.links):
        for j, source in enumerate(link.sources):
            if source not in claims:
                found.add(("AM101", f"links[{i}].sources[{j}]"))
        # A target that is a claim id means the claim, even when a link clashes with it
        # (the clash is reported as a duplicate id).
        if link.target in link.sources or (link.target == link.id and link.target not in claims):
            found.add(("AM102", f"links[{i}].target"))
        elif link.target not in claims and link.target not in links:
            found.add(("AM101", f"links[{i}].target"))
    return found


@settings(max_examples=300, deadline=None)
@given(maps())
def test_check_finds_exactly_the_reference_problems(m: ArgumentMap) -> None:
    errors, _ = check(m)
    got = {
        (p.code.value, p.path)
        for p in errors
        if p.code.value in {"AM100", "AM101", "AM102", "AM104"}
    }
    assert got == reference_paths(m)


@settings(max_examples=200, deadline=None)
@given(maps())
def test_unconnected_warnings_name_exactly_the_unlinked_claims(m: ArgumentMap) -> None:
    _, warnings = check(m)
    linked = {s for link in m.links for s in link.sources} | {link.target for link in m.links}
    expected = {f"claims[{i}]" for i, c in enumerate(m.claims) if c.id not in linked}
    assert {w.path for w in warnings} == expected


def test_gc_paused_restores_the_collector_and_keeps_frozen_objects_frozen() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block found it off and leaves it off
    assert gc.isenabled()
    gc.freeze()
    try:
        with gc_paused():
            pass
        # A program's own freeze is left alone: gc.unfreeze() would have emptied it. (Not an
        # exact count: another thread, such as pytest-xdist's, may free frozen objects.)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_gc_paused_moves_new_objects_out_of_the_young_generation() -> None:
    # The point of the exit step: what the block built is not walked by the next young
    # collection (on a big map that walk cost 0.4 s, docs/benchmarks.md).
    gc.collect()
    with gc_paused():
        made = [[i] for i in range(50_000)]
    assert gc.get_count()[0] < 1_000
    assert len(made) == 50_000


def test_warnings_are_found_when_kept_or_when_loading_fails(tmp_path: Path) -> None:
    # load() drops warnings, so it does not look for them; load_report() keeps them, and a
    # failed load carries them in its error either way.
    import json

    import pytest

    import argmap
    from argmap.errors import MapValidationError
    from argmap.io.json import load_report

    good = {
        "claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}, {"id": "c", "text": "C."}],
        "links": [{"id": "s1", "kind": "support", "sources": ["a"], "target": "b"}],
    }
    path = tmp_path / "good.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert [w.path for w in load_report(path).warnings] == ["claims[2]"]
    assert [c.id for c in argmap.load(path).claims] == ["a", "b", "c"]
    bad = dict(
        good,
        links=[*good["links"], {"id": "s2", "kind": "support", "sources": ["zz"], "target": "b"}],
    )
    path.write_text(json.dumps(bad), encoding="utf-8")
    for loader in (argmap.load, load_report):
        with pytest.raises(MapValidationError) as caught:
            loader(path)
        assert [p.code.value for p in caught.value.problems] == ["AM101"]
        assert [w.path for w in caught.value.warnings] == ["claims[2]"]


def test_import_argmap_leaves_the_collector_as_it_found_it() -> None:
    # `import argmap` pauses the collector while pydantic and the models load; a program
    # must get it back as it was, on or off, with nothing left frozen.
    import subprocess
    import sys

    code = (
        "import gc, sys\n"
        "if sys.argv[1] == 'off': gc.disable()\n"
        "import argmap\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    for state, enabled in (("on", "True"), ("off", "False")):
        done = subprocess.run(
            [sys.executable, "-c", code, state], capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == [enabled, "0"]
