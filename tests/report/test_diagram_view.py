"""The report's diagram in a real Chromium at 800 pixels, and its link to the full SVG."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import defusedxml.ElementTree as SafeET

from argmap.examples import soviet_socialism
from argmap.report import html_report
from tests.render.browser import measure, needs_browser
from tests.render.helpers import needs_dot
from tests.render.shapes import wide_flat


@needs_browser
@needs_dot
def test_report_diagram_is_readable_in_an_800_pixel_window(tmp_path: Path) -> None:
    got = measure(html_report(soviet_socialism()), tmp_path)
    assert got["scrollWidth"] <= got["viewport"]  # the page never scrolls sideways
    fit = got["fit"]
    assert fit["texts"] >= 31 and fit["minText"] >= 9.0, fit
    assert fit["paneScroll"] == 0
    zoomed = got["zooms"]["z2"]
    assert zoomed["pageScroll"] == 0 and zoomed["paneScroll"] > 0  # pans in its own box


@needs_browser
@needs_dot
def test_report_of_a_larger_map_never_scrolls_sideways(tmp_path: Path) -> None:
    got = measure(html_report(wide_flat(100)), tmp_path)
    assert got["scrollWidth"] <= got["viewport"]
    assert all(z["pageScroll"] == 0 for z in got["zooms"].values())


@needs_dot
def test_report_links_the_full_svg_inside_the_page() -> None:
    page = html_report(soviet_socialism())
    link = re.search(r'<a href="data:image/svg\+xml;base64,([^"]+)" download="diagram.svg">', page)
    assert link is not None
    full = base64.b64decode(link.group(1)).decode("utf-8")
    root = SafeET.fromstring(full)
    assert root.get("role") == "img"
    shown = page[page.index("<svg") : page.index("</svg>") + 6]
    ids = {g.get("id") for g in SafeET.fromstring(shown).iter("{http://www.w3.org/2000/svg}g")}
    assert ids == {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert page == html_report(soviet_socialism())  # byte for byte, run after run
