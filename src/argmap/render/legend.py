"""The diagram's legend: one compact box, for a corner of the drawing.

The legend used to be a cluster of sample edges between sample boxes, side by side: on the
reference map it took a third of the width. Now it is a single node holding a table, one row
per thing the map shows: a sample drawn in the relation's colour with line characters of
its style (solid ``━``, dashed ``╍``, dotted ``┉``) ending in its arrowhead (``▶`` filled,
``┫`` bar, ``○┫`` bar and ring, ``▷`` open), the position and assumption boxes as bordered
cells, status fills as filled cells. Only what the map uses is listed. A screen reader gets
the same list in words (the node's title and description).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .quoting import display_text, html_text
from .style import edge_style, status_fill

__all__ = ["LegendContent", "legend_node"]

#: Line characters and arrowhead of each relation's sample, from the line to the tip.
_GLYPHS = {
    "support": ("━━━", "▶"),
    "attack": ("╍╍╍", "┫"),
    "undercut": ("┉┉", "○┫"),
    "warrant": ("┉┉┉", "▷"),
}
_MEANING = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts an inference",
    "warrant": "backs an inference",
}
_SPOKEN = {
    "support": "solid line with a filled arrowhead",
    "attack": "dashed line ending in a bar",
    "undercut": "dotted line ending in a ring and a bar, at a junction dot",
    "warrant": "dotted line with an open arrowhead, at a junction dot",
}
_STATUS_TEXT = {
    "accepted": "✓ accepted",
    "rejected": "✗ rejected",
    "undecided": "? undecided",
}
#: Name of the legend node in DOT: the space keeps it apart from every claim id (a slug).
NAME = "legend box"


@dataclass
class LegendContent:
    """What the legend lists; empty content draws no legend."""

    relations: set[str] = field(default_factory=set)
    copremise: bool = False
    kinds: set[str] = field(default_factory=set)
    statuses: set[str] = field(default_factory=set)
    strength: bool = False
    themes: list[tuple[str, str]] = field(default_factory=list)  # (label, colour)

    def rows(self) -> list[tuple[str, str]]:
        """(sample, meaning) pairs in display order; samples are plain text here."""
        out = [(_GLYPHS[r][0] + _GLYPHS[r][1], _MEANING[r]) for r in _GLYPHS if r in self.relations]
        if self.copremise:
            out.append(("━●━▶", "linked premises, only together"))
        if "position" in self.kinds:
            out.append(("POSITION", "an answer to the question"))
        if "assumption" in self.kinds:
            out.append(("ASSUMPTION", "an implicit premise"))
        out.extend((_STATUS_TEXT[s], "") for s in _STATUS_TEXT if s in self.statuses)
        if self.strength:
            out.append(("strength 0.50", "fill grows with strength"))
        out.extend(("   ", label) for label, _ in self.themes)
        return out


def legend_node(
    content: LegendContent, node_id: str, bw: bool, fine: float = 8.0
) -> tuple[str, str] | None:
    """The legend's DOT node statement and its description in words, or None if empty.

    ``fine`` is the size in points of the legend's smallest words (its box samples).

    Examples
    --------
    >>> line, words = legend_node(LegendContent(relations={"support"}), "legend", False)
    >>> 'id="legend"' in line, words
    (True, 'support: solid line with a filled arrowhead.')
    """
    rows = [_row(r, bw) for r in _GLYPHS if r in content.relations]
    spoken = [f"{r}: {_SPOKEN[r]}" for r in _GLYPHS if r in content.relations]
    if content.copremise:
        color = edge_style("support", bw).color
        rows.append(_pair(f'<FONT COLOR="{color}">━●━▶</FONT>', "linked premises, only together"))
        spoken.append("linked co-premises: lines meeting in a dot, then one arrow")
    rows.extend(_kind_rows(content, bw, spoken, fine))
    rows.extend(_status_rows(content, bw, spoken))
    for label, color in content.themes:
        swatch = f'<TD BGCOLOR="{"#666666" if bw else color}" WIDTH="24"></TD>'
        rows.append(f'<TR>{swatch}<TD ALIGN="LEFT">{html_text(display_text(label))}</TD></TR>')
        spoken.append(f"theme {display_text(label)}: a band in its colour")
    if not rows:
        return None
    border = "#000000" if bw else "#999999"
    table = (
        f'<TABLE BORDER="1" COLOR="{border}" STYLE="rounded" CELLBORDER="0" CELLSPACING="2" '
        'CELLPADDING="1"><TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>'
        + "".join(rows)
        + "</TABLE>"
    )
    line = (
        f'\t"{NAME}" [id="{node_id}" shape=plaintext style="" margin=0 fontsize=10 '
        f"label=<{table}>]\n"
    )
    return line, "; ".join(spoken) + "."


def _pair(sample: str, meaning: str) -> str:
    return f'<TR><TD ALIGN="LEFT">{sample}</TD><TD ALIGN="LEFT">{meaning}</TD></TR>'


def _row(relation: str, bw: bool) -> str:
    style = edge_style(relation, bw)
    line, head = _GLYPHS[relation]
    return _pair(f'<FONT COLOR="{style.color}">{line}{head}</FONT>', _MEANING[relation])


def _kind_rows(content: LegendContent, bw: bool, spoken: list[str], fine: float) -> list[str]:
    rows = []
    if "position" in content.kinds:
        fill = "" if bw else ' BGCOLOR="#FFF8E6"'
        rows.append(
            f'<TR><TD BORDER="2" STYLE="rounded"{fill}>'
            f'<FONT POINT-SIZE="{fine:g}">POSITION</FONT></TD>'
            '<TD ALIGN="LEFT">an answer to the question</TD></TR>'
        )
        spoken.append("position: a box with a thick border")
    if "assumption" in content.kinds:
        rows.append(
            f'<TR><TD BORDER="1" STYLE="dashed"><FONT POINT-SIZE="{fine:g}">ASSUMPTION</FONT></TD>'
            '<TD ALIGN="LEFT">an implicit premise</TD></TR>'
        )
        spoken.append("assumption: a box with a dashed border")
    return rows


def _status_rows(content: LegendContent, bw: bool, spoken: list[str]) -> list[str]:
    rows = []
    for value, text in _STATUS_TEXT.items():
        if value in content.statuses:
            fill = status_fill(value, bw)
            border = ' BORDER="2"' if value == "accepted" else ' BORDER="1"'
            note = "double border" if value == "accepted" else ""
            rows.append(
                f'<TR><TD BGCOLOR="{fill}"{border}>{text}</TD><TD ALIGN="LEFT">{note}</TD></TR>'
            )
            spoken.append(f"{value}: tagged '{text}', filled")
    if content.strength:
        rows.append(
            f'<TR><TD BGCOLOR="{status_fill(0.5, bw)}" BORDER="1">strength 0.50</TD>'
            '<TD ALIGN="LEFT">fill grows with strength</TD></TR>'
        )
        spoken.append("strength: tagged with its value, fill darker for stronger")
    return rows
