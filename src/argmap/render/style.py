"""The visual language of argmap diagrams, in one place (documented in ``docs/diagrams.md``).

Every relation differs from the others by line style *and* arrowhead, not by colour alone,
so a black-and-white print or a colour-blind reader still tells support from attack. Colours
are chosen from palettes that stay distinct under the common colour-vision deficiencies
(Okabe and Ito's for themes).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EDGE_STYLES", "FONT", "THEME_PALETTE", "EdgeStyle", "edge_style", "status_fill"]

FONT = "Helvetica,Arial,sans-serif"

#: Okabe & Ito (2008) colour-blind-safe palette, for themes that declare no colour.
THEME_PALETTE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
)


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How one relation is drawn: Graphviz ``color``, ``style``, ``arrowhead``, ``penwidth``."""

    name: str
    verb: str
    color: str
    style: str
    arrowhead: str
    penwidth: str


#: support, attack, undercut (attack on a link), warrant (support of a link).
EDGE_STYLES = {
    "support": EdgeStyle("support", "supports", "#1A7F37", "solid", "normal", "1.4"),
    "attack": EdgeStyle("attack", "attacks", "#C62828", "dashed", "tee", "1.4"),
    "undercut": EdgeStyle("undercut", "undercuts", "#7B3294", "dotted", "teeodot", "2"),
    "warrant": EdgeStyle("warrant", "backs", "#1A7F37", "dotted", "onormal", "1.6"),
}


def edge_style(relation: str, bw: bool) -> EdgeStyle:
    """The style of ``relation``; in black-and-white mode every colour becomes black."""
    style = EDGE_STYLES[relation]
    if bw:
        return EdgeStyle(
            style.name, style.verb, "#000000", style.style, style.arrowhead, style.penwidth
        )
    return style


def status_fill(value: str | float, bw: bool) -> str:
    """Fill colour for an analysis status or a strength in [0, 1] (lighter is weaker)."""
    if isinstance(value, float):
        # Blend white to a mid blue (or a mid grey in print) in proportion to the strength.
        end = (0x88, 0x88, 0x88) if bw else (0x6B, 0xAE, 0xD6)
        rgb = (round(255 + (e - 255) * value) for e in end)
        return "#" + "".join(f"{c:02X}" for c in rgb)
    if bw:
        return {"accepted": "#FFFFFF", "rejected": "#D9D9D9", "undecided": "#F2F2F2"}[value]
    return {"accepted": "#D9F2D0", "rejected": "#F8D7D4", "undecided": "#FFF3C4"}[value]
