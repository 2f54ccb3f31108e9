"""Writing a map as a Kialo text export (see :mod:`argmap.formats.kialo`).

Kialo holds a tree: each position is a ``Pro`` or ``Con`` of its parent, and ``-> See N``
places a position a second time. An argument map is a graph, so the writer lays it out as
trees without losing a claim:

* every link becomes a ``Pro``/``Con`` child of its target, one per premise; a link that
  targets a link (an undercut, a warrant) becomes a child of that link's first premise
  (where Kialo puts a challenge to a reason's relevance);
* the roots are the positions, then the claims that give reason to nothing; what those
  trees do not reach (claims that only attack each other in a ring) becomes a tree of its
  own, so every claim is written;
* a claim reached a second time is a ``-> See`` of its first place, as is a root reached
  from another tree;
* a branch deeper than :data:`MAX_DEPTH` continues as a tree of its own (``-> See`` at the
  cut), so that the numbers ``1.1.1. ...``, which grow with the depth, keep the file linear
  in the size of the map.

Whatever Kialo cannot hold (ids, kinds other than thesis, titles, themes, quotes, weights,
co-premises, undercuts, ...) is counted in the warnings, precisely: a map written with no
warning reads back equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import ArgumentMap, Claim
from ._common import tally

__all__ = ["MAX_DEPTH", "kialo_text", "write_kialo"]

#: Levels below a root before a branch continues as a tree of its own.
MAX_DEPTH = 50
_ESCAPE = str.maketrans({ch: "\\" + ch for ch in "\\[]()*_`"})
_LEADING_NUMBER = re.compile(r"^(\d+)\.")


@dataclass
class _Place:
    """One numbered position: ``rel`` is its number below its root (``"2.1."``)."""

    claim: str
    stance: str  # Pro, Con or Thesis
    root: int  # index of its tree
    rel: str
    parent: str = ""  # the claim it is a Pro or Con of
    see: str | None = None  # the claim whose first place this reuses


@dataclass
class _Layout:
    m: ArgumentMap
    lost: dict[str, int] = field(default_factory=dict)
    plain: list[str] = field(default_factory=list)  # losses with no count
    children: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    roots: list[str] = field(default_factory=list)
    places: list[_Place] = field(default_factory=list)
    first: dict[str, _Place] = field(default_factory=dict)  # claim -> its full place

    def lose(self, what: str, n: int = 1) -> None:
        if n:
            self.lost[what] = self.lost.get(what, 0) + n


def write_kialo(m: ArgumentMap) -> tuple[str, list[str]]:
    """Kialo text (current dialect) for ``m`` and what Kialo cannot hold."""
    lay = _Layout(m)
    _tree_edges(lay)
    _lay_out(lay)
    question_form = bool(m.question) or len(lay.roots) != 1
    number = _numbering(lay, question_form)
    # The name and the question as they are, even empty: anything else would read back
    # as a title or question the map does not have.
    out = ["Discussion Name:", _line(m.title), ""]
    if question_form:
        out += ["1. Question:", *_text_lines(m.question, ""), ""]
    claims = {c.id: c for c in m.claims}
    for place in lay.places:
        num = number(place)
        indent = "  " * (num.count(".") - 1)
        out.append(f"{indent}{num} {place.stance}:")
        if place.see is not None:
            out.append(f"{indent}-> See {number(lay.first[place.see])}")
        else:
            out += _text_lines(claims[place.claim].text, indent)
        out.append("")
    _count_losses(lay, number, question_form)
    return "\n".join(out).rstrip("\n") + "\n", tally(lay.lost) + lay.plain


def _tree_edges(lay: _Layout) -> None:
    """Each link's premises as children of its target (or of the link it targets' first
    premise), with the losses that brings."""
    m = lay.m
    claims = {c.id for c in m.claims}
    links = {link.id: link for link in m.links}
    lay.children = {c.id: [] for c in m.claims}
    for link in m.links:
        stance = "Pro" if link.kind == "support" else "Con"
        anchor = link.target
        if anchor not in claims:
            anchor = links[anchor].sources[0]
            lay.lose(
                "undercut{|s} written as {a Con|Cons} of the first premise of the link "
                "{it attacks|they attack} (Kialo has no attacks on links)"
                if link.kind == "attack"
                else "support{|s} of links written as {a Pro|Pros} of the link's first "
                "premise (Kialo has no support of links)"
            )
        if len(link.sources) > 1:
            lay.lose("link{|s} with co-premises written as one position per premise")
        for source in link.sources:
            if source == anchor:  # an undercut by the undercut link's own first premise
                lay.lose("undercut{|s} by the undercut link's own first premise dropped")
                continue
            lay.children[anchor].append((source, stance))


def _lay_out(lay: _Layout) -> None:
    """Number every claim's place, depth first from each root in turn."""
    m = lay.m
    feeds = {s for children in lay.children.values() for s, _ in children}
    positions = [c.id for c in m.claims if c.kind == "position"]
    lay.roots = positions + [c.id for c in m.claims if c.id not in feeds and c.kind != "position"]
    rooted = set(lay.roots)
    done = 0
    for c in m.claims:  # in map order; a claim placed by an earlier tree is passed over
        while done < len(lay.roots):
            _walk(lay, done, rooted)
            done += 1
        if c.id not in lay.first:
            lay.roots.append(c.id)  # in a ring no tree reaches: a tree of its own
            rooted.add(c.id)
    while done < len(lay.roots):
        _walk(lay, done, rooted)
        done += 1


def _walk(lay: _Layout, root: int, rooted: set[str]) -> None:
    """Place root ``root`` and its tree, each position followed by its subtree."""
    claim = lay.roots[root]
    top = _Place(claim, "Thesis", root, "")
    lay.places.append(top)
    lay.first[claim] = top
    # (claim, its number below the root, its depth, the index of its next child): an
    # explicit stack, so that a chain of 100,000 claims needs no recursion.
    stack = [(claim, "", 0, 0)]
    while stack:
        parent, rel, depth, n = stack.pop()
        kids = lay.children[parent]
        if n == len(kids):
            continue
        stack.append((parent, rel, depth, n + 1))
        child, stance = kids[n]
        child_rel = f"{rel}{n + 1}."
        if child in lay.first or child in rooted:
            lay.places.append(_Place(child, stance, root, child_rel, parent, see=child))
        elif depth >= MAX_DEPTH:
            lay.roots.append(child)  # continued as a tree of its own
            rooted.add(child)
            lay.places.append(_Place(child, stance, root, child_rel, parent, see=child))
            lay.lose(
                f"branch{{|es}} deeper than {MAX_DEPTH} levels continued as "
                "{a tree|trees} of {its|their} own"
            )
        else:
            place = _Place(child, stance, root, child_rel, parent)
            lay.places.append(place)
            lay.first[child] = place
            stack.append((child, child_rel, depth + 1, 0))


def _numbering(lay: _Layout, question_form: bool) -> Callable[[_Place], str]:
    """The number of a place: ``1.`` and below for the one thesis, ``1.k.`` and below for
    the k-th of several (under the question ``1.``)."""

    def number(place: _Place) -> str:
        return f"1.{place.root + 1}.{place.rel}" if question_form else f"1.{place.rel}"

    return number


def kialo_text(text: str) -> str:
    """What a text reads back as from Kialo: line by line without the spaces around each
    line, and none at the start or the end (``\\r`` is a line break there too).

    >>> kialo_text("  Cats purr.\\r\\nDogs   bark.  ")
    'Cats purr.\\nDogs   bark.'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _text_lines(text: str, indent: str) -> list[str]:
    """The lines of a position's text, escaped so that no line reads as a position number,
    a ``-> See``, the ``Sources:`` heading or a Markdown escape."""
    out = []
    for line in kialo_text(text).split("\n"):
        escaped = line.translate(_ESCAPE)
        if escaped.startswith("->"):
            escaped = "\\" + escaped
        escaped = _LEADING_NUMBER.sub(r"\1\\.", escaped, count=1)
        if escaped == "Sources:" and not indent:
            escaped = " Sources:"  # indented, it is text (the reader strips the space)
        out.append(f"{indent}{escaped}" if escaped else "")
    return out


def _line(text: str) -> str:
    """The discussion name on one line (Kialo's discussion name is not escaped)."""
    return " ".join(text.split())


def _count_losses(lay: _Layout, number: Callable[[_Place], str], question_form: bool) -> None:
    m = lay.m
    lose = lay.lose
    _count_claim_losses(lay, number)
    _count_link_losses(lay, number)
    if m.title != " ".join(m.title.split()):
        lose("map title with line breaks or extra spaces written on one line")
    if m.question and kialo_text(m.question) != m.question:
        lose("question with spaces at line ends or extra line breaks changed")
    if m.question and not question_form:  # (never: a question makes the question form)
        lose("map question dropped")
    lose("map description dropped", int(bool(m.description)))
    lose("theme declaration{|s} dropped", len(m.themes))
    lose("perspective declaration{|s} dropped", len(m.perspectives))
    lose("source{|s} dropped", len(m.sources))
    lose("answered critical question{|s} not kept", sum(len(x.answered or ()) for x in m.links))


def _count_claim_losses(lay: _Layout, number: Callable[[_Place], str]) -> None:
    lose = lay.lose
    roots = set(lay.roots)
    # The reader lists claims in the order of the file: the trees, depth first.
    in_file = [place.claim for place in lay.places if place.see is None]
    if in_file != [c.id for c in lay.m.claims]:
        lay.plain.append("claims in another order (Kialo lists positions as trees)")
    for c in lay.m.claims:
        if _pid(number(lay.first[c.id])) != c.id:
            lose("claim id{|s} not kept (Kialo numbers its positions)")
        _count_kind(lay, c, c.id in roots)
        if kialo_text(c.text) != c.text:
            lose("claim text{|s} with spaces at line ends or extra line breaks changed")
        for name in ("title", "basis", "confidence", "note"):
            lose(f"claim {name} value{{|s}} dropped", int(getattr(c, name) is not None))
        lose("claim theme{|s} dropped", len(c.themes))
        lose("claim perspective{|s} (asserted_by) dropped", len(c.asserted_by))
        lose("quote{|s} dropped", len(c.quotes))


def _count_kind(lay: _Layout, c: Claim, root: bool) -> None:
    if root and c.kind != "position":
        lay.lose(
            "claim{|s} for or against no other claim written as {a thesis|theses} "
            "(read back as {a position|positions})"
        )
    elif not root and c.kind == "position":
        lay.lose("position{|s} written below another claim (read back as {a claim|claims})")
    if c.kind in ("evidence", "assumption"):
        lay.lose("claim kind{|s} (evidence, assumption) dropped")


def _count_link_losses(lay: _Layout, number: Callable[[_Place], str]) -> None:
    claims = {c.id for c in lay.m.claims}
    # The id the reader gives the link of each place: s or a, then the place's number.
    expected: dict[tuple[str, str, str], list[str]] = {}
    for place in lay.places:
        if place.rel:
            prefix = "s" if place.stance == "Pro" else "a"
            key = (place.claim, place.stance, place.parent)
            expected.setdefault(key, []).append(prefix + _pid(number(place)))
    kept = True
    for link in lay.m.links:
        stance = "Pro" if link.kind == "support" else "Con"
        whole = len(link.sources) == 1 and link.target in claims
        key = (link.sources[0], stance, link.target)
        if not (whole and link.id in expected.get(key, ())):
            lay.lose("link id{|s} not kept (Kialo numbers its positions)")
            kept = False
        for name in ("scheme", "weight", "note"):
            lay.lose(f"link {name}{{|s}} dropped", int(getattr(link, name) is not None))
    # (With an id lost, the ids tell the links apart no more: their order says nothing.)
    if kept and _place_link_ids(lay, number) != [link.id for link in lay.m.links]:
        lay.plain.append("links in another order (Kialo lists positions as trees)")


def _place_link_ids(lay: _Layout, number: Callable[[_Place], str]) -> list[str]:
    """The id the reader gives the link of each place below a root, in the file's order."""
    return [
        ("s" if place.stance == "Pro" else "a") + _pid(number(place))
        for place in lay.places
        if place.rel
    ]


def _pid(number: str) -> str:
    return number.rstrip(".").replace(".", "-")
