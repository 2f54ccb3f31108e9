"""The class view and a feedback page, as Chromium shows them in an 800-pixel window: the
diagram fits the column with claim text at least 9 pixels high, and nothing scrolls sideways."""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.classroom.grade import grade
from argmap.classroom.heatmap import class_page

from ..render.browser import measure, needs_browser
from ..render.helpers import needs_dot

REPO = Path(__file__).resolve().parents[2]
CLASS = REPO / "tests" / "classroom" / "data" / "class"

pytestmark = [needs_browser, needs_dot]


def readable(got: dict[str, object]) -> None:
    fit = got["fit"]
    assert isinstance(fit, dict)
    assert fit["texts"] > 20
    assert fit["minText"] >= 9.0, fit
    assert fit["pageScroll"] == 0, fit


def test_class_view_heat_map_is_readable_at_800_px(tmp_path: Path) -> None:
    book = grade(argmap.load(REPO / "data" / "claims.json"), [CLASS])
    readable(measure(class_page(book.view), tmp_path))


def test_feedback_overlay_is_readable_at_800_px(tmp_path: Path) -> None:
    ref = argmap.examples.soviet_socialism()
    page = argmap.compare(CLASS / "bob-link-errors.json", ref).feedback().to_html()
    readable(measure(page, tmp_path))
