"""Statistics of a map per theme and per position: size, depth, contest and balance.

Plain dictionaries come back (JSON-ready, in map order); :meth:`MapStatistics.to_dataframe`
gives a ``pandas.DataFrame`` of one table when pandas is installed.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from ..model import ArgumentMap
from .gradual import strengths

__all__ = ["MapStatistics", "statistics"]


@dataclass
class MapStatistics:
    """Per-theme rows, per-position rows and the most contested claims."""

    themes: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    contested: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"themes": self.themes, "positions": self.positions, "contested": self.contested}

    def to_dataframe(self, table: str = "themes") -> Any:
        """One table (``themes``, ``positions`` or ``contested``) as a pandas DataFrame."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe needs pandas: pip install 'argmap[notebook]'") from exc
        return pd.DataFrame(getattr(self, table))

    def _repr_markdown_(self) -> str:
        lines = [
            "| position | claims | supports | attacks | depth | balance |",
            "|---|---|---|---|---|---|",
        ]
        for p in self.positions:
            lines.append(
                f"| `{p['id']}` | {p['claims']} | {p['supports']} | {p['attacks']} | "
                f"{p['depth']} | {p['balance']:+.2f} |"
            )
        return "\n".join(lines)


def statistics(m: ArgumentMap, *, top: int = 5, method: str = "dfquad") -> MapStatistics:
    """Counts, depth and balance per theme and per position, and the most contested claims.

    *balance* is ``(supports - attacks) / (supports + attacks)``, from -1 (only objections) to
    +1 (only support); *depth* is the longest chain of reasons (shortest-path distance) that
    leads to a position. A claim is contested by the attacks on it and on the links into it;
    its *strength drop* is how much higher its strength would be without those attacks.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> m.claim("ban", "Ban homework.", kind="position", themes=["school"])
    'ban'
    >>> m.claim("stress", "It causes stress.", themes=["school"])
    'stress'
    >>> m.claim("sleep", "Pupils sleep less.")
    'sleep'
    >>> m.claim("practice", "Practice needs time.")
    'practice'
    >>> _ = m.support("stress", "ban"); _ = m.support("sleep", "stress")
    >>> _ = m.attack("practice", "ban")
    >>> s = statistics(m)
    >>> s.positions[0]["depth"], s.positions[0]["supports"], s.positions[0]["attacks"]
    (2, 2, 1)
    >>> s.contested[0]["id"], s.contested[0]["attacks"]
    ('ban', 1)
    """
    claim_ids = [c.id for c in m.claims]
    claim_set = set(claim_ids)
    links = {link.id: link for link in m.links}

    def claim_of(target: str) -> str:
        # the claim a link ultimately bears on (undercuts and warrants act on a link)
        seen = set()
        while target not in claim_set and target in links and target not in seen:
            seen.add(target)
            target = links[target].target
        return target

    into: dict[str, list[str]] = {c: [] for c in claim_ids}
    for link in m.links:
        into.setdefault(claim_of(link.target), []).append(link.id)

    def balance(sup: int, att: int) -> float:
        return (sup - att) / (sup + att) if sup + att else 0.0

    themes = []
    for theme in m.themes:
        members = [c.id for c in m.claims if theme.id in c.themes]
        sup = sum(links[k].kind == "support" for c in members for k in into[c])
        att = sum(links[k].kind == "attack" for c in members for k in into[c])
        themes.append(
            {
                "id": theme.id,
                "label": theme.label,
                "claims": len(members),
                "supports": sup,
                "attacks": att,
                "balance": balance(sup, att),
            }
        )

    positions = []
    for c in m.claims:
        if c.kind != "position":
            continue
        depth, reached, used = _reach(c.id, into, links)
        sup = sum(links[k].kind == "support" for k in used)
        att = len(used) - sup
        positions.append(
            {
                "id": c.id,
                "label": c.label,
                "claims": len(reached),
                "supports": sup,
                "attacks": att,
                "depth": depth,
                "balance": balance(sup, att),
            }
        )

    result = strengths(m, method)
    scored: list[tuple[int, float, int, dict[str, Any]]] = []
    for position, c in enumerate(m.claims):
        att = sum(links[k].kind == "attack" for k in into[c.id])
        if not att:
            continue
        attacks = [k for k in into[c.id] if links[k].kind == "attack"]
        without = strengths(m, method, drop=attacks).claims[c.id]
        drop = without - result.claims[c.id]
        row = {"id": c.id, "label": c.label, "attacks": att, "strength_drop": drop}
        scored.append((-att, -drop, position, row))
    scored.sort(key=lambda t: t[:3])
    return MapStatistics(themes, positions, [t[3] for t in scored[:top]])


def _reach(
    root: str, into: dict[str, list[str]], links: dict[str, Any]
) -> tuple[int, set[str], set[str]]:
    """Breadth-first over reasons for ``root``: depth, claims reached, links used."""
    dist = {root: 0}
    used: set[str] = set()
    queue = deque([root])
    while queue:
        c = queue.popleft()
        for k in into.get(c, []):
            used.add(k)
            for s in links[k].sources:
                if s not in dist:
                    dist[s] = dist[c] + 1
                    queue.append(s)
    return max(dist.values()), set(dist), used
