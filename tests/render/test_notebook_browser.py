"""The notebook display in a real Chromium at 800 pixels: no sideways scrolling, text >= 9 px.

The HTML a map gives Jupyter (``_repr_mimebundle_``) is put in a page the way JupyterLab puts
an output in a cell, opened headless with ordinary scroll bars, and measured: the page's
scroll width, the SVG's claim-text heights (``getBoundingClientRect``), and what each zoom
button does (the drawing grows inside its own box, which then pans; the page never does).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.examples import soviet_socialism

from .browser import measure, needs_browser, notebook_page
from .helpers import needs_dot
from .shapes import debate, wide_flat
from .synthetic import synthetic_map

pytestmark = [needs_browser, needs_dot]


@pytest.mark.parametrize("which", ["reference", "debate-12", "typical-40"])
def test_display_fits_the_cell_with_readable_text(tmp_path: Path, which: str) -> None:
    m = {"reference": soviet_socialism, "debate-12": debate}.get(which, lambda: None)()
    m = m or synthetic_map(40, seed=3)
    page = m._repr_mimebundle_()["text/html"]
    got = measure(notebook_page(page), tmp_path)
    assert got["scrollWidth"] <= got["viewport"]  # no sideways scroll at 800 px
    fit = got["fit"]
    assert fit["texts"] >= len(m.claims)  # every claim's text was measured
    assert fit["minText"] >= 9.0, fit
    assert fit["svgRight"] <= got["viewport"] and fit["paneScroll"] == 0
    for zoom in ("z2", "z4", "full"):  # zoomed, the picture pans inside its box
        assert got["zooms"][zoom]["pageScroll"] == 0
    assert got["zooms"]["z2"]["paneScroll"] > 0
    assert got["zooms"]["z2"]["minText"] >= 2 * fit["minText"] - 1


def test_a_larger_map_fits_the_width_and_zooms(tmp_path: Path) -> None:
    # Too many claims to read at the cell's width: the whole map fits, zoom makes it legible.
    m = wide_flat(100)
    got = measure(notebook_page(m._repr_mimebundle_()["text/html"]), tmp_path)
    assert got["scrollWidth"] <= got["viewport"] and got["fit"]["paneScroll"] == 0
    assert got["zooms"]["z4"]["minText"] >= 9.0
    assert got["zooms"]["z4"]["pageScroll"] == 0


def test_display_is_offline_and_without_script() -> None:
    page = soviet_socialism()._repr_mimebundle_()["text/html"]
    assert "<script" not in page.lower() and "javascript:" not in page.lower()
    # Nothing to fetch: no src attribute at all, no link outside the page.
    assert not re.search(r"\ssrc=", page)
    assert not re.findall(r'href="(?!#)[^"]*"', page)
