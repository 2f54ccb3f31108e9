"""The map's diagram shaded by the class: fill for the mean rating, border for the spread.

* A claim's **fill** is the class's mean rating, rescaled to [0, 1]: white at the scale's
  low end, full blue (grey in ``bw``) at its high end (``to_dot``'s ``status`` option with a
  number).
* Its **border** is the spread: width ``1 + 5 × spread / (half the scale)``, so a claim the
  class agrees on has a thin line and one that splits the class in two at the ends a line six
  times as thick; in colour it also shades from grey to red with the disagreement index, but
  the width alone tells it (and carries it in a black-and-white print).
* A claim nobody rated has a dotted border and no fill.
* A rated link's **line width** is ``0.8 + 3.2 ×`` the class's rescaled mean rating of it.

A key cluster beside the usual legend says all this on the diagram itself. The styling goes
through :func:`argmap.to_dot`'s ``status`` and per-item ``styles`` options; the writer's own
look is not changed.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from ..errors import RenderError
from ..io.files import atomic_write
from ..render.backend import FORMATS, find_renderer, run
from ..render.dot import build, to_dot
from ..render.options import DiagramKeywords, make_options
from ..render.quoting import display_text, dot_string
from ..render.style import status_fill
from ..render.svg import accessible_svg
from ..render.viewer import SCREEN_WIDTH, VIEWER_CSS, viewer_html

if TYPE_CHECKING:
    from .stats import JudgementStats

__all__ = [
    "JudgementView",
    "judgement_dot",
    "judgement_look",
    "judgement_svg",
    "judgement_tags",
    "render_judgement",
]

_AGREE = (0x4D, 0x4D, 0x4D)
_SPLIT = (0xC0, 0x39, 0x2B)


def _blend(t: float, bw: bool) -> str:
    if bw:
        return "#000000"
    rgb = (round(a + (b - a) * t) for a, b in zip(_AGREE, _SPLIT, strict=True))
    return "#" + "".join(f"{c:02X}" for c in rgb)


def border_width(relative_spread: float) -> float:
    """Border width for a spread given as a share of half the scale (0 to 1)."""
    return round(1.0 + 5.0 * min(max(relative_spread, 0.0), 1.0), 2)


def judgement_look(
    j: JudgementStats, *, bw: bool = False
) -> tuple[dict[str, float], dict[str, dict[str, str]]]:
    """The ``status`` (fill) and ``styles`` (border, link width) options for the diagram.

    Examples
    --------
    >>> import argmap
    >>> from argmap.judgements import ratings_from_rows
    >>> m = argmap.ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> m.claim("u", "Unrated.")
    'u'
    >>> j = argmap.judge(m, ratings_from_rows([("a", "t", 4), ("b", "t", 0)], m))
    >>> status, styles = judgement_look(j)
    >>> status, styles["t"]["penwidth"], styles["u"]["style"]
    ({'t': 0.5}, '6.0', 'rounded,filled,dotted')
    """
    half = j.scale.width / 2
    status: dict[str, float] = {}
    styles: dict[str, dict[str, str]] = {}
    kinds = {c.id: c.kind for c in j.map.claims}
    for s in j.claims:
        if s.mean is None or s.spread is None:
            if kinds[s.id] != "assumption":  # an assumption's dashes say what it is
                styles[s.id] = {"style": "rounded,filled,dotted"}
            continue
        status[s.id] = round(j.scale.rescale(s.mean), 6)
        relative = s.spread / half
        # Width by the spread; colour by the disagreement index (the spread squared, in
        # these units), so a usual spread stays grey and only a split class turns red.
        styles[s.id] = {
            "penwidth": str(border_width(relative)),
            "color": _blend(min(relative * relative, 1.0), bw),
        }
    for s in j.links:
        if s.mean is not None:
            styles[s.id] = {"penwidth": str(round(0.8 + 3.2 * j.scale.rescale(s.mean), 2))}
    return status, styles


def judgement_tags(j: JudgementStats) -> dict[str, str]:
    """Each rated claim's tag on the diagram: the class's mean on the scale, "class 3.1/4".

    The fill is the mean rescaled to [0, 1], but a teacher reads the class's own numbers:
    the tag says the mean on the scale the class rated on, and that it is the class's.

    Examples
    --------
    >>> import argmap
    >>> from argmap.judgements import Scale
    >>> m = argmap.ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> judgement_tags(argmap.judge(m, [("a", "t", 4), ("b", "t", 2.25)]))
    {'t': 'class 3.1/4'}
    >>> judgement_tags(argmap.judge(m, [("a", "t", 6)], scale=Scale(1, 7)))
    {'t': 'class 6.0 on 1–7'}
    """
    low, high = j.scale.low, j.scale.high
    tags = {}
    for s in j.claims:
        if s.mean is not None:
            on = f"/{high:g}" if low == 0 else f" on {low:g}–{high:g}"
            tags[s.id] = f"class {s.mean:.1f}{on}"
    return tags


def _options(j: JudgementStats, options: dict[str, Any]) -> dict[str, Any]:
    if "status" in options or "highlight" in options:
        raise RenderError("the judgement diagram sets the fill itself: leave out status")
    status, styles = judgement_look(j, bw=bool(options.get("bw", False)))
    for item, attrs in (options.pop("styles", None) or {}).items():
        styles[item] = {**styles.get(item, {}), **attrs}  # the caller's attributes win
    tags = {**judgement_tags(j), **(options.pop("status_tags", None) or {})}
    return {**options, "status": status, "styles": styles, "status_tags": tags}


def judgement_dot(j: JudgementStats, **options: Unpack[DiagramKeywords]) -> Any:
    """The shaded diagram as a ``graphviz.Digraph`` (options as for :func:`argmap.to_dot`)."""
    opts = _options(j, dict(options))
    g = to_dot(j.map, **opts)
    if opts.get("legend", True):
        g.body.extend(_key(j, opts.get("id_prefix", ""), bool(opts.get("bw", False)), {}))
    return g


def render_judgement(
    j: JudgementStats, path: str | Path, **options: Unpack[DiagramKeywords]
) -> None:
    """Write the shaded diagram to ``path``; the extension picks the format."""
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(FORMATS))
        raise RenderError(f"{target}: cannot tell the format from {target.suffix!r} (use {known})")
    if fmt == "svg":
        svg = judgement_svg(j, **options)
        atomic_write(target, '<?xml version="1.0" encoding="UTF-8"?>\n' + svg)
        return
    opts = make_options(**_options(j, dict(options)))
    diagram = build(j.map, opts)
    if opts.legend:
        diagram.lines.extend(_key(j, opts.id_prefix, opts.bw, diagram.titles))
    if fmt == "dot":
        atomic_write(target, diagram.source())
        return
    atomic_write(target, run(diagram.source(), fmt, renderer=find_renderer(fmt)))


def judgement_svg(j: JudgementStats, **options: Any) -> str:
    """The shaded diagram as accessible SVG text (no XML declaration); needs Graphviz."""
    opts = make_options(**_options(j, dict(options)))
    diagram = build(j.map, opts, accessible=True)
    if opts.legend:
        per_row = 2 if opts.max_width else 6  # a width to fit: a narrow key
        diagram.lines.extend(_key(j, opts.id_prefix, opts.bw, diagram.titles, per_row))
    raw = run(diagram.source(), "svg", renderer=find_renderer("svg"))
    return accessible_svg(raw, diagram, opts.id_prefix)


class JudgementView:
    """The shaded diagram in a notebook: fitted to a cell in the zoom-and-pan viewer.

    Laid out for a column about 800 pixels wide (the compact layout aimed at
    :data:`argmap.render.viewer.SCREEN_WIDTH` points), like a map's own view; without
    Graphviz it shows the DOT text with a one-line hint instead of raising.
    """

    def __init__(self, j: JudgementStats, options: dict[str, Any]) -> None:
        make_options(**_options(j, dict(options)))  # a bad option fails here, not on display
        self.judgement = j
        self.options = {"max_width": SCREEN_WIDTH, **options}

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        try:
            svg = judgement_svg(self.judgement, **self.options)
        except RenderError as exc:
            source = judgement_dot(self.judgement, **self.options).source
            return {"text/plain": f"(diagram not drawn: {exc})\n{source}"}
        return {"text/html": f"<style>{VIEWER_CSS}</style>{viewer_html(svg)}"}

    def __repr__(self) -> str:
        return f"<judged diagram of {self.judgement.map.title or 'a map'}>"


def _key(
    j: JudgementStats, prefix: str, bw: bool, titles: dict[str, str], per_row: int = 6
) -> list[str]:
    """A cluster explaining fill, border and dots, with sample boxes."""
    low, high = j.scale.low, j.scale.high
    mid = (low + high) / 2
    n = len(j.raters)
    samples = [
        ("low", f"class mean {low:g} (lowest)", status_fill(0.0, bw), 1.0, _blend(0, bw), ""),
        ("mid", f"class mean {mid:g}", status_fill(0.5, bw), 1.0, _blend(0, bw), ""),
        ("high", f"class mean {high:g} (highest)", status_fill(1.0, bw), 1.0, _blend(0, bw), ""),
        ("agree", "all agree: thin border", "#FFFFFF", 1.0, _blend(0, bw), ""),
        ("split", "split at both ends: thick", "#FFFFFF", 6.0, _blend(1, bw), ""),
        ("unrated", "not rated", "#FFFFFF", 1.0, _blend(0, bw), ",dotted"),
    ]

    key_id = f"{prefix}judgement-key"
    titles[key_id] = "Key to the class's ratings"
    label = dot_string(display_text(f"The class's ratings ({n} rater{'s' if n != 1 else ''})"))
    out = [
        '\tsubgraph "cluster judgement key" {\n',
        f'\t\tgraph [id="{key_id}" label={label} style="rounded" color="#999999" '
        "fontsize=11 labeljust=l]\n",
    ]
    for name, text, fill, width, color, dots in samples:
        node_id = f"{key_id}-{name}"
        titles[node_id] = f"key: {text}"
        out.append(
            f'\t\t"judgement key {name}" [id="{node_id}" shape=box style="rounded,filled{dots}" '
            f'fillcolor="{fill}" color="{color}" penwidth={width} fontsize=9 height=0.2 '
            f'margin="0.1,0.05" label={dot_string(display_text(text))}]\n'
        )
    # Rows of samples side by side; invisible edges within a rank run left to right, which
    # keeps them in reading order, and one between rows stacks them (a fitted view's key
    # in rows of two stays narrow enough to sit beside the drawing).
    names = [f'"judgement key {s[0]}"' for s in samples]
    rows = [names[k : k + per_row] for k in range(0, len(names), per_row)]
    for row in rows:
        out.append(f"\t\t{{rank=same; {' '.join(row)}}}\n")
        out += [f"\t\t{a} -> {b} [style=invis]\n" for a, b in itertools.pairwise(row)]
    out += [f"\t\t{b[0]} -> {a[0]} [style=invis]\n" for a, b in itertools.pairwise(rows)]
    out.append("\t}\n")
    return out
