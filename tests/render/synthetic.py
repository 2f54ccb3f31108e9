"""Generated argument maps of any size, shaped like real ones (used by tests and benchmarks).

A few positions on top; every other claim gives reason for or against a claim made earlier,
so chains run a handful of levels deep; about one link in twenty has linked co-premises and
one in fifty is an undercut. Chains are at most seven levels deep, as in real
maps. Claims carry themes, so clustered layouts get exercised.
"""

from __future__ import annotations

import random

from argmap import ArgumentMap
from argmap.model import Claim, Link, Theme

WORDS = [
    "state",
    "market",
    "workers",
    "plan",
    "shortage",
    "queue",
    "party",
    "council",
    "factory",
    "wage",
    "price",
    "trust",
    "freedom",
    "censorship",
    "reform",
    "history",
    "evidence",
    "memory",
    "report",
    "official",
    "village",
    "city",
    "school",
    "press",
    "union",
    "budget",
    "harvest",
    "export",
    "import",
    "loyalty",
    "solidarity",
    "power",
    "class",
]


MAX_DEPTH = 7


def synthetic_map(n_claims: int, *, seed: int = 0, n_themes: int = 8) -> ArgumentMap:
    """A valid map with ``n_claims`` claims and about ``n_claims`` links, fixed by ``seed``."""
    rng = random.Random(seed)
    themes = [Theme(id=f"t{i}", label=f"Theme {i}") for i in range(n_themes)]
    claims: list[Claim] = []
    links: list[Link] = []
    n_positions = max(1, n_claims // 60)
    level = dict.fromkeys(range(n_positions), 0)
    shallow = list(range(n_positions))
    for i in range(n_claims):
        words = rng.choices(WORDS, k=rng.randint(6, 22))
        kind = "position" if i < n_positions else rng.choice(("claim", "evidence", "evidence"))
        claims.append(
            Claim(
                id=f"c{i}",
                title=" ".join(words[:3]).capitalize() if rng.random() < 0.5 else None,
                text=" ".join(words).capitalize() + ".",
                kind=kind,
                themes=[f"t{(i * 7 // max(1, n_claims // n_themes + 1)) % n_themes}"],
            )
        )
        if i < n_positions:
            continue
        # Real maps are shallow: attach to a claim at most MAX_DEPTH - 1 levels deep.
        target = rng.choice(shallow)
        level[i] = level[target] + 1
        if level[i] < MAX_DEPTH:
            shallow.append(i)
        kind_of_link = "support" if rng.random() < 0.7 else "attack"
        sources = [f"c{i}"]
        if rng.random() < 0.05 and i > n_positions:
            extra = rng.randrange(n_positions, i)
            if extra != target:
                sources.append(f"c{extra}")
        if rng.random() < 0.02 and links:
            undercut_target = rng.choice(links[-50:]).id
            links.append(Link(id=f"u{i}", kind="attack", sources=[f"c{i}"], target=undercut_target))
            continue
        links.append(Link(id=f"l{i}", kind=kind_of_link, sources=sources, target=f"c{target}"))
    return ArgumentMap(
        title=f"Synthetic map of {n_claims} claims", themes=themes, claims=claims, links=links
    )
