"""Claim boxes in DOT: labels, looks, tags, captions, and theme clusters around them.

A mixin of :class:`argmap.render.dot._Writer`, kept apart because a big map spends most of
its DOT time here: each claim's label is a frame shared by every claim of the same kind,
basis, theme band, status and speakers (built once, cached), with the claim's own title
and text cells slotted in.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

from ..model import ArgumentMap, Claim, Link
from .diagram import Diagram
from .quoting import display_text, dot_id, dot_string, html_text, url_text
from .select import View, field_dicts
from .style import status_fill
from .wrapping import SLOT, cell, text_cells, title_slot, wrap

if TYPE_CHECKING:
    from .options import DiagramOptions

__all__ = ["ClaimBoxes"]

_KIND_TAG = {"position": "POSITION", "evidence": "EVIDENCE", "assumption": "ASSUMPTION"}
_TEXT = itemgetter("text")
_STATUS_TAG = {"accepted": "✓ accepted", "rejected": "✗ rejected", "undecided": "? undecided"}


class ClaimBoxes:
    """Writes claim nodes and theme clusters; the state it reads is the writer's."""

    m: ArgumentMap
    view: View
    opts: DiagramOptions
    diagram: Diagram
    lines: list[str]
    p: str
    accessible: bool
    compact: bool
    grouping: str
    junction_links: list[Link]
    junctions: set[str]
    theme_color: dict[str, str]
    theme_label: dict[str, str]
    who: dict[str, str]
    styles: dict[str, str]
    _cluster_labelloc: str
    _tag_rows: dict[tuple[object, ...], str]
    _frames: dict[tuple[object, ...], list[str]]
    _node_looks: dict[tuple[str, str | float | None, str | None], str]
    _captions: dict[tuple[str, ...], str]

    def _junction_line(self, link: Link, indent: str) -> str:
        raise NotImplementedError  # the writer's

    # -- themes as clusters ----------------------------------------------------------------

    def _write_clusters(self) -> None:
        out = self.lines.append
        members: dict[str | None, list[Claim]] = {}
        for claim in self.view.claims:
            home = next((t for t in claim.themes if t in self.theme_label), None)
            members.setdefault(home, []).append(claim)
        cluster_of = {c.id: home for home, cs in members.items() for c in cs}
        junctions_in: dict[str | None, list[Link]] = {}
        for link in self.junction_links:
            homes = {cluster_of.get(s) for s in link.sources}
            home = homes.pop() if len(homes) == 1 else None
            junctions_in.setdefault(home, []).append(link)
        for theme in self.m.themes:
            if theme.id not in members:
                continue
            color = "#666666" if self.opts.bw else self.theme_color[theme.id]
            fill = "#FFFFFF" if self.opts.bw else color + "14"
            label = html_text(display_text(theme.label))
            cluster_id = f"{self.p}theme-{theme.id}"
            self.diagram.titles[cluster_id] = f"Theme: {display_text(theme.label)}"
            if theme.description:
                self.diagram.descriptions[cluster_id] = display_text(theme.description)
            out(f"\tsubgraph {dot_id('cluster_' + theme.id)} {{\n")
            out(
                f'\t\tgraph [id="{cluster_id}" label=<<B>{label}</B>> style="rounded,filled" '
                f'color="{color}" fillcolor="{fill}" penwidth=1.5 fontsize=13 '
                f'fontcolor="#222222" labeljust=l labelloc={self._cluster_labelloc}]\n'
            )
            self._write_claims(members[theme.id], "\t\t")
            for link in junctions_in.get(theme.id, ()):
                out(self._junction_line(link, "\t\t"))
            out("\t}\n")
        self._write_claims(members.get(None, []), "\t")
        for link in junctions_in.get(None, ()):
            out(self._junction_line(link, "\t"))

    # -- claims ----------------------------------------------------------------------------

    def _write_claims(self, claims: list[Claim], indent: str) -> None:
        # The loop of a big map: locals instead of attribute lookups, each claim's fields
        # read from its dict (see field_dicts), its look (node attributes, label frame)
        # fetched from a cache by what it depends on, its cells wrapped for all claims at
        # once, and the label put together here rather than in a call per claim.
        out = self.lines.append
        opts, p = self.opts, self.p
        status_of, href_prefix, accessible = opts.status, opts.href_prefix, self.accessible
        status_tags = opts.status_tags
        looks = self._node_looks
        styles = self.styles
        compact_bands = self.compact and self.grouping == "bands"
        bands = self.grouping == "bands"
        frames = self._frames
        use_titles, use_text = opts.labels != "text", opts.labels != "title"
        rows = field_dicts(claims)
        body_cells = text_cells(list(map(_TEXT, rows)), opts.width)
        # A claim without a title gets an empty cell it never shows.
        title_cells = text_cells([row["title"] or "" for row in rows], opts.width)
        each = zip(claims, rows, body_cells, title_cells, strict=True)
        for claim, row, text_cell, title_cell in each:
            cid, kind, themes = row["id"], row["kind"], row["themes"]
            if accessible:
                node_id = f"{p}node-{cid}"
                self.diagram.titles[node_id] = display_text(row["text"])
                self.diagram.descriptions[node_id] = self._claim_description(claim)
            status = status_of.get(cid)
            border = themes[0] if themes and compact_bands else None
            look = looks.get((kind, status, border))
            if look is None:
                look = looks[(kind, status, border)] = self._node_look(kind, status, border)
            if cid in styles:
                look += styles[cid]
            if href_prefix is not None:
                href = url_text(href_prefix + cid)
                tooltip = dot_string(display_text(row["text"]))
                look += f" URL={dot_string(href)} tooltip={tooltip}"
            # The label: a frame shared by many claims (tag row, caption, colour band, table
            # markup) with the claim's own title and text cells slotted in; the frame is
            # built once per distinct look, which on a big map is most of the work saved.
            titled = bool(row["title"]) and use_titles
            show_text = use_text or not titled
            theme = themes[0] if themes and bands else None
            tag = status_tags.get(cid)  # a status number's own words, if the caller gave them
            key = (kind, row["basis"], theme, status, tag, titled, show_text, *row["asserted_by"])
            frame = frames.get(key)
            if frame is None:
                frame = frames[key] = self._frame(claim, status, titled, show_text)
            # Each line is one f-string: a big map's labels are not copied twice.
            start = f'{indent}"{cid}" [id="{p}node-{cid}" label={frame[0]}'
            if titled:
                if show_text:
                    out(f"{start}{title_cell}{frame[1]}{text_cell}{frame[2]}{look}]\n")
                else:
                    out(f"{start}{title_cell}{frame[1]}{look}]\n")
            else:
                out(f"{start}{text_cell}{frame[1]}{look}]\n")

    # What the legend explains, read off the caches the claims filled (kind and status key
    # each node look; in bands the first theme keys each label frame).

    @property
    def kinds_seen(self) -> set[str]:
        return {kind for kind, _, _ in self._node_looks}

    @property
    def first_themes_seen(self) -> set[str]:
        return {key[2] for key in self._frames if isinstance(key[2], str)}

    def _node_look(self, kind: str, status: str | float | None, border: str | None) -> str:
        """The node attributes after the label, shared by every claim of a kind and status.

        ``border`` is the theme whose colour a compact label's box takes (its band).
        """
        attrs = []
        if border is not None:
            color = "#666666" if self.opts.bw else self.theme_color.get(border, "#999999")
            attrs.append(f'color="{color}"')
            if kind != "position":
                attrs.append("penwidth=2")
        if kind == "position":
            attrs.append("penwidth=2.6")
            if not self.opts.bw and status is None:
                attrs.append('fillcolor="#FFF8E6"')
        if status is not None:
            attrs.append(f'fillcolor="{status_fill(status, self.opts.bw)}"')
            if status == "accepted":
                attrs.append("peripheries=2")
        if kind == "assumption":
            attrs.append('style="rounded,filled,dashed"')
        return "".join(" " + a for a in attrs)

    def _frame(
        self, claim: Claim, status: str | float | None, title: bool, show_text: bool
    ) -> list[str]:
        """A claim label split where the title and text cells go (``SLOT`` marks them)."""
        if self.compact:
            return self._compact_frame(claim, status, title, show_text)
        rows: list[str] = []
        theme = claim.themes[0] if claim.themes and self.grouping == "bands" else None
        tag_key = (claim.kind, claim.basis, theme, status, self.opts.status_tags.get(claim.id))
        tag_row = self._tag_rows.get(tag_key)
        if tag_row is None:
            tag_row = self._tag_rows[tag_key] = self._tag_row(claim)
        if tag_row:
            rows.append(tag_row)
        if title:
            rows.append(f"<TR><TD>{title_slot(claim.kind)}</TD></TR>")
        if show_text:
            rows.append(f'<TR><TD BALIGN="LEFT">{SLOT}</TD></TR>')
        if claim.asserted_by:
            who = tuple(claim.asserted_by)
            caption = self._captions.get(who)
            if caption is None:
                caption = self._captions[who] = self._caption_row(who)
            rows.append(caption)
        if self.grouping == "bands" and claim.themes:
            color = "#666666" if self.opts.bw else self.theme_color.get(claim.themes[0], "#999999")
            band = f'<TD ROWSPAN="{len(rows)}" BGCOLOR="{color}" WIDTH="5"></TD>'
            rows[0] = rows[0].replace("<TR>", "<TR>" + band, 1)
        table = (
            '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            + "".join(rows)
            + "</TABLE>>"
        )
        return table.split(SLOT)

    def _compact_frame(
        self, claim: Claim, status: str | float | None, title: bool, show_text: bool
    ) -> list[str]:
        # The same lines as the table, as HTML-like text: no band cell (the box's border
        # takes the theme colour), no per-row alignment.
        lines: list[str] = []
        tags = self._tag_text(claim)
        if tags:
            lines.append(tags)
        if title:
            lines.append(title_slot(claim.kind))
        if show_text:
            lines.append(SLOT)
        if claim.asserted_by:
            lines.append(self._caption_text(tuple(claim.asserted_by)))
        return ("<" + "<BR/>".join(lines) + ">").split(SLOT)

    def _tag_row(self, claim: Claim) -> str:
        text = self._tag_text(claim)
        return f'<TR><TD ALIGN="LEFT">{text}</TD></TR>' if text else ""

    def _tag_text(self, claim: Claim) -> str:
        tags = self._tags(claim)
        if not tags:
            return ""
        color = "#000000" if self.opts.bw else "#555555"
        text = html_text(display_text(" · ".join(tags)))
        return f'<FONT POINT-SIZE="{self.opts.fine_print:g}" COLOR="{color}">{text}</FONT>'

    def _caption_row(self, who: tuple[str, ...]) -> str:
        return f'<TR><TD ALIGN="RIGHT">{self._caption_text(who)}</TD></TR>'

    def _caption_text(self, who: tuple[str, ...]) -> str:
        names = ", ".join(self.who.get(p, p) for p in who)
        caption = wrap(display_text("— " + names), self.opts.width + 8)
        return f'<FONT POINT-SIZE="{self.opts.fine_print + 1:g}"><I>{cell(caption)}</I></FONT>'

    def _tags(self, claim: Claim) -> list[str]:
        tags = []
        if claim.kind in _KIND_TAG:
            tags.append(_KIND_TAG[claim.kind])
        if claim.basis and claim.basis != "other":  # "other" tells a reader nothing
            tags.append(claim.basis.replace("_", " "))
        if self.grouping == "bands":
            tags.extend(self.theme_label[t] for t in claim.themes[:1] if t in self.theme_label)
        status = self.opts.status.get(claim.id)
        if claim.id in self.opts.status_tags:
            tags.append(self.opts.status_tags[claim.id])
        elif isinstance(status, float):
            tags.append(f"strength {status:.2f}")
        elif status is not None:
            tags.append(_STATUS_TAG[status])
        return tags

    def _claim_description(self, claim: Claim) -> str:
        parts: list[str] = [claim.kind]
        if claim.basis:
            parts.append("based on " + claim.basis.replace("_", " "))
        if claim.asserted_by:
            parts.append("asserted by " + ", ".join(self.who.get(p, p) for p in claim.asserted_by))
        if claim.themes:
            parts.append("theme " + ", ".join(self.theme_label.get(t, t) for t in claim.themes))
        status = self.opts.status.get(claim.id)
        if claim.id in self.opts.status_tags:
            parts.append(self.opts.status_tags[claim.id])
        elif isinstance(status, float):
            parts.append(f"strength {status:.2f}")
        elif status is not None:
            parts.append(status)
        return display_text("; ".join(parts))
