"""A diagram that fits where it is shown: a notebook cell or the HTML report.

:func:`screen_svg` lays a map out for a column about 800 CSS pixels wide: the compact layout
aims at :data:`SCREEN_WIDTH` points across, which, shrunk to the column, keeps claim text at
least 9 pixels high; a map too big for that (its drawing would be more than
:data:`MAX_TALL` times as tall as wide) keeps the balanced layout instead and is read by
zooming in.

:func:`viewer_html` wraps the SVG in a small viewer: the drawing at the column's width (never
wider, so the page never scrolls sideways), and zoom buttons (fit, 2x, 4x, actual size)
under which the drawing pans in its own box, by scrolling, dragging the scroll bars, or the
arrow keys once it has focus. It is HTML and CSS only - radio buttons and the ``:checked``
selector, no script - so it works offline, inside the report's Content-Security-Policy
(no scripts at all) and in notebook viewers that strip scripts.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Unpack

from ..errors import RenderError
from ..model import ArgumentMap
from .dot import build
from .options import make_options
from .output import svg_once, svg_size, svg_text
from .quoting import Plain, html_escape
from .select import select

if TYPE_CHECKING:
    from .options import DiagramKeywords, DiagramOptions

__all__ = [
    "INLINE_LIMIT",
    "MAX_TALL",
    "SCREEN_CLAIMS",
    "SCREEN_WIDTH",
    "VIEWER_CSS",
    "DiagramView",
    "fitted_svg",
    "inline_bundle",
    "screen_svg",
    "view",
    "viewer_html",
]

#: Widest drawing, in points, that an 800-pixel column shows with 11-point claim text at
#: least 9 pixels high (DejaVu Sans's line box is 1.16 em; 740 px of the 800 are left for
#: the drawing after margins): 740 * 11 * 1.16 / 9.5 pixels per point of width.
SCREEN_WIDTH = 990.0
#: Maps up to this many claims are fitted to the column; larger ones are read by zooming.
SCREEN_CLAIMS = 80
#: A drawing fitted to the column that comes out taller than this many widths is too long
#: to scroll through: the map is drawn balanced instead, and read by zooming.
MAX_TALL = 4.0

_ZOOMS = (("fit", "Fit width", None), ("z2", "2×", 200), ("z4", "4×", 400))
_uid = itertools.count(1)

# The zoom button in force, and the one with keyboard focus (the radio input is hidden).
_PRESSED = "background: #e8eef7; border-color: #456;"
_FOCUSED = "outline: 2px solid #c99a00;"

#: Styles of every viewer on a page (the report includes them once; a notebook output
#: carries them with each diagram). Each viewer adds the one rule that depends on its size.
VIEWER_CSS = (
    """
.amv { position: relative; margin: .5rem 0; max-width: 100%; }
.amv-bar { display: flex; flex-wrap: wrap; gap: .2rem .9rem; align-items: center;
  font: 13px/1.4 system-ui, sans-serif; margin-bottom: .3rem; }
.amv > input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.amv-bar label { cursor: pointer; padding: 0 .4rem; border: 1px solid #bbb; border-radius: 3px; }
.amv-bar a { margin-left: auto; }
.amv-pane { overflow: hidden; max-width: 100%; border: 1px solid #ddd; background: #fff; }
.amv-pane:focus { outline: 2px solid #c99a00; }
.amv-canvas { width: 100%; }
.amv-canvas svg { display: block; width: 100%; height: auto; }
.amv-z2:checked ~ .amv-pane, .amv-z4:checked ~ .amv-pane, .amv-full:checked ~ .amv-pane {
  overflow: auto; max-height: 85vh; }
.amv-z2:checked ~ .amv-pane .amv-canvas { width: 200%; }
.amv-z4:checked ~ .amv-pane .amv-canvas { width: 400%; }
"""
    + "".join(
        f".amv-{z}:checked ~ .amv-bar label[for$='-{z}'] {{ {_PRESSED} }}\n"
        f".amv-{z}:focus-visible ~ .amv-bar label[for$='-{z}'] {{ {_FOCUSED} }}\n"
        for z in ("fit", "z2", "z4", "full")
    )
    + """@media print { .amv-bar { display: none; } .amv-pane { border: none; } }
"""
)


def screen_svg(m: ArgumentMap, **options: Unpack[DiagramKeywords]) -> str:
    """Accessible SVG of ``m`` laid out to fit an 800-pixel column (see the module's notes).

    ``options`` are those of :func:`argmap.to_dot`. Tries, in turn, the compact layout at
    :data:`SCREEN_WIDTH` and a little narrower, with claim text wrapped at ``width`` and a
    few characters less, and keeps the first drawing that fits (one run of ``dot`` each, at
    most :data:`SCREEN_TRIES`). A map of more than :data:`SCREEN_CLAIMS` claims, or one that
    fits only as a column too long to scroll, is drawn balanced. Raises
    :class:`argmap.RenderError` without Graphviz.
    """
    from .options import make_options

    return fitted_svg(m, make_options(**options), width_given="width" in options)


def fitted_svg(m: ArgumentMap, opts: DiagramOptions, *, width_given: bool) -> str:
    """:func:`screen_svg` for options already checked; ``width_given`` keeps their wrap
    width as it is instead of trying narrower ones."""
    if len(m.claims) > SCREEN_CLAIMS or not opts.compact or opts.direction in ("LR", "RL"):
        return svg_text(m, opts)[0]
    goal = opts.max_width or SCREEN_WIDTH
    wraps = [opts.width] if width_given else [opts.width, opts.width - 4, opts.width - 8]
    narrowest: tuple[float, str] | None = None
    for wrap_at in wraps:
        for aim in (goal, goal * 0.85):
            svg = svg_once(m, replace(opts, width=max(8, wrap_at), max_width=aim))
            width, height = svg_size(svg.encode("utf-8"))
            if width <= goal and height <= MAX_TALL * width:
                return svg
            if narrowest is None or width < narrowest[0]:
                narrowest = (width, svg)
    assert narrowest is not None
    if narrowest[0] <= goal:
        return narrowest[1]
    return svg_text(m, opts)[0]


def viewer_html(svg: str, *, full_href: str | None = None, uid: str | None = None) -> str:
    """``svg`` (inline SVG text) in a zoom-and-pan viewer; ``full_href`` links the full SVG.

    Examples
    --------
    >>> page = viewer_html('<svg width="10pt" height="5pt" viewBox="0 0 10 5"></svg>', uid="d")
    >>> 'id="d-fit" class="amv-fit" checked' in page, "<script" in page
    (True, False)
    """
    uid = uid or f"amv{next(_uid)}"
    width, _ = svg_size(svg.encode("utf-8"))
    actual = round(width * 4 / 3)  # SVG points to CSS pixels
    radios = []
    for name, label, _ in (*_ZOOMS, ("full", "Actual size", actual)):
        checked = " checked" if name == "fit" else ""
        radios.append(
            f'<input type="radio" name="{uid}-zoom" id="{uid}-{name}" class="amv-{name}"'
            f'{checked}><label for="{uid}-{name}">{label}</label>'
        )
    link = (
        f'<a href="{html_escape(Plain(full_href))}" download="diagram.svg">Full-size SVG</a>'
        if full_href
        else ""
    )
    own_rule = f"#{uid}-full:checked ~ .amv-pane .amv-canvas {{ width: {actual}px; }}"
    return _assemble(uid, own_rule, radios, link, svg)


def _assemble(uid: str, own_rule: str, radios: list[str], link: str, svg: str) -> str:
    # Inputs first (siblings of the pane, for the ~ selectors), labels in the bar.
    inputs = "".join(r.split("<label")[0] for r in radios)
    labels = "".join("<label" + r.split("<label", 1)[1] for r in radios)
    return (
        f'<div class="amv" id="{uid}"><style>{own_rule}</style>{inputs}'
        f'<div class="amv-bar" role="group" aria-label="Zoom">{labels}{link}</div>'
        f'<div class="amv-pane" tabindex="0" aria-label="Diagram; scroll to pan when zoomed">'
        f'<div class="amv-canvas">{svg}</div></div></div>'
    )


# -- the notebook view (``m.view()``, and a map shown in a cell) ----------------------------

#: Maps larger than this are not laid out for inline display unless asked for by view().
INLINE_LIMIT = 1000


def view(m: ArgumentMap, **options: Unpack[DiagramKeywords]) -> DiagramView:
    """A notebook view of the map's diagram: ``view(m, focus="state-capitalism", depth=2)``."""
    # A bad option, theme or focus fails here, not later inside the display hook.
    opts = make_options(**options)
    select(m, themes=opts.themes, focus=opts.focus, depth=opts.depth)
    return DiagramView(m, dict(options), opts)


class DiagramView:
    """Displays inline in Jupyter; falls back to DOT text with a hint, never raises.

    The display is HTML: the SVG laid out to fit a cell about 800 pixels wide with claim
    text at least 9 pixels high, in a zoom-and-pan viewer without script
    (:mod:`argmap.render.viewer`). Only one kind of rich output is offered per bundle:
    Jupyter shows the richest it knows, and Markdown beside the picture would win over it.
    """

    def __init__(
        self, m: ArgumentMap, options: dict[str, Any], opts: DiagramOptions | None = None
    ) -> None:
        self.map = m
        self.options = dict(options)
        # Checked once, here; every drawing of the view reuses them.
        self.opts = opts if opts is not None else make_options(**self.options)

    def source(self) -> str:
        """The DOT text of this view."""
        return build(self.map, self.opts).source()

    def svg(self) -> str:
        """The accessible SVG text; raises :class:`argmap.RenderError` without Graphviz."""
        return svg_text(self.map, self.opts)[0]

    def _repr_svg_(self) -> str | None:
        try:
            return self.svg()
        except RenderError:
            return None

    def html(self) -> str:
        """The notebook display: the fitted SVG in its viewer, with the viewer's styles."""
        svg = fitted_svg(self.map, self.opts, width_given="width" in self.options)
        return f"<style>{VIEWER_CSS}</style>{viewer_html(svg)}"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        try:
            return {"text/html": self.html()}
        except RenderError as exc:
            hint = f"(diagram not drawn: {exc})"
            return {"text/plain": f"{hint}\n{self.source()}"}

    def __repr__(self) -> str:
        return f"<argmap diagram of {len(self.map.claims)} claims {self.options or ''}>".replace(
            " >", ">"
        )


def inline_bundle(m: ArgumentMap) -> dict[str, str]:
    """The notebook display of a whole map: its diagram, or a hint for very large maps."""
    if len(m.claims) > INLINE_LIMIT:
        return {
            "text/plain": (
                f"{m.title or 'Argument map'}\n(argmap: {len(m.claims)} claims are too many "
                "to draw inline; use m.view(focus=ID, depth=2), m.view(themes=...) "
                "or m.render('map.svg'))"
            )
        }
    return DiagramView(m, {})._repr_mimebundle_()
