"""Reading the PDFs argmap prints, as a reader's eye would: page sizes, visible words, sizes.

pdfplumber reports every character in a page's content, including those a clip path hides;
a tiled sheet shows only what lies inside its crop marks, so :func:`visible_chars` keeps the
characters inside them (or inside the page when it has none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@dataclass
class Page:
    width: float
    height: float
    chars: list[dict[str, Any]]
    text: str
    colours: set[tuple[float, ...]]
    annotations: list[dict[str, Any]]
    page_text: str  # everything on the page, crop marks or not (labels, footers)

    @property
    def smallest(self) -> float:
        return min(c["size"] for c in self.chars if c["text"].strip())

    def words(self) -> str:
        return squash(self.text)


def squash(text: str) -> str:
    """Text with every run of whitespace made one space (titles wrap over lines)."""
    return re.sub(r"\s+", " ", text).strip()


def read_pdf(path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            box = _trim_box(page)
            inside = page.crop(box, strict=False) if box else page
            chars = [c for c in inside.chars if _within(c, box or page.bbox)]
            colours = _colours(page)
            pages.append(
                Page(
                    float(page.width),
                    float(page.height),
                    chars,
                    inside.extract_text() or "",
                    colours,
                    list(page.annots),
                    page.extract_text() or "",
                )
            )
    return pages


def _within(char: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (char["x0"] + char["x1"]) / 2
    cy = (char["top"] + char["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _trim_box(page: Any) -> tuple[float, float, float, float] | None:
    """The area inside the crop marks: short lines just outside a sheet's corners."""
    marks = [
        ln
        for ln in page.lines
        if abs(ln.get("linewidth", 0) - 0.4) < 0.01
        and 5 <= abs(ln["x1"] - ln["x0"]) + abs(ln["bottom"] - ln["top"]) <= 11
    ]
    if len(marks) < 8:
        return None
    vertical = [ln for ln in marks if abs(ln["x1"] - ln["x0"]) < 0.1]
    horizontal = [ln for ln in marks if abs(ln["bottom"] - ln["top"]) < 0.1]
    xs = sorted({round(ln["x0"], 1) for ln in vertical})
    ys = sorted({round(ln["top"], 1) for ln in horizontal})
    return (xs[0], ys[0], xs[-1], ys[-1])


def _colours(page: Any) -> set[tuple[float, ...]]:
    found: set[tuple[float, ...]] = set()
    for obj in [*page.chars, *page.rects, *page.curves, *page.lines]:
        for key in ("stroking_color", "non_stroking_color"):
            value = obj.get(key)
            if isinstance(value, (list, tuple)) and value:
                found.add(tuple(round(float(v), 3) for v in value))
    return found


def is_grey(colour: tuple[float, ...]) -> bool:
    """A colour with no hue: one component, or R = G = B."""
    return len(colour) == 1 or (len(colour) == 3 and max(colour) - min(colour) < 0.02)


def same_size(page: Page, size: tuple[float, float]) -> bool:
    return abs(page.width - size[0]) < 1 and abs(page.height - size[1]) < 1
