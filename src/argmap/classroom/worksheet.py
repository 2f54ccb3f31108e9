"""Worksheets from a reference map, each with its answer key and a starter file.

Three kinds, all deterministic (the same map and ``seed`` give the same sheet):

* ``blank``: the question and the positions only, with room to add reasons and objections;
* ``scrambled``: every claim on a lettered card, in an order shuffled by ``seed``, to cut
  out and connect;
* ``fill-in``: the map's diagram with some boxes empty (chosen by ``seed``, a third of the
  claims that are not positions) and the missing texts in a lettered word bank.

The answer key says what goes where (and draws the reference map); the starter file is the
part of the map the student starts from, in argmap JSON or Argdown, which ``argmap
validate`` accepts as it is. :func:`write_worksheet` writes all three next to each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal, get_args

from ..errors import ArgmapError
from ..model import ArgumentMap, Claim, Link, Source

__all__ = ["KINDS", "Card", "Worksheet", "make_worksheet"]

Kind = Literal["blank", "scrambled", "fill-in"]
KINDS: tuple[str, ...] = get_args(Kind)


@dataclass(frozen=True)
class Card:
    """A lettered card: the claim it stands for, its words, and whether it is a position."""

    label: str
    claim: str
    text: str
    position: bool = False


@dataclass
class Worksheet:
    """What a worksheet shows and what its key answers.

    ``cards`` are the scrambled cards (``scrambled``) or the word bank (``fill-in``);
    ``blanks`` numbers the emptied boxes of a fill-in sheet by claim id.
    """

    kind: Kind
    reference: ArgumentMap
    seed: int
    positions: list[Claim]
    cards: list[Card] = field(default_factory=list)
    blanks: dict[str, int] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.reference.title or "Argument map"

    def instructions(self) -> list[str]:
        """What the student is asked to do, in plain sentences."""
        arrows = (
            "Draw an arrow from a reason to the claim it supports, and a line ending in a "
            "bar from an objection to the claim it attacks."
        )
        if self.kind == "blank":
            return [
                "The boxes below are the positions the text takes on the question.",
                "Under each position, write the reasons the text gives for it and the "
                "objections it raises against it, one claim to a box.",
                arrows,
            ]
        if self.kind == "scrambled":
            return [
                "Each card holds one claim from the text. Cut the cards out and lay them "
                "out with the positions at the top.",
                arrows,
                "Then list your connections by letter, for example: C supports A; F attacks A.",
            ]
        return [
            "Some boxes in the diagram are empty. Each missing claim is in the word bank.",
            "Write the letter of the right card (or its words) into each numbered box.",
        ]

    def answers(self) -> list[str]:
        """The key as lines of text."""
        m = self.reference
        names = {c.claim: c.label for c in self.cards}
        if self.kind == "fill-in":
            by_number = sorted(self.blanks.items(), key=lambda item: item[1])
            return [
                f"Box {n}: card {names.get(cid, '?')}: {m.get_claim(cid).text}"
                for cid, n in by_number
            ]
        lines = []
        for link in m.links:
            verb = "supports" if link.kind == "support" else "attacks"
            sources = " and ".join(self._name(s, names) for s in link.sources)
            together = " (together)" if len(link.sources) > 1 else ""
            lines.append(f"{sources} {verb}{together} {self._name(link.target, names)}")
        return lines

    def _name(self, item: str, names: dict[str, str]) -> str:
        m = self.reference
        link = next((ln for ln in m.links if ln.id == item), None)
        if link is not None:
            inner = " and ".join(self._name(s, names) for s in link.sources)
            return f"the step from {inner} to {self._name(link.target, names)}"
        claim = m.get_claim(item)
        label = claim.title or claim.text
        return f"{names[item]} ({label})" if item in names else f"'{label}'"

    def starter(self) -> ArgumentMap:
        """The map the student completes: it validates as it is, with no links to check."""
        m = self.reference
        if self.kind == "blank":
            claims = [_bare(c) for c in self.positions]
            links: list[Link] = []
        elif self.kind == "scrambled":
            claims = [
                Claim(
                    id=f"card-{c.label.lower()}",
                    text=c.text,
                    kind="position" if c.position else "claim",
                )
                for c in self.cards
            ]
            links = []
        else:
            claims = [
                _bare(c).model_copy(
                    update={"text": f"(box {self.blanks[c.id]}: fill in)", "title": None}
                )
                if c.id in self.blanks
                else _bare(c)
                for c in m.claims
            ]
            links = [
                Link(id=ln.id, kind=ln.kind, sources=ln.sources, target=ln.target) for ln in m.links
            ]
        return ArgumentMap(
            title=f"{self.title} (my map)",
            question=m.question,
            sources=[_source(s) for s in m.sources],
            themes=list(m.themes) if self.kind == "fill-in" else [],
            perspectives=list(m.perspectives) if self.kind == "fill-in" else [],
            claims=claims,
            links=links,
        )

    def fill_in_map(self) -> ArgumentMap:
        """The reference with each blank's box emptied: ruled lines instead of its words."""
        m = self.reference
        claims = []
        for claim in m.claims:
            bare = claim.model_copy(update={"quotes": []})
            if claim.id in self.blanks:
                rows = max(2, min(5, len(claim.text) // 30 + 1))
                bare = bare.model_copy(
                    update={
                        "title": f"Box {self.blanks[claim.id]}",
                        "text": "\n".join(["_" * 26] * rows),
                    }
                )
            claims.append(bare)
        return _rebuild(m, claims)

    def lettered_map(self) -> ArgumentMap:
        """The reference with each card's letter before its title, for the scrambled key."""
        names = {c.claim: c.label for c in self.cards}
        claims = [
            c.model_copy(
                update={"title": f"{names[c.id]} · {c.title or ''}".rstrip(" ·"), "quotes": []}
            )
            for c in self.reference.claims
        ]
        return _rebuild(self.reference, claims)


def _rebuild(m: ArgumentMap, claims: list[Claim]) -> ArgumentMap:
    """``m`` with other claims (no quotes, so no sources needed), as a new valid map."""
    return ArgumentMap(
        title=m.title,
        question=m.question,
        themes=list(m.themes),
        perspectives=list(m.perspectives),
        claims=claims,
        links=list(m.links),
    )


def _bare(claim: Claim) -> Claim:
    """A claim without its quotes, themes and voices: what a starter file gives away."""
    return Claim(id=claim.id, title=claim.title, text=claim.text, kind=claim.kind)


def _source(source: Source) -> Source:
    # The source's file is beside the reference, not beside the student's map.
    return Source(id=source.id, title=source.title, author=source.author, url=source.url)


def letters(n: int) -> list[str]:
    """Card labels: A..Z, then AA, AB, ...

    >>> letters(3), letters(28)[-2:]
    (['A', 'B', 'C'], ['AA', 'AB'])
    """
    out = []
    for i in range(n):
        label = ""
        i += 1
        while i:
            i, rest = divmod(i - 1, 26)
            label = chr(65 + rest) + label
        out.append(label)
    return out


def make_worksheet(
    reference: ArgumentMap, kind: str, *, seed: int = 0, blanks: int | None = None
) -> Worksheet:
    """Plan a worksheet of ``kind`` ("blank", "scrambled" or "fill-in") from ``reference``.

    ``seed`` fixes the shuffle and the boxes left empty; ``blanks`` says how many boxes a
    fill-in sheet empties (default: a third of the claims that are not positions).

    Examples
    --------
    >>> import argmap
    >>> ref = argmap.examples.soviet_socialism()
    >>> sheet = make_worksheet(ref, "scrambled", seed=1)
    >>> len(sheet.cards) == len(ref.claims), sheet.cards[0].label
    (True, 'A')
    >>> make_worksheet(ref, "scrambled", seed=1).cards == sheet.cards
    True
    >>> len(make_worksheet(ref, "fill-in").blanks)
    9
    """
    if kind not in KINDS:
        raise ArgmapError(f"worksheet kind must be one of {', '.join(KINDS)} (got {kind!r})")
    if not reference.claims:
        raise ArgmapError("the reference map has no claims to make a worksheet of")
    positions = [c for c in reference.claims if c.kind == "position"]
    if not positions:
        giving = {s for link in reference.links for s in link.sources}
        positions = [c for c in reference.claims if c.id not in giving]
    rng = random.Random(f"argmap-worksheet/{kind}/{seed}")
    sheet = Worksheet(kind, reference, seed, positions)  # type: ignore[arg-type]
    if kind == "scrambled":
        order = list(reference.claims)
        rng.shuffle(order)
        sheet.cards = _cards(order, {c.id for c in positions})
    elif kind == "fill-in":
        sheet.blanks, sheet.cards = _blanks(reference, positions, rng, blanks)
    return sheet


def _cards(order: list[Claim], positions: set[str]) -> list[Card]:
    return [
        Card(label, c.id, c.text, c.id in positions)
        for label, c in zip(letters(len(order)), order, strict=True)
    ]


def _blanks(
    m: ArgumentMap, positions: list[Claim], rng: random.Random, count: int | None
) -> tuple[dict[str, int], list[Card]]:
    candidates = [c for c in m.claims if c.id not in {p.id for p in positions}]
    if count is None:
        count = max(1, round(len(candidates) / 3))
    if not 0 < count <= len(candidates):
        raise ArgmapError(
            f"blanks must be between 1 and {len(candidates)}, the claims that are not "
            f"positions (got {count})"
        )
    chosen = set(c.id for c in rng.sample(candidates, count))
    # Boxes are numbered in map order, so a reader finds box 3 after box 2.
    numbers = {c.id: i for i, c in enumerate((c for c in m.claims if c.id in chosen), start=1)}
    bank = [c for c in m.claims if c.id in chosen]
    rng.shuffle(bank)
    return numbers, _cards(bank, set())
