"""A diagram on paper: one A4 or Letter page where the text stays readable, else tiled sheets.

:func:`paper_pdf` lays the map out once with Graphviz, reads the smallest text size in the
drawing, and picks the largest scale (never above 100 %) at which the whole diagram fits
one page. If that would print any word smaller than ``min_size`` (7 pt), the diagram is
tiled instead over as few sheets as keep every word at ``min_size`` or more (at most
``max_pages``, four by default), after an overview page that shows where each sheet goes.
The cuts between sheets are put in the gaps between claim boxes wherever the sheets leave
room, so each box prints whole on one sheet; crop marks show where to trim, and each sheet
says its number, its place in the grid and which sheets join it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Unpack

from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .backend import find_renderer, run
from .dot import build
from .options import DiagramKeywords, make_options
from .pdfpage import MM, Canvas, graphviz_page, page_size, smallest_text, write_pdf

__all__ = ["PaperKeywords", "PaperLayout", "paper_pages", "paper_pdf", "render_paper"]


class PaperKeywords(DiagramKeywords, total=False):
    """The options of :func:`paper_pdf`: the paper's, then those of :func:`argmap.to_dot`."""

    paper: Literal["a4", "letter"]
    landscape: bool
    max_pages: int
    min_size: float


#: White space around the printed area: most printers cannot print the outer 5 mm.
MARGIN = 10 * MM
#: Room at the foot of each page for the sheet's label and index.
FOOTER = 18.0
#: Tiles leave this share of their room free so cuts can move into gaps between boxes.
SLACK = 0.94


@dataclass(frozen=True)
class PaperLayout:
    """How a diagram was put on paper.

    ``sheets`` counts the pages that carry the diagram at full size (1 when it fits one
    page); ``pages`` adds the overview page that tiled output starts with. ``smallest`` is the
    size in points of the smallest word as printed.
    """

    paper: str
    landscape: bool
    pages: int
    sheets: int
    columns: int
    rows: int
    scale: float
    smallest: float

    def describe(self) -> str:
        """One sentence for a person: how many pages, which paper, what scale, what size.

        >>> PaperLayout("a4", False, 1, 1, 1, 1, 0.64, 7.04).describe()
        '1 A4 portrait page at 64%; smallest words 7.0 pt'
        """
        turn = "landscape" if self.landscape else "portrait"
        if self.pages > 1:
            return (
                f"{self.pages} {_paper_name(self.paper)} {turn} pages ({self.sheets} sheets "
                f"after an overview) at {self.scale:.0%}; smallest words {self.smallest:.1f} pt"
            )
        return (
            f"1 {_paper_name(self.paper)} {turn} page at {self.scale:.0%}; "
            f"smallest words {self.smallest:.1f} pt"
        )


def render_paper(m: ArgumentMap, path: str | Path, **options: Unpack[PaperKeywords]) -> PaperLayout:
    """Write the map's diagram to ``path`` as a PDF on paper; see :func:`paper_pdf`."""
    data, layout = paper_pdf(m, **options)
    atomic_write(Path(path), data)
    return layout


def paper_pdf(m: ArgumentMap, **options: Unpack[PaperKeywords]) -> tuple[bytes, PaperLayout]:
    """The diagram as PDF pages of ``paper`` ("a4" or "letter"), and how it was laid out.

    ``landscape`` turns the paper; ``max_pages`` caps the tiled sheets (4) and ``min_size``
    is the smallest size in points any word may print at (7). Takes the options of
    :func:`argmap.to_dot` besides these. Raises
    :class:`argmap.RenderError` when even ``max_pages`` sheets cannot print every word at
    ``min_size`` points, saying how many would and what else to try.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Homework")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> data, layout = paper_pdf(m, paper="a4")  # needs Graphviz's dot and pypdf
    >>> data[:5], layout.pages, layout.smallest >= 7
    (b'%PDF-', 1, True)
    """
    pages, layout = paper_pages(m, **options)
    return write_pdf(pages, title=m.title or "Argument map"), layout


def paper_pages(
    m: ArgumentMap,
    *,
    paper: str = "a4",
    landscape: bool = False,
    max_pages: int = 4,
    min_size: float = 7.0,
    **options: Unpack[DiagramKeywords],
) -> tuple[list[Canvas], PaperLayout]:
    """The pages of :func:`paper_pdf`, to put in a document of one's own (worksheets)."""
    if not isinstance(max_pages, int) or max_pages < 1:
        raise RenderError(f"max_pages must be a whole number, 1 or more (got {max_pages!r})")
    width, height = page_size(paper, landscape)
    opts = make_options(**options)
    # No cairo margin: the drawing's page is then exactly its picture (pad included).
    layout = {"margin": "0", **opts.layout}
    source = build(m, replace(opts, layout=layout)).source()
    drawing = graphviz_page(source)
    d_w, d_h = float(drawing.mediabox.width), float(drawing.mediabox.height)
    smallest = smallest_text(drawing) or 11.0
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN - FOOTER
    one = min(room_w / d_w, room_h / d_h, 1.0)
    # A hair over the bare ratio, so rounding in the PDF never prints a word under min_size.
    need = min_size / smallest * 1.0001
    name = str(paper).lower()
    if one >= need:
        canvas = Canvas(width, height)
        x = MARGIN + (room_w - d_w * one) / 2
        canvas.place(drawing, x, height - MARGIN - d_h * one, one)
        _footer(canvas, f"{_paper_name(name)} - printed at {one:.0%}", None, 0)
        result = PaperLayout(name, landscape, 1, 1, 1, 1, one, smallest * one)
        return [canvas], result
    grid = _grid(d_w, d_h, room_w, room_h, need, max_pages)
    if grid is None:
        tips = _tips(opts.labels, opts.legend, opts.grouping(len(m.claims)))
        raise RenderError(
            _too_big(name, landscape, (d_w, d_h), need, smallest, max_pages, min_size) + tips
        )
    columns, rows, fit = grid
    boxes = _boxes(source, d_w, d_h)
    scale, xs, ts = _cuts(boxes, (d_w, d_h), (room_w, room_h), (columns, rows), need, fit)
    sheets = _Sheets(drawing, width, height, xs, ts, scale)
    pages = [sheets.overview(), *sheets.tiles()]
    result = PaperLayout(
        name, landscape, len(pages), columns * rows, columns, rows, scale, smallest * scale
    )
    return pages, result


def _paper_name(paper: str) -> str:
    return {"a4": "A4", "letter": "Letter"}.get(paper, paper)


def _grid(
    d_w: float, d_h: float, room_w: float, room_h: float, need: float, max_pages: int
) -> tuple[int, int, float] | None:
    """The fewest sheets (columns, rows) that print at scale ``need`` or more, and the
    largest scale that grid allows; ``None`` when more than ``max_pages`` would be needed."""
    best: tuple[int, int, float] | None = None
    for count in range(2, max_pages + 1):
        for columns in range(1, count + 1):
            if count % columns:
                continue
            rows = count // columns
            fit = min(columns * room_w / d_w, rows * room_h / d_h)
            if fit >= need and (best is None or fit > best[2]):
                best = (columns, rows, fit)
        if best is not None:
            return best
    return None


def _sheets_needed(d_w: float, d_h: float, room_w: float, room_h: float, need: float) -> int:
    columns = -(-d_w * need // room_w)
    rows = -(-d_h * need // room_h)
    return int(columns * rows)


def _tips(labels: str, legend: bool, grouping: str) -> str:
    tips = []
    if labels == "both":
        tips.append("--labels title")
    if legend:
        tips.append("--no-legend")
    if grouping == "clusters":
        tips.append("--group none")
    tips += ["part of the map (--focus ID --depth N, --theme T)", "or --max-pages N for a poster"]
    return ", ".join(tips)


def _too_big(
    paper: str,
    landscape: bool,
    size: tuple[float, float],
    need: float,
    smallest: float,
    max_pages: int,
    min_size: float,
) -> str:
    counts = {}
    for turned in (False, True):
        w, h = page_size(paper, turned)
        counts[turned] = _sheets_needed(*size, w - 2 * MARGIN, h - 2 * MARGIN - FOOTER, need)
    orientation = "landscape" if landscape else "portrait"
    other = "portrait" if landscape else "--landscape"
    return (
        f"the diagram needs {counts[landscape]} {_paper_name(paper)} {orientation} sheets to "
        f"print its smallest words ({smallest:.1f} pt as drawn) at {min_size:g} pt, more than "
        f"the {max_pages} allowed; try {other} ({counts[not landscape]} sheets), "
    )


def _boxes(source: str, d_w: float, d_h: float) -> list[tuple[float, float, float, float]]:
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


def _cuts(
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


class _Sheets:
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
        _footer(canvas, "Overview - the sheets that follow print every word at full size", None, 0)
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
        _crop_marks(canvas, MARGIN, top - h, w, h)
        self._neighbours(canvas, row, column, MARGIN, top - h, w, h)
        n = self.number(row, column)
        label = (
            f"Sheet {n} of {self.columns * self.rows} - row {row + 1}, column {column + 1} "
            "- see the overview page for where it goes"
        )
        _footer(canvas, label, (self.columns, self.rows), n)
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


def _crop_marks(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    """L-shaped marks just outside each corner of the printed area (where to trim)."""
    gap, length = 3.0, 10.0
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            canvas.line(cx + sx * gap, cy, cx + sx * (gap + length), cy, width=0.4)
            canvas.line(cx, cy + sy * gap, cx, cy + sy * (gap + length), width=0.4)


def _footer(canvas: Canvas, label: str, grid: tuple[int, int] | None, current: int) -> None:
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
