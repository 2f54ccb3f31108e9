"""Which way a diagram runs by default (``direction="auto"``), measured on the SVG drawn.

The compact layout keeps maps of up to a few hundred claims between 2:1 and 1:2 bottom to
top; a big view whose plan would cost dot too much is drawn by dot's own ranking, turned
right to left where that is nearer square. ``--direction`` always wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import ArgumentMap, to_dot, to_mermaid
from argmap.cli import main
from argmap.examples import soviet_socialism
from argmap.render import to_svg
from argmap.render.output import svg_size

from .helpers import needs_dot
from .shapes import debate, deep_chains, many_themes, wide_flat
from .synthetic import synthetic_map

pytestmark = needs_dot

MAPS: dict[str, Callable[[], ArgumentMap]] = {
    "reference": soviet_socialism,
    "debate-12": debate,
    "typical-50": lambda: synthetic_map(50, seed=5),
    "typical-200": lambda: synthetic_map(200, seed=5),
    "typical-500": lambda: synthetic_map(500, seed=5),
    "deep-chains-500": lambda: deep_chains(500),
    "many-themes-500": lambda: many_themes(500),
    "wide-flat-200": lambda: wide_flat(200),
}


def rankdir(m: ArgumentMap, **options: object) -> str:
    found = re.search(r"rankdir=(\w+)", to_dot(m, **options).source)
    assert found
    return found.group(1)


@pytest.mark.parametrize("name", list(MAPS))
def test_default_drawing_keeps_between_two_to_one_and_one_to_two(name: str) -> None:
    m = MAPS[name]()
    width, height = svg_size(to_svg(m).encode("utf-8"))
    assert 0.5 <= width / height <= 2.0, f"{name}: {width:.0f} x {height:.0f}"
    assert rankdir(m) == "BT"  # the house style wherever the compact layout plans


def test_a_long_list_of_reasons_turns_right_to_left() -> None:
    # 498 reasons of two positions: planning them would cost dot some 10 s, and dot's own
    # ranking draws one row of boxes (95,000 x 570 pt). Turned, it is a column that an
    # 800-pixel cell shows at its width and scrolls down, never sideways.
    m = wide_flat(500)
    assert rankdir(m) == "RL"
    width, height = svg_size(to_svg(m).encode("utf-8"))
    assert width < height and width < 2000, (width, height)
    upright = svg_size(to_svg(m, direction="BT").encode("utf-8"))
    assert upright[0] > 20 * upright[1]  # what the turn avoids
    assert rankdir(m, direction="up") == "BT"  # the user's direction wins


def test_cli_direction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "flat.json"
    wide_flat(500).dump(src)
    for given, expected in ((None, "RL"), ("auto", "RL"), ("BT", "BT"), ("down", "TB")):
        extra = ["--direction", given] if given else []
        assert main(["render", str(src), "-o", "-", *extra]) == 0
        assert f"rankdir={expected}" in capsys.readouterr().out
    assert main(["render", str(src), "-o", "-", "--direction", "sideways"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_other_writers_keep_the_house_style() -> None:
    m = debate()
    assert to_mermaid(m).startswith("flowchart BT")
    assert "flowchart LR" in to_mermaid(m, direction="LR")
    # Without the compact layout dot's ranking is left as it is, bottom to top.
    assert rankdir(wide_flat(500), compact=False) == "BT"
