"""Generated maps of the shapes that made diagrams too wide or too tall (issue 17).

Each generator is deterministic (fixed by ``seed``) and returns a valid map:

* :func:`debate` - the 12-claim map with two positions that attack each other;
* :func:`wide_flat` - two positions and every other claim a direct reason or objection to
  one of them, a few with a reply of their own (one wide rank);
* :func:`deep_chains` - a handful of positions, each at the top of long chains of reasons
  given for reasons (many ranks, few claims in each);
* :func:`many_themes` - the usual shallow shape spread over twenty themes, most claims in
  two of them, so theme boxes and cross-theme links abound;
* ``synthetic_map`` (in :mod:`tests.render.synthetic`) is the typical shape.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from argmap import ArgumentMap

from .synthetic import WORDS, synthetic_map

__all__ = ["SHAPES", "debate", "deep_chains", "many_themes", "wide_flat"]


def _text(rng: random.Random, low: int = 6, high: int = 22) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(low, high))).capitalize() + "."


def _title(rng: random.Random) -> str | None:
    return " ".join(rng.choices(WORDS, k=3)).capitalize() if rng.random() < 0.6 else None


def _add(m: ArgumentMap, rng: random.Random, cid: str, kind: str, themes: list[str]) -> None:
    title = _title(rng)
    fields: dict[str, object] = {"kind": kind, "themes": themes}
    if title:
        fields["title"] = title
    m.claim(cid, _text(rng), **fields)


def debate(seed: int = 0) -> ArgumentMap:
    """Twelve claims: two positions that attack each other, each with its reasons and doubts."""
    rng = random.Random(seed)
    m = ArgumentMap(title="School uniforms", question="Should pupils wear school uniforms?")
    m.add_theme("cost", "Cost")
    m.add_theme("identity", "Identity")
    m.claim("yes", "Pupils should wear a uniform.", kind="position", title="Uniforms")
    m.claim("no", "Pupils should choose their own clothes.", kind="position", title="Free choice")
    m.attack("yes", "no")
    m.attack("no", "yes")
    for side, target in (("y", "yes"), ("n", "no")):
        for i in range(4):
            cid = f"{side}{i}"
            _add(m, rng, cid, "evidence" if i % 2 else "claim", [("cost", "identity")[i % 2]])
            (m.support if i < 3 else m.attack)(cid, target)
    _add(m, rng, "y-doubt", "claim", ["cost"])
    m.attack("y-doubt", "y0")
    _add(m, rng, "n-doubt", "claim", ["identity"])
    m.attack("n-doubt", "n1")
    return m


def wide_flat(n: int, seed: int = 0) -> ArgumentMap:
    """Two positions with ``n - 2`` claims: nearly all answer a position directly."""
    rng = random.Random(seed)
    m = ArgumentMap(title=f"Wide and flat, {n} claims", question="Which way?")
    for t in range(4):
        m.add_theme(f"t{t}", f"Theme {t}")
    m.claim("p0", "The first answer.", kind="position", title="First answer", themes=["t0"])
    m.claim("p1", "The second answer.", kind="position", title="Second answer", themes=["t1"])
    m.attack("p1", "p0")
    replied: list[str] = []
    for i in range(n - 2):
        cid = f"c{i}"
        _add(m, rng, cid, rng.choice(("claim", "evidence")), [f"t{rng.randrange(4)}"])
        # One in eight answers an earlier reason, the rest a position.
        target = rng.choice(replied) if replied and rng.random() < 0.125 else f"p{i % 2}"
        (m.support if rng.random() < 0.7 else m.attack)(cid, target)
        if target.startswith("p"):
            replied.append(cid)
    return m


def deep_chains(n: int, seed: int = 0) -> ArgumentMap:
    """Long chains: each claim gives a reason for the claim before it, now and then branching."""
    rng = random.Random(seed)
    m = ArgumentMap(title=f"Deep chains, {n} claims", question="How deep does it go?")
    for t in range(3):
        m.add_theme(f"t{t}", f"Theme {t}")
    n_positions = max(1, n // 40)
    tips: list[str] = []
    for i in range(n):
        cid = f"c{i}"
        kind = "position" if i < n_positions else rng.choice(("claim", "claim", "evidence"))
        _add(m, rng, cid, kind, [f"t{(i // 7) % 3}"])
        if i < n_positions:
            tips.append(cid)
            continue
        # Most claims extend a chain (the newest tip); one in six starts a branch lower down.
        target = tips[-1] if rng.random() < 5 / 6 else rng.choice(tips)
        (m.support if rng.random() < 0.75 else m.attack)(cid, target)
        tips.append(cid)
        if len(tips) > 2 and rng.random() < 0.04:
            tips.append(tips.pop(rng.randrange(n_positions)))  # another position's chain
    return m


def many_themes(n: int, seed: int = 0) -> ArgumentMap:
    """The usual shape over twenty themes; most claims in two, so links cross themes."""
    m = synthetic_map(n, seed=seed, n_themes=20)
    rng = random.Random(seed)
    for claim in m.claims:
        if rng.random() < 0.7:
            other = f"t{rng.randrange(20)}"
            if other not in claim.themes:
                claim.themes.append(other)
    m.title = f"Many themes, {n} claims"
    return m


#: Shape name -> generator of a map of ``n`` claims.
SHAPES: dict[str, Callable[[int], ArgumentMap]] = {
    "typical": lambda n: synthetic_map(n, seed=3),
    "wide-flat": wide_flat,
    "deep-chains": deep_chains,
    "many-themes": many_themes,
}
