"""Graphviz DOT for an argument map: :func:`to_dot`.

The DOT text is written line by line from quoted pieces (:mod:`argmap.render.quoting`) rather
than through the ``graphviz`` package's attribute quoting, which passes backslash escapes and
``<...>`` strings through on purpose; the result is still a ``graphviz.Digraph`` whose
``body`` holds the lines, so ``.source``, ``.pipe()`` and notebook display work as usual.

Layout facts that shape the output:

* a link with several sources, or one that another link targets (an undercut or a warrant),
  becomes a small junction node, because Graphviz edges cannot end on edges;
* the layout settings grow with the map (:func:`argmap.render.backend.layout_settings`), and
  ``layout=`` overrides win, so the DOT file renders the same way with a plain ``dot`` call.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Unpack

from ..errors import RenderError
from ..model import ArgumentMap, Link
from .backend import DOUBLE_LIMIT, SIMPLEX_LIMIT, layout_settings, run
from .diagram import Diagram
from .direction import LONG_LINKS, PLAN_MAX, choose_direction, long_links
from .labels import ClaimBoxes
from .layout import LEVEL_GAP, NODE_GAP, PLAN_LIMIT, Plan, plan_lines
from .legend import LegendContent, legend_node
from .options import DiagramKeywords, DiagramOptions, make_options
from .plan import link_edges, plan_for, shape_for
from .quoting import check_slugs, display_text, dot_string, html_text
from .select import View, select
from .style import FONT, THEME_PALETTE, edge_style
from .titles import ON_A_LINK, RelationTitles
from .wrapping import cell, wrap

if TYPE_CHECKING:
    import graphviz

__all__ = ["Diagram", "build", "to_dot", "wrap"]  # and Digraph, made on first use

#: Views with at least this many claims get compact labels (see _Writer.compact).
COMPACT_LIMIT = 1500


def to_dot(m: ArgumentMap, **options: Unpack[DiagramKeywords]) -> graphviz.Digraph:
    """The map as a ``graphviz.Digraph``, bottom-to-top, ready to render or save.

    Parameters
    ----------
    m : ArgumentMap
    labels : {"both", "title", "text"}
        Claim boxes show the bold title above the text (``both``), or one of them; a claim with
        no title shows its text either way.
    width : int
        Characters per line before claim text wraps (default 32).
    group : {"auto", "clusters", "bands", "none"}
        Themes as cluster boxes, as colour bands with a legend, or not at all. ``auto`` uses
        clusters below 300 claims and bands from there on.
    themes : str or iterable of str, optional
        Show only claims with one of these theme ids.
    focus : str, optional
        Show only the claims within ``depth`` steps of this claim.
    depth : int
        Neighbourhood size for ``focus`` (default 1).
    direction : {"auto", "BT", "TB", "LR", "RL"} or {"up", "down", "right", "left"}
        Which way arrows run. ``BT`` puts evidence below and positions on top; ``auto``, the
        default, is ``BT`` except for a view drawn by Graphviz's own ranking that comes out
        nearer square right to left (``RL``): see :mod:`argmap.render.direction`.
    bw : bool
        Black-and-white print: no colour anywhere, relations told apart by line and arrowhead.
    legend : bool
        Add a legend box for the relations, claim kinds and statuses shown.
    title : bool
        Put the map's title (and question) above the diagram.
    status : mapping of claim id to "accepted", "rejected", "undecided" or a float in [0, 1]
        Analysis results (``highlight`` is another name for it), shown by fill colour *and*
        a text tag in the box (double border for accepted), so not by colour alone.
    href_prefix : str, optional
        Make each claim a link to ``href_prefix + claim id`` (e.g. ``"#claim-"``).
    id_prefix : str
        Prefix for SVG element ids, for pages that inline several diagrams.
    layout : mapping of str to str
        Graphviz graph attributes that override the size-based defaults (``engine`` aside,
        e.g. ``{"nslimit": "4", "splines": "ortho"}``).
    styles : mapping of id to mapping of str to str
        Graphviz attributes for single claims and links, applied over their usual look, e.g.
        ``{"stress": {"style": "rounded,dashed"}, "a1": {"penwidth": "3"}}`` (the classroom
        overlay marks missing and wrong items this way). Names are checked; values are quoted;
        ``label``, ``id``, ``URL``, ``tooltip`` and ``class`` stay argmap's.
    compact : bool
        Choose the rows from the map's shape so the drawing keeps between 1:2 and 2:1
        (default ``True``; views of 500 boxes or more keep Graphviz's ranking). See
        :mod:`argmap.render.layout` and docs/diagrams.md, "Layout".
    aspect : float
        The width:height the compact layout aims at (default 1.0, from 0.2 to 5).
    max_width : float, optional
        Aim at a drawing at most this many points wide instead (72 to the inch); theme
        boxes then become colour bands under ``group="auto"``.
    fine_print : float
        Size in points of the smallest words in a box, the kind tags (default 8, from 6 to
        14); who asserts a claim is a point larger. Paper raises it to 9: the smallest
        words set how far a drawing may shrink on the page.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Homework")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stress", "Homework causes stress.")
    'stress'
    >>> m.support("stress", "ban")
    's1'
    >>> g = to_dot(m, legend=False)
    >>> '"stress" -> "ban"' in g.source
    True
    """
    diagram = build(m, make_options(**options))
    g = _digraph_class()(name="argmap")
    g.body = diagram.lines
    return g


def __getattr__(name: str) -> Any:
    # Digraph is made on first use: the graphviz package costs a tenth of a DOT command's
    # start-up, and `argmap render -o map.dot` writes build()'s text without it.
    if name == "Digraph":
        return _digraph_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _digraph_class() -> type[graphviz.Digraph]:
    import graphviz

    class Digraph(graphviz.Digraph):  # type: ignore[misc]  # graphviz ships no type hints
        """A ``graphviz.Digraph`` whose notebook display never raises.

        ``graphviz``'s own display runs ``dot`` and raises when it is missing, which aborts a
        whole notebook run; this one draws with argmap's renderer choice (``dot``, else
        graphviz-pure) and falls back to the DOT text with a one-line hint.
        """

        def _repr_mimebundle_(
            self, include: object = None, exclude: object = None, **_: object
        ) -> dict[str, str]:
            try:
                return {"image/svg+xml": run(self.source, "svg").decode("utf-8")}
            except RenderError as exc:
                return {"text/plain": f"(diagram not drawn: {exc})\n{self.source}"}

    Digraph.__module__, Digraph.__qualname__ = __name__, "Digraph"
    return Digraph


def build(m: ArgumentMap, opts: DiagramOptions, *, accessible: bool = False) -> Diagram:
    """Build the DOT lines for ``m`` under ``opts``; with ``accessible``, the SVG titles too."""
    view = select(m, themes=opts.themes, focus=opts.focus, depth=opts.depth)
    if opts.direction != "auto":
        return _Writer(m, view, opts, accessible).write()
    w = _Writer(m, view, replace(opts, direction="BT"), accessible)
    w.prepare()
    size = max(w.diagram.node_count, w.n_edges)
    turn = not w.planned and opts.compact and PLAN_LIMIT <= size < PLAN_MAX
    if turn and choose_direction(shape_for(w, None)) == "RL":
        w = _Writer(m, view, replace(opts, direction="RL"), accessible)
        w.planned = False  # as the bottom-to-top plan was: too many long links
    return w.write()


class _Writer(ClaimBoxes, RelationTitles):
    """One diagram's worth of state: the view, the options, the lines written so far."""

    def __init__(self, m: ArgumentMap, view: View, opts: DiagramOptions, accessible: bool) -> None:
        self.m, self.view, self.opts = m, view, opts
        # Titles for screen readers cost as much as the DOT itself: only SVG needs them.
        self.accessible = accessible
        self.p = opts.id_prefix
        self.claim_ids = view.claim_ids
        # Every claim and link id the DOT names is checked here, once: the lines below write
        # them between quotes as they are (a call to dot_id per id cost more than the write).
        check_slugs(view.claim_ids)
        check_slugs(view.link_ids)
        # Junction nodes: co-premise links, and links that other links attack or back (the
        # view found them in its one pass over the links).
        self.junction_links: list[Link] = view.junctions
        self.copremises = any(len(link.sources) > 1 for link in view.junctions)  # for the legend
        self.junctions = set(map(attrgetter("id"), self.junction_links))
        self.n_edges = view.arrows
        # What the legend explains, noted while the lines are written (a big map is walked
        # once, not once per legend entry).
        self.relations_seen: set[str] = set()
        self.grouping = opts.grouping(len(view.claims))
        # Large views get labels without a table: Graphviz sizes an HTML table slowly (1.2 s
        # of 4 at 5,000 claims), and at that size a reader zooms to one box at a time.
        self.compact = len(view.claims) >= COMPACT_LIMIT
        self.theme_color = _theme_colors(m)
        # Each item's extra attributes as DOT text, written once here.
        self.styles = {
            item: "".join(f" {k}={dot_string(display_text(v))}" for k, v in attrs.items())
            for item, attrs in opts.styles.items()
        }
        self.theme_label = {t.id: t.label for t in m.themes}
        self.who = {p.id: p.label for p in m.perspectives}
        self.lines: list[str] = []
        self._tag_rows: dict[tuple[object, ...], str] = {}
        self._frames: dict[tuple[object, ...], list[str]] = {}
        self._node_looks: dict[tuple[str, str | float | None, str | None], str] = {}
        self._captions: dict[tuple[str, ...], str] = {}
        n_nodes = len(view.claims) + len(self.junctions)
        big = max(n_nodes, self.n_edges) >= SIMPLEX_LIMIT
        # Big maps write each edge from its conclusion to its reason, with dir=back and the
        # rank direction turned round: the same drawing, but Graphviz's first ordering of
        # each rank (a breadth-first walk from the nodes no edge enters) then starts at the
        # positions and follows the tree down, which has no crossings to undo. Walking up
        # from the reasons gave an order that crossing minimisation spent seconds improving
        # (dot 2.43, 5,000 claims: 29,464 crossings left after its 0.7 s; turned round, none).
        self.from_conclusions = big
        self.rankdir = _TURNED[opts.direction] if big else opts.direction
        # Cluster labels follow the rank direction: "b" is the top of a bottom-to-top map.
        self._cluster_labelloc = "b" if self.rankdir == "BT" else "t"
        # Graphviz doubles every edge's length when any edge has a label, so no edge has one
        # (the legend is a table). The very biggest ask for double length outright: it cuts
        # the work of placing nodes at 10,000 claims (dot 2.43, turned-round edges: 13.4 s
        # against 17.4) but adds to it at 5,000 (5.3 s against 4.1); the two meet at about
        # 7,500 (docs/benchmarks.md).
        self.double_ranks = max(n_nodes, self.n_edges) >= DOUBLE_LIMIT
        # Views below the size where dot's own ranking is tuned get the compact layout
        # (argmap.render.layout): levels chosen from the map's shape.
        # (argmap.render.layout); up to PLAN_MAX where the plan pays (prepare).
        self.planned = opts.compact and 1 < max(n_nodes, self.n_edges) < PLAN_MAX
        self.plan: Plan | None = None
        self._legend_made: tuple[str, LegendContent] | None = None
        self.diagram = Diagram(
            self.lines,
            title=display_text(m.title or "Argument map"),
            description=_describe_map(m, view, opts),
            node_count=n_nodes,
            grouping=self.grouping,
        )
        if accessible:  # the drawing's own group, which Graphviz titles "argmap"
            self.diagram.titles["graph0"] = self.diagram.title

    # -- the whole graph -------------------------------------------------------------------

    def prepare(self) -> None:
        """Plan the layout, with the legend in a corner, unless a big view's plan would make
        more long links than dot routes in good time (argmap.render.direction)."""
        if not self.planned or self.plan is not None:
            return
        legend = self.legend_content() if self.opts.legend else None
        made = self._legend_line(legend) if legend is not None else None
        plan = plan_for(self, made[1] if made else None)
        big = max(self.diagram.node_count, self.n_edges) >= PLAN_LIMIT
        if big and long_links(plan, link_edges(self)) > LONG_LINKS:
            self.planned = False
            return
        self.plan, self._legend_made = plan, made
        self.diagram.planned = True

    def write(self) -> Diagram:
        out = self.lines.append
        self.prepare()
        legend_line = self._legend_made
        for line in self._graph_defaults():
            out(line)
        if self.grouping == "clusters":
            self._write_clusters()
        else:
            self._write_claims(self.view.claims, "\t")
            for link in self.junction_links:  # map order keeps the output deterministic
                out(self._junction_line(link, "\t"))
        self._write_links()
        if self.opts.legend:
            if legend_line is None:
                legend_line = self._legend_line(self.legend_content())
            if legend_line is not None:
                out(legend_line[0])
        if self.plan is not None:
            self.lines.extend(plan_lines(self.plan))
        return self.diagram

    def legend_content(self) -> LegendContent:
        """What the legend lists: read off the view before the lines are written when the
        layout is planned (the legend's size counts), else off what the writing noted."""
        if self.plan is None and not self.planned:
            relations, kinds = self.relations_seen, self.kinds_seen
            first_themes = self.first_themes_seen
        else:
            relations = {self.relation(link) for link in self.view.links}
            kinds = {claim.kind for claim in self.view.claims}
            first_themes = {c.themes[0] for c in self.view.claims if c.themes}
        shown = [value for cid, value in self.opts.status.items() if cid in self.claim_ids]
        themes = []
        if self.grouping == "bands":
            themes = [
                (t.label, self.theme_color[t.id]) for t in self.m.themes if t.id in first_themes
            ]
        return LegendContent(
            relations=relations,
            copremise=self.copremises,
            kinds=kinds,
            statuses={v for v in shown if isinstance(v, str)},
            # A number with its own tag words (a class's mean) is explained by its caller.
            strength=any(
                isinstance(v, float) and cid not in self.opts.status_tags
                for cid, v in self.opts.status.items()
                if cid in self.claim_ids
            ),
            themes=themes,
        )

    def _legend_line(self, content: LegendContent) -> tuple[str, LegendContent] | None:
        node_id = f"{self.p}legend"
        made = legend_node(content, node_id, self.opts.bw, self.opts.fine_print)
        if made is None:
            return None
        self.diagram.titles[node_id] = "Legend"
        self.diagram.descriptions[node_id] = made[1]
        return made[0], content

    def _graph_defaults(self) -> Iterator[str]:
        opts = self.opts
        clustered = self.grouping == "clusters"
        n_edges = self.n_edges
        attrs = {
            "rankdir": self.rankdir,
            "fontname": f'"{FONT}"',
            "nodesep": "0.3",
            "ranksep": "0.23" if self.double_ranks else "0.45",  # the same gap either way
        }
        if self.planned:  # the gaps the plan counted with (layout.NODE_GAP, LEVEL_GAP)
            attrs.update(nodesep=f"{NODE_GAP / 72:.3g}", ranksep=f"{LEVEL_GAP / 72:.3g}")
        attrs |= {
            "pad": "0.3",
            "bgcolor": '"#FFFFFF"',
        }
        settings = layout_settings(self.diagram.node_count, n_edges, clustered=clustered)
        settings.update(opts.layout)
        attrs.update((k, dot_string(display_text(v))) for k, v in settings.items())
        if opts.title and (self.m.title or self.m.question):
            attrs.update(label=self._title_label(), labelloc="t", fontsize="18")
        yield "\tgraph [" + " ".join(f"{k}={v}" for k, v in attrs.items()) + "]\n"
        line = "#000000" if opts.bw else "#3C3C3C"
        yield (
            f'\tnode [shape=box style="rounded,filled" fillcolor="#FFFFFF" color="{line}" '
            f'fontname="{FONT}" fontsize=11 margin="0.12,0.06"]\n'
        )
        minlen = "minlen=2 " if self.double_ranks else ""
        back = "dir=back " if self.from_conclusions else ""
        yield f'\tedge [{back}{minlen}fontname="{FONT}" fontsize=9 arrowsize=0.8]\n'

    def _title_label(self) -> str:
        rows = []
        if self.m.title:
            rows.append(f"<B>{html_text(display_text(self.m.title))}</B>")
        if self.m.question:
            lines = wrap(display_text(self.m.question), max(60, self.opts.width * 3))
            question = cell(lines)
            rows.append(f'<FONT POINT-SIZE="12">{question}</FONT>')
        return "<" + "<BR/>".join(rows) + ">"

    # -- links -----------------------------------------------------------------------------

    def _junction_line(self, link: Link, indent: str) -> str:
        style = edge_style(self.relation(link), self.opts.bw)
        node_id = f"{self.p}link-{link.id}"
        if self.accessible:
            self.diagram.titles[node_id] = self._junction_title(link)
        return (
            f'{indent}"{link.id}" [id="{node_id}" shape=point width=0.11 '
            f'color="{style.color}" fillcolor="{style.color}" label=""]\n'
        )

    def _write_links(self) -> None:
        out = self.lines.append
        junctions, acc, claim_ids = self.junctions, self.accessible, self.claim_ids
        # Each edge from reason to conclusion, or turned round (see from_conclusions).
        turned = self.from_conclusions
        plan = self.plan  # never set on turned-round (big) maps
        none = "arrowtail=none" if turned else "arrowhead=none"
        looks: dict[str, tuple[str, str]] = {}  # relation -> (edge attributes, arrow)
        for link in self.view.links:  # map order keeps the output deterministic
            lid, target, sources = link.id, link.target, link.sources
            # as self.relation(link), inlined
            relation = link.kind if target in claim_ids else ON_A_LINK[link.kind]
            if relation not in looks:
                looks[relation] = self._edge_look(relation)
            look, arrow = looks[relation]
            edge_id = f"{self.p}edge-{lid}"
            if lid in self.styles:
                look = look + self.styles[lid]
            if lid not in junctions:
                if acc:
                    self.diagram.titles[edge_id] = self._edge_title(link, relation, sources[0])
                a, b = (target, sources[0]) if turned else (sources[0], target)
                extra = plan.edge_extra(a, b) if plan else ""
                out(f'\t"{a}" -> "{b}" [id="{edge_id}" {look} {arrow}{extra}]\n')
                continue
            for i, source in enumerate(sources, start=1):
                part_id = f"{edge_id}.{i}"
                if acc:
                    self.diagram.titles[part_id] = self._premise_title(link, relation, source)
                a, b = (lid, source) if turned else (source, lid)
                extra = plan.edge_extra(a, b) if plan else ""
                out(f'\t"{a}" -> "{b}" [id="{part_id}" {look} {none}{extra}]\n')
            if acc:
                self.diagram.titles[edge_id] = self._junction_title(link)
            a, b = (target, lid) if turned else (lid, target)
            extra = plan.edge_extra(a, b) if plan else ""
            out(f'\t"{a}" -> "{b}" [id="{edge_id}" {look} {arrow}{extra}]\n')
        self.relations_seen.update(looks)

    def _edge_look(self, relation: str) -> tuple[str, str]:
        style = edge_style(relation, self.opts.bw)
        look = (
            f'color="{style.color}" style={style.style} penwidth={style.penwidth} '
            f'class="{relation}"'
        )
        arrow = "arrowtail" if self.from_conclusions else "arrowhead"
        return look, f"{arrow}={style.arrowhead}"


# The rank direction that draws a turned-round edge the way round the user asked for.
_TURNED = {"BT": "TB", "TB": "BT", "LR": "RL", "RL": "LR"}


def _theme_colors(m: ArgumentMap) -> dict[str, str]:
    colors: dict[str, str] = {}
    for i, theme in enumerate(m.themes):
        color = theme.color or THEME_PALETTE[i % len(THEME_PALETTE)]
        if len(color) == 4:  # "#abc" -> "#AABBCC": Graphviz wants six digits to add alpha
            color = "#" + "".join(ch * 2 for ch in color[1:])
        colors[theme.id] = color.upper()
    return colors


def _describe_map(m: ArgumentMap, view: View, opts: DiagramOptions) -> str:
    parts = []
    if m.question:
        parts.append(f"Question: {display_text(m.question)}")
    shown = f"{len(view.claims)} claims and {len(view.links)} links"
    if len(view.claims) != len(m.claims):
        shown += f" of {len(m.claims)} claims"
    upwards = " (upwards)" if opts.direction == "BT" else ""
    parts.append(f"Argument map with {shown}; arrows point from reasons to their targets{upwards}")
    if opts.focus:
        parts.append(f"Focused on '{display_text(m.get_claim(opts.focus).label)}'")
    return " ".join(p if p[-1] in ".?!" else p + "." for p in parts)
