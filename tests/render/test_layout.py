"""The compact layout: drawings keep between 2:1 and 1:2, measured on the SVG Graphviz draws.

Maps: the reference map, a 12-claim debate whose two positions attack each other, and
generated maps of 20 to 300 claims in four shapes (tests/render/shapes.py).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, to_dot
from argmap.examples import soviet_socialism
from argmap.render import to_svg
from argmap.render.layout import Plan, Shape, plan_layout, plan_lines
from argmap.render.output import svg_size
from argmap.render.viewer import SCREEN_WIDTH, screen_svg

from .helpers import dot_json, expected_graph, needs_dot
from .shapes import SHAPES, debate

MAPS: dict[str, Callable[[], ArgumentMap]] = {
    "reference": soviet_socialism,
    "debate-12": debate,
}
for _shape, _make in SHAPES.items():
    for _n in (20, 50, 100, 300):
        MAPS[f"{_shape}-{_n}"] = lambda make=_make, n=_n: make(n)


def aspect(svg: str) -> float:
    width, height = svg_size(svg.encode("utf-8"))
    return width / height


@needs_dot
@pytest.mark.parametrize("name", list(MAPS))
def test_drawing_keeps_between_two_to_one_and_one_to_two(name: str) -> None:
    ratio = aspect(to_svg(MAPS[name]()))
    assert 0.5 <= ratio <= 2.0, f"{name}: width:height {ratio:.2f}"


@needs_dot
@pytest.mark.parametrize("name", ["reference", "debate-12", "wide-flat-50"])
def test_without_the_compact_layout_the_same_maps_come_out_too_wide(name: str) -> None:
    # What the compact layout fixes: dot's own ranking of these maps (issue 17).
    assert aspect(to_svg(MAPS[name](), compact=False)) > 2.0


@needs_dot
def test_screen_layout_fits_an_800_pixel_column() -> None:
    for name in ("reference", "debate-12", "typical-20"):
        width, height = svg_size(screen_svg(MAPS[name]()).encode("utf-8"))
        assert width <= SCREEN_WIDTH, name
        assert height <= 4 * width, name  # a column to scroll, not a ribbon


@needs_dot
def test_legend_takes_a_corner() -> None:
    laid = _laid_out(to_dot(soviet_socialism()).source)
    right, top = laid["bb"]
    x, y, w, h = laid["legend box"]
    assert w <= 0.35 * right  # not a third of the width
    assert min(x - w / 2, right - (x + w / 2)) < 0.1 * right  # at one side
    assert top - (y + h / 2) < 0.15 * top  # at the top


def _laid_out(source: str) -> dict[str, tuple[float, float, float, float] | tuple[float, float]]:
    done = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True)
    data = json.loads(done.stdout)
    out: dict[str, tuple[float, float, float, float] | tuple[float, float]] = {}
    out["bb"] = tuple(float(v) for v in data["bb"].split(",")[2:])  # type: ignore[assignment]
    for o in data["objects"]:
        if "pos" in o:
            x, y = (float(v) for v in o["pos"].split(","))
            out[o["name"]] = (x, y, float(o["width"]) * 72, float(o["height"]) * 72)
    return out


@needs_dot
def test_reasons_sit_below_what_they_support_and_lists_wrap_in_rows() -> None:
    # Colour bands: theme boxes would add the links between themes that cannot all point up.
    m = MAPS["wide-flat-50"]()
    laid = dot_json(to_dot(m, group="bands").source)
    y = {name: float(str(node["pos"]).split(",")[1]) for name, node in laid.nodes.items()}
    upward = [y[a] < y[b] for a, b in laid.edges]  # Graphviz's y grows upwards
    assert sum(upward) / len(upward) > 0.95  # all but a folded link or two point up
    rows = {round(v) for v in y.values()}
    assert len(rows) >= 5  # forty-eight reasons of two positions: not one row


@needs_dot
def test_user_settings_still_win() -> None:
    m = soviet_socialism()
    source = to_dot(m, layout={"nodesep": "0.5", "ranksep": "1"}).source
    assert 'nodesep="0.5"' in source and 'ranksep="1"' in source
    plain = to_dot(m, compact=False).source
    assert "rank=same" not in plain and "style=invis" not in plain
    sideways = to_svg(m, direction="LR")
    assert 0.5 <= aspect(sideways) <= 2.0


def test_the_same_map_gives_the_same_dot() -> None:
    assert to_dot(MAPS["typical-50"]()).source == to_dot(MAPS["typical-50"]()).source


def test_two_positions_attacking_each_other_get_one_link_against_the_levels() -> None:
    source = to_dot(debate(), legend=False).source
    against = re.findall(r'"(\w+)" -> "(\w+)" \[id="edge-[^\n]*constraint=false', source)
    assert len(against) == 1 and set(against[0]) == {"yes", "no"}  # the cycle, broken once


def test_options_are_checked() -> None:
    from argmap import RenderError

    with pytest.raises(RenderError, match="max_width"):
        to_dot(debate(), max_width=10)
    with pytest.raises(RenderError, match="aspect"):
        to_dot(debate(), aspect=0)


# -- the planner on its own ----------------------------------------------------------------


def _check_plan(shape: Shape, plan: Plan) -> None:
    assert set(plan.level) == set(shape.order) | set(shape.corner)
    for low, high in plan.anchors:
        assert plan.level[low] > plan.level[high]  # hanging edges never fight the levels
    for tail, head in shape.edges:
        extra = plan.edge_extra(tail, head)
        if plan.level[tail] <= plan.level[head]:
            assert extra == " constraint=false"
        else:
            assert "constraint" not in extra
    lines = plan_lines(plan)
    assert sum(line.count('";') for line in lines if "rank=same" in line) == len(plan.level)


graphs = st.integers(1, 40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n),
        st.lists(st.sampled_from(["a", "b", None]), min_size=n, max_size=n),
    )
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=graphs, aspect_aim=st.sampled_from([0.5, 1.0, 2.0]))
def test_any_graph_gets_a_consistent_plan(
    graph: tuple[int, list[tuple[int, int]], list[str | None]], aspect_aim: float
) -> None:
    n, pairs, homes = graph
    order = [f"n{i}" for i in range(n)]
    edges = [(order[a], order[b]) for a, b in pairs if a != b]
    size = {name: (60.0 + 10 * (i % 7), 30.0 + 5 * (i % 3)) for i, name in enumerate(order)}
    home = {name: h for name, h in zip(order, homes, strict=True) if h is not None}
    shape = Shape(order, size, edges, home)
    _check_plan(shape, plan_layout(shape, aspect=aspect_aim))
    _check_plan(shape, plan_layout(shape, max_breadth=300.0))


@needs_dot
def test_planned_dot_draws_exactly_the_maps_nodes_and_links() -> None:
    for name in ("reference", "many-themes-50", "deep-chains-50"):
        m = MAPS[name]()
        laid = dot_json(to_dot(m).source)
        nodes, edges = expected_graph(m)
        assert set(laid.nodes) == nodes and laid.edges == edges, name


# -- from the command line -----------------------------------------------------------------


@needs_dot
def test_cli_layout_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from argmap.cli import main

    ref = Path(__file__).resolve().parents[2] / "data" / "claims.json"
    tall = tmp_path / "tall.svg"
    assert main(["render", str(ref), "-o", str(tall), "--aspect", "1:2"]) == 0
    assert 0.5 <= aspect(tall.read_text(encoding="utf-8")) < 0.9
    narrow = tmp_path / "narrow.svg"
    assert main(["render", str(ref), "-o", str(narrow), "--max-width", "700"]) == 0
    assert svg_size(narrow.read_bytes())[0] <= 700
    assert main(["render", str(ref), "-o", "-", "--no-compact"]) == 0
    assert "rank=same" not in capsys.readouterr().out
    for bad in ("x", "9:1", "1:0"):  # a usage error, exit 2
        assert main(["render", str(ref), "-o", str(tall), "--aspect", bad]) == 2
    assert "--aspect" in capsys.readouterr().err
