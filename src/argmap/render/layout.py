"""Compact layout: which level (Graphviz rank) each box takes, so a diagram keeps its shape.

Left to itself, ``dot`` puts every reason one rank below what it supports: a position with
twenty reasons makes one rank twenty boxes wide, and a small map comes out at 3:1 to 20:1,
unreadable once shrunk to a page or a notebook cell. :func:`plan_layout` chooses the levels
instead, from the map's shape, for views below :data:`PLAN_LIMIT` nodes (larger maps keep
dot's own ranking, which their size-based settings are tuned for):

1. **A tree to hang boxes from.** Each box hangs under the claim it answers; a box answering
   several hangs under the one lowest down (the longest chain of links above it), so its
   other links point upwards too.
2. **Folding.** A chain deeper than the shape allows is cut, and its lower part starts again
   at the top, beside it, like a newspaper column.
3. **Packing by level.** A claim's subtrees go, leaves first (evidence stays next to what it
   supports), at the first level where every level they take still has room within the width
   aimed at. A subtree that has to go lower hangs under a box of the row above it, so the
   reasons of a long list form a grid under their claim rather than one long row.
4. **Themes.** Theme clusters are packed as rectangles and stacked so that links between
   them point upwards where they can.
5. **The width aimed at** is found by bisection: the widest packing whose estimated drawing
   keeps the aspect asked for (width:height, 1:1 by default) or fits ``max_width``.

:func:`plan_lines` writes the plan into DOT: one ``rank=same`` group a level, an invisible
edge between consecutive levels and one under each hung subtree; :meth:`Plan.edge_extra`
gives ``constraint=false`` to the few links that point downwards and ``weight=0`` to links
that skip levels (so Graphviz does not spread the boxes to keep them straight).

Box sizes are estimated from the wrapped label lines (:func:`box_size`): the layout is
chosen without running Graphviz, so ``to_dot`` stays a text transformation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "PLAN_LIMIT",
    "Plan",
    "Shape",
    "acyclic",
    "box_size",
    "chain_depth",
    "plan_layout",
    "plan_lines",
]

#: Views with this many nodes or links, or more, keep dot's own ranking: from there the
#: long links a planned layout makes cost dot seconds (a 600-claim list of reasons: 6 s,
#: 900: 38 s), and the size-based settings for big maps take over at 1,000.
PLAN_LIMIT = 500
#: Gap between boxes in a level and between levels, in points (``nodesep``/``ranksep``).
NODE_GAP = 15.0
LEVEL_GAP = 25.0
#: Room an edge passing a level beside other boxes takes.
CHANNEL = 12.0
#: A cluster box's margins and label.
CLUSTER_PAD = 24.0
#: dot spreads a level's boxes wider than their sum (it centres parents over children and
#: keeps room for edges); measured on the shapes of tests/render/shapes.py.
SPREAD = 1.45


@dataclass
class Shape:
    """What the planner sees of a diagram.

    ``size`` gives each node's extent across a level (``breadth``: its width for ``BT``/``TB``,
    its height for ``LR``/``RL``) and along the levels (``length``). ``edges`` run from reason
    to conclusion; ``home`` names a node's cluster; ``corner`` nodes (the legend) go in the
    first level, after everything else.
    """

    order: list[str]
    size: dict[str, tuple[float, float]]
    edges: list[tuple[str, str]]
    home: dict[str, str] = field(default_factory=dict)
    corner: list[str] = field(default_factory=list)
    extra_breadth: float = 0.0  # a title's width, a minimum for the whole drawing
    extra_length: float = 0.0  # a title's height


@dataclass
class Plan:
    """Levels (0 at the top of the drawing's conclusions) and the hanging edges."""

    level: dict[str, int]
    anchors: list[tuple[str, str]]
    breadth: float
    length: float

    def edge_extra(self, tail: str, head: str) -> str:
        """Attributes for the edge from ``tail`` (reason) to ``head`` (conclusion)."""
        low, high = self.level.get(tail), self.level.get(head)
        if low is None or high is None:
            return ""
        if low <= high:
            return " constraint=false"
        return " weight=0" if low - high > 1 else ""


def box_size(
    lines: Sequence[tuple[str, float, bool]], pad: tuple[float, float]
) -> tuple[float, float]:
    """Estimated (width, height) in points of a box holding ``lines`` of (text, size, bold).

    Widths follow DejaVu Sans, which Graphviz and browsers use for Helvetica on Debian;
    within 10 % for claim text, which is what the packing needs.

    Examples
    --------
    >>> w, h = box_size([("Homework causes stress.", 11.0, False)], (8.6, 4.3))
    >>> 140 < w < 180, 20 < h < 30
    (True, True)
    """
    width = max((_text_width(text, size, bold) for text, size, bold in lines), default=0.0)
    height = sum(size * 1.2 for _, size, _ in lines)
    return width + 2 * pad[0] + 4, height + 2 * pad[1] + 2


def _text_width(text: str, size: float, bold: bool) -> float:
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.32
        elif ch.isupper() or ch in "mwMW@%":
            em += 0.72
        else:
            em += 0.6
    return em * size * (1.1 if bold else 1.0)


_NARROW = frozenset(" .,;:'!|()[]ijlft-\"")


def plan_layout(shape: Shape, *, aspect: float = 1.0, max_breadth: float | None = None) -> Plan:
    """Choose each node's level: the estimated drawing keeps ``breadth:length`` near
    ``aspect``, or stays within ``max_breadth`` points across the levels if that is given.

    Examples
    --------
    >>> names = ["p"] + [f"r{i}" for i in range(12)]
    >>> shape = Shape(names, dict.fromkeys(names, (100.0, 50.0)), [(n, "p") for n in names[1:]])
    >>> plan = plan_layout(shape)
    >>> plan.level["p"], max(plan.level.values()) > 1  # twelve reasons, wrapped in rows
    (0, True)
    """
    packer = _Packer(shape)
    low = max((b for b, _ in shape.size.values()), default=1.0) + 2 * CLUSTER_PAD
    high = max(low, sum(b + NODE_GAP for b, _ in shape.size.values()))
    best: tuple[float, Plan] | None = None
    for _ in range(16):  # bisection over the width aimed at, in log scale
        mid = math.sqrt(low * high)
        plan = packer.pack(mid, None if max_breadth is not None else aspect)
        drawn = max(plan.breadth, shape.extra_breadth)
        if max_breadth is not None:
            ok = drawn <= max_breadth
            score = 0.0 if ok else drawn / max_breadth
        else:
            ratio = drawn / max(plan.length, 1.0)
            ok = ratio <= aspect
            score = abs(math.log(ratio / aspect))
        if best is None or score < best[0] or (max_breadth is not None and ok):
            best = (score, plan)
        low, high = (mid, high) if ok else (low, mid)
        if high / low < 1.02:
            break
    assert best is not None
    return best[1]


class _Block:
    """A subtree packed so far: each level's occupied breadth, and each node's level."""

    __slots__ = ("anchors", "bottoms", "prof", "rel")

    def __init__(self) -> None:
        self.prof: list[float] = []
        self.rel: dict[str, int] = {}
        self.anchors: list[tuple[str, str]] = []
        # level -> nodes whose subtree ends there, to hang later subtrees under
        self.bottoms: dict[int, list[str]] = {}

    def fits(self, sub: _Block, at: int, width: float) -> bool:
        prof = self.prof
        for r, w in enumerate(sub.prof):
            i = at + r
            if i >= len(prof):
                return True
            if prof[i] and prof[i] + NODE_GAP + w > width:
                return False
        return True

    def add(self, sub: _Block, at: int, channel_from: int | None = None) -> None:
        prof = self.prof
        prof.extend([0.0] * (at + len(sub.prof) - len(prof)))
        for r, w in enumerate(sub.prof):
            prof[at + r] = prof[at + r] + NODE_GAP + w if prof[at + r] else w
        if channel_from is not None:
            for i in range(channel_from, at):
                prof[i] += CHANNEL
        for node, r in sub.rel.items():
            self.rel[node] = at + r
        self.anchors.extend(sub.anchors)
        deepest = max(sub.rel, key=sub.rel.__getitem__)
        self.bottoms.setdefault(at + len(sub.prof) - 1, []).append(deepest)

    def lowest(self, sub: _Block, heads: dict[str, list[str]], skip: str | None) -> int:
        """The first level ``sub`` can start at with its links to placed nodes pointing up."""
        at = 0
        for node, r in sub.rel.items():
            if node == skip:
                continue
            for head in heads.get(node, ()):
                placed = self.rel.get(head)
                if placed is not None:
                    at = max(at, placed + 1 - r)
        return at


class _Packer:
    """The parts of planning that do not depend on the width aimed at, done once."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.heads, self.children, self.roots = _tree(shape)
        sizes = shape.size.values()
        self.level_length = sum(n for _, n in sizes) / max(1, len(shape.size)) + LEVEL_GAP

    def pack(self, width: float, aspect: float | None) -> Plan:
        """Pack within ``width``; fold chains longer than ``aspect`` allows (if given)."""
        usable = width / SPREAD
        depth = len(self.shape.order) + 1
        if aspect is not None:
            depth = max(3, int(width / aspect / self.level_length * 1.2))
        children = {n: list(c) for n, c in self.children.items()}
        roots, folded = _fold(self.roots, children, depth)
        blocks = [(r, self._block(r, children, usable)) for r in roots]
        top = _Block()
        for root, block in self._grouped(blocks, usable):
            skip = root if root in folded else None
            at = max(top.lowest(block, self.heads, skip), 0)
            if at + len(block.prof) > depth:
                at = 0  # a chain of blocks too deep: this one starts a column of its own
            while not top.fits(block, at, usable):
                at += 1
            if at and top.bottoms.get(at - 1) and root is not None:
                top.anchors.append((root, top.bottoms[at - 1][0]))
            top.add(block, at)
        self._corner(top, usable)
        return self._plan(top)

    def _block(self, root: str, children: dict[str, list[str]], width: float) -> _Block:
        """Pack the subtree under ``root`` (iteratively: chains can be long)."""
        done: dict[str, _Block] = {}
        stack = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if not expanded:
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(children[node]))
                continue
            block = _Block()
            block.prof, block.rel = [self.shape.size[node][0]], {node: 0}
            kids = sorted((done.pop(c) for c in children[node]), key=lambda b: len(b.prof))
            for kid in kids:
                at = max(1, block.lowest(kid, self.heads, None))
                while not block.fits(kid, at, width):
                    at += 1
                under = block.bottoms.get(at - 1) if at > 1 else None
                if under:
                    kid_root = min(kid.rel, key=kid.rel.__getitem__)
                    block.anchors.append((kid_root, under.pop(0)))
                block.add(kid, at, channel_from=1)
            done[node] = block
        return done[root]

    def _grouped(
        self, blocks: list[tuple[str, _Block]], width: float
    ) -> list[tuple[str | None, _Block]]:
        """Blocks of one theme merged into a cluster rectangle; all in stacking order."""
        home = self.shape.home
        out: list[tuple[str | None, _Block]] = []
        clusters: dict[str, _Block] = {}
        for root, block in blocks:
            theme = home.get(root)
            if theme is None:
                out.append((root, block))
                continue
            if theme not in clusters:
                clusters[theme] = _Block()
                out.append((None, clusters[theme]))
            cluster = clusters[theme]
            at = max(cluster.lowest(block, self.heads, None), 0)
            while not cluster.fits(block, at, width - CLUSTER_PAD):
                at += 1
            cluster.add(block, at)
        for cluster in clusters.values():
            cluster.prof = [max(cluster.prof) + CLUSTER_PAD] * len(cluster.prof)
        return _stacking_order(out, self.heads)

    def _corner(self, top: _Block, width: float) -> None:
        for node in self.shape.corner:
            breadth = self.shape.size[node][0]
            if not top.prof:
                top.prof.append(0.0)
            top.prof[0] += breadth + (NODE_GAP if top.prof[0] else 0.0)
            top.rel[node] = 0

    def _plan(self, top: _Block) -> Plan:
        size = self.shape.size
        lengths: dict[int, float] = {}
        for node, lv in top.rel.items():
            lengths[lv] = max(lengths.get(lv, 0.0), size[node][1])
        length = sum(lengths.values()) + LEVEL_GAP * max(0, len(lengths) - 1)
        breadth = max(top.prof, default=0.0) * SPREAD
        return Plan(top.rel, top.anchors, breadth, length + self.shape.extra_length)


def _tree(shape: Shape) -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """Heads of each node (cycles broken), tree children, and the roots in map order."""
    heads = acyclic(shape.order, shape.edges)
    depth = chain_depth(shape.order, heads)
    home = shape.home
    children: dict[str, list[str]] = {n: [] for n in shape.order}
    roots = []
    for node in shape.order:
        # Hang under the lowest of the claims this one answers, within its own cluster.
        same = [h for h in heads[node] if home.get(h) == home.get(node)]
        if same:
            children[max(same, key=depth.__getitem__)].append(node)
        else:
            roots.append(node)
    return heads, children, roots


def acyclic(order: list[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Each node's heads, leaving out the edges that close a cycle (depth-first, in order).

    >>> acyclic(["a", "b"], [("a", "b"), ("b", "a")])
    {'a': ['b'], 'b': []}
    """
    out: dict[str, list[str]] = {n: [] for n in order}
    for tail, head in edges:
        out[tail].append(head)
    kept: dict[str, list[str]] = {n: [] for n in order}
    state: dict[str, int] = {}  # 1 on the path, 2 finished
    for start in order:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(out[start]))]
        while stack:
            node, rest = stack[-1]
            head = next(rest, "")
            if not head:  # node names are never empty
                state[node] = 2
                stack.pop()
            elif state.get(head) != 1:
                if head not in kept[node]:
                    kept[node].append(head)
                if head not in state:
                    state[head] = 1
                    stack.append((head, iter(out[head])))
    return kept


def chain_depth(order: list[str], heads: dict[str, list[str]]) -> dict[str, int]:
    """Length of the longest chain of links from each node up to a node with no heads.

    ``heads`` must have no cycle (see :func:`acyclic`).

    >>> chain_depth(["a", "b", "c"], {"a": [], "b": ["a"], "c": ["b", "a"]})
    {'a': 0, 'b': 1, 'c': 2}
    """
    depth: dict[str, int] = {}
    for start in order:
        stack = [start]
        while stack:
            node = stack[-1]
            if node in depth:
                stack.pop()
                continue
            waiting = [h for h in heads[node] if h not in depth]
            if waiting:
                stack.extend(waiting)
                continue
            stack.pop()
            depth[node] = 1 + max((depth[h] for h in heads[node]), default=-1)
    return depth


def _fold(
    roots: list[str], children: dict[str, list[str]], depth: int
) -> tuple[list[str], set[str]]:
    """Cut subtrees deeper than ``depth`` levels; their tops become roots of their own."""
    out: list[str] = []
    folded: set[str] = set()
    for root in roots:
        out.append(root)
        stack = [(root, 0)]
        while stack:
            node, level = stack.pop()
            kept = []
            for child in children[node]:
                if level + 1 >= depth:
                    out.append(child)
                    folded.add(child)
                    stack.append((child, 0))
                else:
                    kept.append(child)
                    stack.append((child, level + 1))
            children[node] = kept
    return out, folded


def _stacking_order(
    blocks: list[tuple[str | None, _Block]], heads: dict[str, list[str]]
) -> list[tuple[str | None, _Block]]:
    """Blocks whose claims others answer first, so links between blocks point upwards."""
    owner = {node: i for i, (_, block) in enumerate(blocks) for node in block.rel}
    above: list[set[int]] = [set() for _ in blocks]
    for node, i in owner.items():
        for head in heads.get(node, ()):
            j = owner.get(head)
            if j is not None and j != i:
                above[i].add(j)
    placed: set[int] = set()
    order: list[int] = []
    while len(order) < len(blocks):
        rest = [i for i in range(len(blocks)) if i not in placed]
        free = [i for i in rest if above[i] <= placed]
        # A cycle among blocks: take the one waiting for the fewest others.
        pick = free[0] if free else min(rest, key=lambda i: (len(above[i] - placed), i))
        order.append(pick)
        placed.add(pick)
    return [blocks[i] for i in order]


def plan_lines(plan: Plan) -> list[str]:
    """DOT lines that hold Graphviz to ``plan``: rank groups and invisible edges.

    Invisible edges draw nothing, in SVG either (no element, no title for a screen reader).
    """
    rows: dict[int, list[str]] = {}
    for node, lv in plan.level.items():
        rows.setdefault(lv, []).append(node)
    lines = []
    previous: str | None = None
    for lv in sorted(rows):
        names = " ".join(f'"{n}";' for n in rows[lv])
        lines.append(f"\t{{rank=same; {names}}}\n")
        first = rows[lv][0]
        if previous is not None:  # keeps the levels apart and in order
            lines.append(f'\t"{first}" -> "{previous}" [style=invis]\n')
        previous = first
    for low, high in plan.anchors:
        lines.append(f'\t"{low}" -> "{high}" [style=invis]\n')
    return lines
