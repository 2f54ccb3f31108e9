"""A diagram on paper: one A4 or Letter page where the text stays readable, else tiled sheets.

:func:`paper_pdf` lays the map out for the page: the compact layout aims at the shape of
the printable area (taller than wide on portrait paper), and theme groups that Graphviz
would draw as boxes side by side are tried as colour bands too, which pack much tighter
(the reference map drawn square: 4.9 against 2.7 million square points, its boxes taking
13 % of the drawing against 26 %). Each way round of the paper is tried unless
``landscape`` is given, and the drawing that needs the fewest sheets wins (theme boxes and
portrait on a tie, unless another prints larger by more than a tenth). Each try is one run
of ``dot``: up to six for a map with theme boxes, three without.

A drawing prints at the largest scale (never above 100 %) at which it fits one page. If
that would print any word smaller than ``min_size`` (7 pt), it is tiled instead over as
few sheets as keep every word at ``min_size`` or more (at most ``max_pages``, four by
default), after an overview page that shows where each sheet goes
(:mod:`argmap.render.sheets`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Unpack

from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .dot import build
from .options import DiagramKeywords, make_options
from .pdfpage import Canvas, graphviz_page, page_size, smallest_text, write_pdf
from .sheets import FOOTER, MARGIN, Sheets, choose_cuts, footer, node_boxes

__all__ = ["PaperKeywords", "PaperLayout", "paper_pages", "paper_pdf", "render_paper"]


class PaperKeywords(DiagramKeywords, total=False):
    """The options of :func:`paper_pdf`: the paper's, then those of :func:`argmap.to_dot`."""

    paper: Literal["a4", "letter"]
    landscape: bool | None
    max_pages: int
    min_size: float


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

    ``landscape`` turns the paper (``None``, the default, takes whichever way round needs
    fewer sheets, portrait on a tie); ``max_pages`` caps the tiled sheets (4) and ``min_size``
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
    landscape: bool | None = None,
    max_pages: int = 4,
    min_size: float = 7.0,
    **options: Unpack[DiagramKeywords],
) -> tuple[list[Canvas], PaperLayout]:
    """The pages of :func:`paper_pdf`, to put in a document of one's own (worksheets)."""
    if not isinstance(max_pages, int) or max_pages < 1:
        raise RenderError(f"max_pages must be a whole number, 1 or more (got {max_pages!r})")
    page_size(paper)  # a wrong paper name fails before any drawing is made
    make_options(**options)  # and so does a wrong option
    best: _Drawing | None = None
    for drawing in _drawings(m, str(paper).lower(), landscape, min_size, options):
        # Fewest sheets; then the larger print, by more than a tenth (theme boxes first).
        if best is None or (drawing.sheets, -drawing.scale) < (best.sheets, -best.scale * 1.1):
            best = drawing
        if best.sheets == 1:
            break
    assert best is not None
    if best.sheets > max_pages:
        raise RenderError(_too_big(best, landscape, max_pages, min_size, options))
    return best.pages()


@dataclass
class _Drawing:
    """One layout of the map for one way round of the paper, and what printing it takes."""

    paper: str
    landscape: bool
    grouping: str  # the theme grouping drawn
    source: str
    page: Any  # pypdf's PageObject
    smallest: float
    need: float  # the scale that prints the smallest word at min_size
    grid: tuple[int, int, float] | None  # columns, rows, largest scale; None for one page

    @property
    def size(self) -> tuple[float, float]:
        return float(self.page.mediabox.width), float(self.page.mediabox.height)

    @property
    def room(self) -> tuple[float, float]:
        return _room(self.paper, self.landscape)

    @property
    def scale(self) -> float:
        """The scale it prints at, before the cuts between sheets are placed."""
        if self.grid is not None:
            return min(self.grid[2], 1.0)
        (d_w, d_h), (room_w, room_h) = self.size, self.room
        return min(room_w / d_w, room_h / d_h, 1.0)

    @property
    def sheets(self) -> int:
        if self.grid is None:
            return 1
        return self.grid[0] * self.grid[1]

    def pages(self) -> tuple[list[Canvas], PaperLayout]:
        width, height = page_size(self.paper, self.landscape)
        (d_w, d_h), (room_w, room_h) = self.size, self.room
        name = self.paper
        if self.grid is None:
            one = min(room_w / d_w, room_h / d_h, 1.0)
            canvas = Canvas(width, height)
            x = MARGIN + (room_w - d_w * one) / 2
            canvas.place(self.page, x, height - MARGIN - d_h * one, one)
            footer(canvas, f"{_paper_name(name)} - printed at {one:.0%}", None, 0)
            layout = PaperLayout(name, self.landscape, 1, 1, 1, 1, one, self.smallest * one)
            return [canvas], layout
        columns, rows, fit = self.grid
        boxes = node_boxes(self.source, d_w, d_h)
        scale, xs, ts = choose_cuts(
            boxes, (d_w, d_h), (room_w, room_h), (columns, rows), self.need, fit
        )
        sheets = Sheets(self.page, width, height, xs, ts, scale)
        pages = [sheets.overview(), *sheets.tiles()]
        count = columns * rows
        layout = PaperLayout(
            name, self.landscape, len(pages), count, columns, rows, scale, self.smallest * scale
        )
        return pages, layout


def _drawings(
    m: ArgumentMap, paper: str, landscape: bool | None, min_size: float, options: Mapping[str, Any]
) -> Iterator[_Drawing]:
    """The layouts to try, theme boxes before colour bands, each on each way round.

    The compact layout's estimate of a drawing's shape is rough (within a fifth), and the
    densest drawing is not always the one aimed at the page's own shape: each page shape
    and a square are tried, each drawing measured on both ways round of the paper.
    """
    turns = (False, True) if landscape is None else (landscape,)
    groups: tuple[str | None, ...] = (None,)
    auto = options.get("group", "auto") == "auto"
    if auto and make_options(**options).grouping(len(m.claims)) == "clusters":
        groups = (None, "bands")
    aspects: list[float | None] = [None]
    if "aspect" not in options and options.get("max_width") is None:
        shapes = sorted({round(_room(paper, t)[0] / _room(paper, t)[1], 3) for t in turns})
        aspects = [shapes[0], 1.0, *shapes[1:]]
    for group in groups:
        for aspect in aspects:
            opts = make_options(**_paper_options(options, group, aspect))
            source = build(m, opts).source()
            page = graphviz_page(source)
            grouping = opts.grouping(len(m.claims))
            for turned in turns:
                yield _measure(
                    _Drawing(paper, turned, grouping, source, page, 0, 0, None), min_size
                )


def _room(paper: str, landscape: bool) -> tuple[float, float]:
    width, height = page_size(paper, landscape)
    return width - 2 * MARGIN, height - 2 * MARGIN - FOOTER


def _paper_options(
    options: Mapping[str, Any], group: str | None, aspect: float | None
) -> dict[str, Any]:
    """The diagram options for one try, made for paper unless the user said otherwise."""
    out = dict(options)
    # The smallest words set how far the drawing may shrink: a point more for them lets
    # it shrink 11 % further (7/9 against 7/8), which is what puts the reference map on
    # four sheets, its claim text printing at 8.6 pt.
    out.setdefault("fine_print", 9.0)
    if group is not None:
        out["group"] = group
    if aspect is not None:
        out["aspect"] = aspect
    # No cairo margin, and a thin pad: the page has margins of its own.
    out["layout"] = {"margin": "0", "pad": "0.05", **(options.get("layout") or {})}
    return out


def _measure(drawing: _Drawing, min_size: float) -> _Drawing:
    """Fill in the smallest word, the scale it needs and the sheets that takes."""
    drawing.smallest = smallest_text(drawing.page) or 11.0
    # A hair over the bare ratio, so rounding in the PDF never prints a word under min_size.
    drawing.need = min_size / drawing.smallest * 1.0001
    (d_w, d_h), (room_w, room_h) = drawing.size, drawing.room
    if min(room_w / d_w, room_h / d_h, 1.0) < drawing.need:
        drawing.grid = _grid(d_w, d_h, room_w, room_h, drawing.need)
    return drawing


def _paper_name(paper: str) -> str:
    return {"a4": "A4", "letter": "Letter"}.get(paper, paper)


def _grid(
    d_w: float, d_h: float, room_w: float, room_h: float, need: float
) -> tuple[int, int, float]:
    """The fewest sheets (columns, rows) that print at scale ``need`` or more, and the
    largest scale that grid allows.

    >>> _grid(1000, 500, 500, 500, 1.0)
    (2, 1, 1.0)
    """
    count = 2
    while True:
        best: tuple[int, int, float] | None = None
        for columns in range(1, count + 1):
            if count % columns:
                continue
            rows = count // columns
            fit = min(columns * room_w / d_w, rows * room_h / d_h)
            if fit >= need and (best is None or fit > best[2]):
                best = (columns, rows, fit)
        if best is not None:
            return best
        count += 1


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
    best: _Drawing,
    landscape: bool | None,
    max_pages: int,
    min_size: float,
    options: Mapping[str, Any],
) -> str:
    orientation = "landscape" if best.landscape else "portrait"
    opts = make_options(**options)
    text = (
        f"the diagram needs {best.sheets} {_paper_name(best.paper)} {orientation} sheets to "
        f"print its smallest words ({best.smallest:.1f} pt as drawn) at {min_size:g} pt, more "
        f"than the {max_pages} allowed; try "
    )
    if landscape is not None:
        text += "the other way round (leave out --landscape/--portrait), "
    return text + _tips(opts.labels, opts.legend, best.grouping)
