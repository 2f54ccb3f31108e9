"""Link verdicts: each reference link, and each student link, judged through the pairing.

A student link is read in the reference's terms: its sources and its target become the
reference claims they pair with (a source that pairs with nothing drops out; an undercut's
or warrant's target becomes the reference link the student's target link was matched to).
Then, for a reference link from premises ``S`` to ``t``:

``ok``
    a student link of the same kind to ``t`` from exactly the premises of ``S`` the student
    has (premises the student's map lacks are counted as missing claims, not here);
``wrong-kind``
    the same premises and target, but support where the reference attacks, or the reverse;
``split-premises``
    the same kind and target from only some of the co-premises (typically one link per
    premise where the reference has one linked argument; a part drawn with the other kind
    is ``wrong-kind``);
``merged-premises``
    the reverse: one student link whose premises include those of this reference link and
    more (typically two separate reasons joined as co-premises);
``wrong-direction``
    the arrow turned round: from ``t`` to a premise of ``S``;
``wrong-target``
    the same premises, but to another claim (or inference) of the reference than ``t``;
``missing``
    no student link relates to it; and a student link related to no reference link is
    ``extra``.

Each student link gets at most one verdict (a merged link may answer several reference
links, and several split links one reference link); stronger verdicts are settled first,
in the order above, then by the maps' order, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import ArgumentMap, Link

__all__ = ["LinkVerdict", "Verdict", "errors_of", "judge_links"]

Verdict = Literal[
    "ok",
    "missing",
    "extra",
    "wrong-kind",
    "wrong-target",
    "wrong-direction",
    "split-premises",
    "merged-premises",
]

#: Which verdict is settled first when a link could have several.
_RANK: dict[str, int] = {
    "ok": 0,
    "wrong-kind": 1,
    "split-premises": 2,
    "merged-premises": 2,
    "wrong-direction": 3,
    "wrong-target": 4,
}
#: Verdicts under which a student link stands for the reference link (for undercuts on it).
_SAME_INFERENCE = frozenset({"ok", "wrong-kind", "split-premises", "merged-premises"})


@dataclass(frozen=True)
class LinkVerdict:
    """One line of the link comparison."""

    reference: str | None
    student: str | None
    verdict: Verdict


def judge_links(
    student: ArgumentMap,
    reference: ArgumentMap,
    ref_of: Mapping[str, str],
    skip: frozenset[str] = frozenset(),
) -> list[LinkVerdict]:
    """Every reference link's verdict(s), in reference order, then the extra student links.

    ``ref_of`` maps a student claim id to the reference claim id it pairs with; student
    links to a claim in ``skip`` (the question itself) are left out.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> ref = ArgumentMap()
    >>> for cid in ("p", "a", "b"):
    ...     _ = ref.claim(cid, cid)
    >>> _ = ref.support(["a", "b"], "p", id="ab")
    >>> mine = ArgumentMap()
    >>> for cid in ("P", "A", "B"):
    ...     _ = mine.claim(cid, cid)
    >>> _ = mine.support("A", "P", id="x")
    >>> _ = mine.attack("B", "P", id="y")
    >>> [(v.reference, v.student, v.verdict)
    ...  for v in judge_links(mine, ref, {"P": "p", "A": "a", "B": "b"})]
    [('ab', 'x', 'split-premises'), ('ab', 'y', 'wrong-kind')]
    """
    judge = _Judge(student, reference, ref_of, skip)
    for level in range(max(judge.max_level, 0) + 1):
        judge.settle(level)
    return judge.result()


def _levels(m: ArgumentMap) -> dict[str, int]:
    """0 for a link to a claim, 1 for a link to such a link, and so on."""
    links = {link.id: link for link in m.links}
    levels: dict[str, int] = {}
    for link in m.links:
        chain: list[Link] = []
        current = link
        while current.id not in levels and current.target in links and len(chain) <= len(links):
            chain.append(current)
            current = links[current.target]
        if current.id not in levels:  # a link to a claim; a cycle (invalid) ends anywhere
            levels[current.id] = 0 if current.target not in links else len(links)
        base = levels[current.id]
        for depth, item in enumerate(reversed(chain), start=1):
            levels[item.id] = base + depth
    return levels


class _Judge:
    def __init__(
        self,
        student: ArgumentMap,
        reference: ArgumentMap,
        ref_of: Mapping[str, str],
        skip: frozenset[str],
    ) -> None:
        self.s_links = [k for k in student.links if k.target not in skip]
        self.r_links = list(reference.links)
        self.s_order = {link.id: i for i, link in enumerate(self.s_links)}
        self.r_order = {link.id: i for i, link in enumerate(self.r_links)}
        self.ref_of = dict(ref_of)
        self.paired_ref = set(self.ref_of.values())
        self.s_level, self.r_level = _levels(student), _levels(reference)
        self.max_level = max([*self.s_level.values(), *self.r_level.values(), 0])
        self.link_of: dict[str, str] = {}  # student link -> reference link it stands for
        self.found: list[tuple[str, str, Verdict]] = []
        self.used_s: dict[str, Verdict] = {}
        self.used_r: dict[str, Verdict] = {}

    def settle(self, level: int) -> None:
        s_links = [k for k in self.s_links if self.s_level[k.id] == level]
        r_links = [r for r in self.r_links if self.r_level[r.id] == level]
        # Only student links that share a target or the premises can get a verdict:
        # indexing them keeps a map of a thousand links from being judged pair by pair.
        by_target: dict[str | None, list[Link]] = {}
        by_premises: dict[frozenset[str], list[Link]] = {}
        for k in s_links:
            by_target.setdefault(self._target(k), []).append(k)
            by_premises.setdefault(self._premises(k), []).append(k)
        candidates = []
        for r in r_links:
            theirs = frozenset(s for s in r.sources if s in self.paired_ref)
            near = {k.id: k for k in by_target.get(r.target, ())}
            for source in r.sources:
                near.update((k.id, k) for k in by_target.get(source, ()))
            near.update((k.id, k) for k in by_premises.get(theirs, ()))
            for k in near.values():
                verdict = self._verdict(r, k)
                if verdict is not None:
                    candidates.append((self._rank(r, k, verdict), r.id, k.id, verdict))
        for _, r_id, k_id, verdict in sorted(candidates):
            if self._free(r_id, k_id, verdict):
                self.found.append((r_id, k_id, verdict))
                self.used_r[r_id] = self.used_s[k_id] = verdict
                if verdict in _SAME_INFERENCE:
                    self.link_of.setdefault(k_id, r_id)

    def _premises(self, k: Link) -> frozenset[str]:
        return frozenset(self.ref_of[s] for s in k.sources if s in self.ref_of)

    def _rank(self, r: Link, k: Link, verdict: Verdict) -> tuple[int, int, int]:
        # A kind error over only some of the premises is settled after the premise
        # verdicts, so it can join a split link's other parts.
        partial = verdict == "wrong-kind" and not self._same_premises(r, k)
        return (3 if partial else _RANK[verdict], self.r_order[r.id], self.s_order[k.id])

    def _free(self, r_id: str, k_id: str, verdict: Verdict) -> bool:
        # A split reference link takes several student links, a merged student link
        # answers several reference links; otherwise each is judged once.
        r_used, k_used = self.used_r.get(r_id), self.used_s.get(k_id)
        r_ok = r_used is None or (
            r_used == "split-premises" and verdict in ("split-premises", "wrong-kind")
        )
        k_ok = k_used is None or (k_used == verdict == "merged-premises")
        return r_ok and k_ok

    def _same_premises(self, r: Link, k: Link) -> bool:
        mine = {self.ref_of[s] for s in k.sources if s in self.ref_of}
        return mine == {s for s in r.sources if s in self.paired_ref}

    def _target(self, k: Link) -> str | None:
        return self.ref_of.get(k.target) or self.link_of.get(k.target)

    def _verdict(self, r: Link, k: Link) -> Verdict | None:
        mine = {self.ref_of[s] for s in k.sources if s in self.ref_of}
        if not mine:
            return None
        theirs = {s for s in r.sources if s in self.paired_ref}
        target = self._target(k)
        if target == r.target and mine & set(r.sources):
            if k.kind != r.kind:
                return "wrong-kind"
            if mine == theirs:
                return "ok"
            if mine < theirs:
                return "split-premises"
            return "merged-premises"
        if target is not None and target in r.sources and r.target in mine and len(mine) == 1:
            return "wrong-direction"
        if mine == theirs and target is not None and target != r.target:
            return "wrong-target"
        return None

    def result(self) -> list[LinkVerdict]:
        by_ref: dict[str, list[tuple[int, LinkVerdict]]] = {}
        for r_id, k_id, verdict in self.found:
            by_ref.setdefault(r_id, []).append(
                (self.s_order[k_id], LinkVerdict(r_id, k_id, verdict))
            )
        out: list[LinkVerdict] = []
        for r in self.r_links:
            lines = sorted(by_ref.get(r.id, []), key=lambda pair: pair[0])
            out.extend(line for _, line in lines)
            if not lines:
                out.append(LinkVerdict(r.id, None, "missing"))
        unused = [k for k in self.s_links if k.id not in self.used_s]
        out.extend(LinkVerdict(None, k.id, "extra") for k in unused)
        return out


def errors_of(verdicts: Sequence[LinkVerdict]) -> int:
    """How many verdicts are mistakes in a link the student drew (not ok, not missing)."""
    return sum(v.verdict not in ("ok", "missing") for v in verdicts)
