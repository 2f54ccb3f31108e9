"""Cutting a diagram into sheets: where the cuts go, the overview page, each sheet's marks.

:func:`choose_cuts` puts the cuts between sheets in the gaps between claim boxes wherever
the sheets leave room, so each box prints whole on one sheet; :class:`Sheets` draws the
overview page (the whole diagram with the cuts and sheet numbers) and each sheet with crop
marks, the numbers of the sheets that join it and a small index grid in its footer.
"""

from __future__ import annotations

import json
from typing import Any

from .backend import find_renderer, run
from .pdfpage import MM, Canvas

__all__ = ["FOOTER", "MARGIN", "SLACK", "Sheets", "choose_cuts", "footer", "node_boxes"]

#: White space around the printed area: most printers cannot print the outer 5 mm.
MARGIN = 7 * MM
#: Room at the foot of each page for the sheet's label and index.
FOOTER = 14.0
#: Tiles leave this share of their room free so cuts can move into gaps between boxes.
SLACK = 0.94


def node_boxes(source: str, d_w: float, d_h: float) -> list[tuple[float, float, float, float]]:
    """Each node's box (left, bottom, right, top) in the PDF drawing's coordinates."""
    data = json.loads(run(source, "json", renderer=find_renderer("json")))
    left, bottom, right, top = (float(v) for v in data["bb"].split(","))
    # The PDF drawing is the bounding box plus the pad on every side.
    off_x, off_y = (d_w - (right - left)) / 2, (d_h - (top - bottom)) / 2
    boxes = []
    for node in data.get("objects", []):
        if "pos" not in node or "width" not in node:
            continue  # a cluster
        x, y = (float(v) for v in node["pos"].split(","))
        half_w, half_h = float(node["width"]) * 36, float(node["height"]) * 36
        boxes.append(
            (x - half_w + off_x, y - half_h + off_y, x + half_w + off_x, y + half_h + off_y)
        )
    return boxes


def choose_cuts(
    boxes: list[tuple[float, float, float, float]],
    size: tuple[float, float],
    room: tuple[float, float],
    grid: tuple[int, int],
    need: float,
    fit: float,
) -> tuple[float, list[float], list[float]]:
    """The scale and the cuts (x left to right, t down from the top) that cut the fewest
    boxes, trying scales from just under ``fit`` down to ``need``; the larger scale wins ties.

    A smaller scale leaves the sheets more room to put the cuts in gaps between boxes.
    """
    d_w, d_h = size
    horizontal = [(b[0], b[2]) for b in boxes]
    vertical = [(d_h - b[3], d_h - b[1]) for b in boxes]
    top = min(1.0, max(need, fit * SLACK))
    best: tuple[int, float, list[float], list[float]] | None = None
    for step in range(6):
        scale = top - (top - need) * step / 5 if top > need else top
        xs = _seams(d_w, grid[0], room[0] / scale, horizontal)
        ts = _seams(d_h, grid[1], room[1] / scale, vertical)
        cut = _crossed(xs, horizontal) + _crossed(ts, vertical)
        if best is None or cut < best[0]:
            best = (cut, scale, xs, ts)
        if cut == 0 or top <= need:
            break
    assert best is not None
    return best[1], best[2], best[3]


def _crossed(cuts: list[float], boxes: list[tuple[float, float]]) -> int:
    return sum(a < x < b for x in cuts[1:-1] for a, b in boxes)


def _seams(length: float, count: int, span: float, boxes: list[tuple[float, float]]) -> list[float]:
    """Cut [0, length] into ``count`` pieces no longer than ``span``, each cut through as few
    of the ``boxes`` (intervals) as it can, and nearest the even split among equals.

    >>> _seams(100, 2, 60, [(35, 55)])
    [0.0, 56.0, 100]
    >>> _seams(100, 1, 100, [])
    [0.0, 100]
    """
    cuts = [0.0]
    edges = sorted({e for box in boxes for e in box})
    for i in range(1, count):
        before = cuts[-1]
        lo, hi = max(before + 1, length - (count - i) * span), min(before + span, length)
        even = before + (length - before) / (count - i + 1)
        inside = [e for e in edges if lo < e < hi]
        options = {lo, hi, min(max(even, lo), hi)}
        options.update((a + b) / 2 for a, b in zip([lo, *inside], [*inside, hi], strict=True))
        options.update(e + 1 for e in inside if e + 1 < hi)
        cut = min(
            sorted(options),
            key=lambda x: (sum(a < x < b for a, b in boxes), abs(x - even)),
        )
        cuts.append(float(round(cut)))
    cuts.append(length)
    return cuts


class Sheets:
    """The overview page and the tiles of one diagram cut at ``xs`` (left to right) and
    ``ts`` (top to bottom, measured down from the top of the drawing)."""

    def __init__(
        self,
        drawing: Any,
        width: float,
        height: float,
        xs: list[float],
        ts: list[float],
        scale: float,
    ) -> None:
        self.drawing, self.width, self.height = drawing, width, height
        self.xs, self.ts, self.scale = xs, ts, scale
        self.columns, self.rows = len(xs) - 1, len(ts) - 1
        self.d_h = float(drawing.mediabox.height)

    def number(self, row: int, column: int) -> int:
        return row * self.columns + column + 1

    def overview(self) -> Canvas:
        canvas = Canvas(self.width, self.height)
        d_w, d_h = float(self.drawing.mediabox.width), self.d_h
        header = 34.0
        room_w = self.width - 2 * MARGIN
        room_h = self.height - 2 * MARGIN - FOOTER - header
        s = min(room_w / d_w, room_h / d_h, 1.0)
        x0 = MARGIN + (room_w - d_w * s) / 2
        top = self.height - MARGIN - header
        canvas.place(self.drawing, x0, top - d_h * s, s)
        count = self.columns * self.rows
        canvas.text(MARGIN, self.height - MARGIN - 12, "Overview", size=14, bold=True)
        canvas.text(
            MARGIN,
            self.height - MARGIN - 26,
            f"The diagram follows on {count} sheets at {self.scale:.0%}, numbered as below. "
            "Trim each sheet along its crop marks and tape the sheets edge to edge.",
            size=9,
        )
        canvas.rect(x0, top - d_h * s, d_w * s, d_h * s, stroke=0.4, width=0.6)
        for x in self.xs[1:-1]:
            canvas.line(x0 + x * s, top, x0 + x * s, top - d_h * s, width=1.2, dash=4)
        for t in self.ts[1:-1]:
            canvas.line(x0, top - t * s, x0 + d_w * s, top - t * s, width=1.2, dash=4)
        for row in range(self.rows):
            for column in range(self.columns):
                cx = x0 + (self.xs[column] + self.xs[column + 1]) / 2 * s
                cy = top - (self.ts[row] + self.ts[row + 1]) / 2 * s
                canvas.rect(cx - 16, cy - 13, 32, 30, fill=1, stroke=0, width=1)
                label = str(self.number(row, column))
                canvas.text(cx, cy - 6, label, size=22, bold=True, align="center")
        footer(canvas, "Overview - the sheets that follow print every word at full size", None, 0)
        return canvas

    def tiles(self) -> list[Canvas]:
        return [
            self.tile(row, column) for row in range(self.rows) for column in range(self.columns)
        ]

    def tile(self, row: int, column: int) -> Canvas:
        s, canvas = self.scale, Canvas(self.width, self.height)
        left, right = self.xs[column], self.xs[column + 1]
        down, up = self.ts[row], self.ts[row + 1]  # from the top of the drawing
        # The drawing's PDF y runs upwards: this tile shows y from d_h - up to d_h - down.
        clip = (left, self.d_h - up, right, self.d_h - down)
        x0 = MARGIN - left * s
        top = self.height - MARGIN
        y0 = top - (self.d_h - down) * s
        canvas.place(self.drawing, x0, y0, s, clip)
        w, h = (right - left) * s, (up - down) * s
        crop_marks(canvas, MARGIN, top - h, w, h)
        self._neighbours(canvas, row, column, MARGIN, top - h, w, h)
        n = self.number(row, column)
        label = (
            f"Sheet {n} of {self.columns * self.rows} - row {row + 1}, column {column + 1} "
            "- see the overview page for where it goes"
        )
        footer(canvas, label, (self.columns, self.rows), n)
        return canvas

    def _neighbours(
        self, canvas: Canvas, row: int, column: int, x: float, y: float, w: float, h: float
    ) -> None:
        """Name the sheet that joins each cut edge, just outside that edge."""
        gap = 5.0
        if column > 0:
            words = f"joins sheet {self.number(row, column - 1)}"
            canvas.text(x - gap, y + h / 2, words, size=8, angle=90, align="center")
        if column < self.columns - 1:
            words = f"joins sheet {self.number(row, column + 1)}"
            canvas.text(x + w + gap + 7, y + h / 2, words, size=8, angle=90, align="center")
        if row > 0:
            words = f"joins sheet {self.number(row - 1, column)}"
            canvas.text(x + w / 2, y + h + gap, words, size=8, align="center")
        if row < self.rows - 1:
            words = f"joins sheet {self.number(row + 1, column)}"
            canvas.text(x + w / 2, y - gap - 7, words, size=8, align="center")


def crop_marks(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    """L-shaped marks just outside each corner of the printed area (where to trim)."""
    gap, length = 2.0, 6.0
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            canvas.line(cx + sx * gap, cy, cx + sx * (gap + length), cy, width=0.4)
            canvas.line(cx, cy + sy * gap, cx, cy + sy * (gap + length), width=0.4)


def footer(canvas: Canvas, label: str, grid: tuple[int, int] | None, current: int) -> None:
    """The page's label at the bottom left and, for a sheet, a small map of all sheets."""
    canvas.text(MARGIN, MARGIN, label, size=8)
    if grid is None:
        return
    columns, rows = grid
    cell = 7.0
    x0 = canvas.width - MARGIN - columns * cell
    for row in range(rows):
        for column in range(columns):
            here = row * columns + column + 1 == current
            y = MARGIN - 2 + (rows - 1 - row) * cell
            canvas.rect(x0 + column * cell, y, cell, cell, fill=0.3 if here else 1, width=0.4)
