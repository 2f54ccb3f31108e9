"""DOT output: every option, determinism, and the golden file for the reference map."""

from __future__ import annotations

import os
import re
from pathlib import Path

import graphviz
import pytest

from argmap import ArgumentMap, RenderError, to_dot, to_mermaid
from argmap.examples import soviet_socialism
from argmap.render import layout_settings
from argmap.render.options import CLUSTER_LIMIT

from .helpers import dot_json, expected_graph, label_cells, needs_dot, text_cell
from .synthetic import synthetic_map

GOLDEN = Path(__file__).parent / "golden" / "claims.dot"


@pytest.fixture(scope="module")
def reference() -> ArgumentMap:
    return soviet_socialism()


def small() -> ArgumentMap:
    m = ArgumentMap(title="Homework", question="Should homework be banned?")
    m.add_theme("wellbeing", "Wellbeing", color="#abc")
    m.add_theme("learning", "Learning")
    m.add_perspective("pupils", "Pupils")
    m.claim("ban", "Homework should be banned.", kind="position", title="Ban it")
    m.claim("stress", "Homework causes stress.", themes=["wellbeing"], asserted_by=["pupils"])
    m.claim("sleep", "Pupils sleep less.", themes=["wellbeing"], kind="evidence", basis="statistic")
    m.claim("practice", "Practice needs time outside class.", themes=["learning"])
    m.claim("tired", "Tired pupils learn less.", kind="assumption", themes=["learning"])
    m.support(["stress", "sleep"], "ban", id="s-co")
    m.attack("practice", "ban", id="a-practice")
    m.undercut("tired", "a-practice", id="u-tired")
    m.claim("lone", "Some other thought.")
    return m


def edge_line(source: str, link_id: str) -> str:
    line = next(x for x in source.splitlines() if f'id="edge-{link_id}"' in x)
    return line


def node_line(source: str, claim_id: str) -> str:
    return next(x for x in source.splitlines() if f'id="node-{claim_id}"' in x)


def test_returns_a_graphviz_digraph_whose_source_is_the_text() -> None:
    g = to_dot(small())
    assert isinstance(g, graphviz.Digraph)
    assert g.source.startswith("digraph argmap {\n") and g.source.endswith("}\n")


def test_same_map_gives_byte_identical_dot_and_mermaid(reference: ArgumentMap) -> None:
    again = soviet_socialism()
    assert to_dot(reference).source == to_dot(again).source
    assert to_mermaid(reference) == to_mermaid(again)
    big_a, big_b = synthetic_map(400, seed=3), synthetic_map(400, seed=3)
    assert to_dot(big_a, status={"c1": 0.25}).source == to_dot(big_b, status={"c1": 0.25}).source


def test_golden_dot_for_the_reference_map(reference: ArgumentMap) -> None:
    # Reviewed by eye (rendered to PNG) and locked; ARGMAP_UPDATE_GOLDEN=1 rewrites it.
    source = to_dot(reference).source
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        GOLDEN.write_text(source, encoding="utf-8")
    assert source == GOLDEN.read_text(encoding="utf-8")


def test_relations_differ_by_line_style_and_arrowhead_not_only_colour() -> None:
    source = to_dot(small(), bw=True).source
    support, attack = edge_line(source, "s-co"), edge_line(source, "a-practice")
    undercut = edge_line(source, "u-tired")
    looks = set()
    for line in (support, attack, undercut):
        style = re.search(r"style=(\w+)", line)
        head = re.search(r"arrowhead=(\w+)", line)
        assert style and head
        looks.add((style.group(1), head.group(1)))
        assert 'color="#000000"' in line  # black and white
    assert len(looks) == 3
    assert len({s for s, _ in looks}) == 3  # even the line style alone tells them apart


def test_co_premises_meet_in_a_junction_and_undercut_ends_on_the_link() -> None:
    source = to_dot(small()).source
    assert '"stress" -> "s-co"' in source and '"sleep" -> "s-co"' in source
    assert '"s-co" -> "ban"' in source
    assert '"s-co" [id="link-s-co" shape=point' in source
    assert '"tired" -> "a-practice"' in source  # the undercut ends on the attack's junction
    assert '"practice" -> "a-practice"' in source and '"a-practice" -> "ban"' in source


@pytest.mark.parametrize("labels", ["both", "title", "text"])
def test_label_modes(labels: str) -> None:
    source = to_dot(small(), labels=labels).source
    line = node_line(source, "ban")
    assert ("<B>Ban it</B>" in line) == (labels != "text")
    assert ("Homework should be banned." in line) == (labels != "title")
    # A claim without a title shows its text in every mode.
    assert "Homework causes stress." in node_line(source, "stress")


def test_width_wraps_claim_text() -> None:
    m = ArgumentMap()
    m.claim("a", "one two three four five six seven eight nine ten eleven twelve")
    narrow = to_dot(m, width=10, legend=False).source
    lines = text_cell(re.search(r"label=<(.*)>\]", node_line(narrow, "a")).group(1))  # type: ignore[union-attr]
    assert all(len(x) <= 10 for x in lines) and len(lines) >= 6
    assert " ".join(lines) == "one two three four five six seven eight nine ten eleven twelve"
    with pytest.raises(RenderError, match="width"):
        to_dot(m, width=3)


def test_group_clusters_bands_and_none() -> None:
    clusters = to_dot(small(), group="clusters").source
    assert 'subgraph "cluster_wellbeing"' in clusters and 'subgraph "cluster_learning"' in clusters
    assert 'fillcolor="#AABBCC14"' in clusters  # "#abc" expanded to six digits, then alpha
    bands = to_dot(small(), group="bands").source
    assert "cluster_wellbeing" not in bands
    assert 'BGCOLOR="#AABBCC"' in node_line(bands, "stress")  # the colour band
    assert "Wellbeing" in node_line(bands, "stress")  # and the theme named in words
    assert 'BGCOLOR="#AABBCC" WIDTH="24"></TD><TD ALIGN="LEFT">Wellbeing<' in legend_line(bands)
    none = to_dot(small(), group="none").source
    assert "cluster_wellbeing" not in none and "BGCOLOR" not in node_line(none, "stress")


def test_auto_grouping_switches_to_bands_for_large_maps() -> None:
    assert 'subgraph "cluster_t0"' in to_dot(synthetic_map(CLUSTER_LIMIT - 1)).source
    assert 'subgraph "cluster_t0"' not in to_dot(synthetic_map(CLUSTER_LIMIT)).source


def test_theme_filter() -> None:
    source = to_dot(small(), themes="wellbeing", legend=False).source
    assert 'id="node-stress"' in source and 'id="node-sleep"' in source
    assert 'id="node-ban"' not in source and 'id="node-practice"' not in source
    # The co-premise link's target is filtered out: no link is drawn (the compact layout's
    # invisible edges only hold the boxes to their levels).
    assert not re.search(r'-> "[^"]+" \[id="edge', source)
    with pytest.raises(RenderError, match="no theme 'nope'"):
        to_dot(small(), themes=["nope"])


def test_focus_and_depth() -> None:
    m = small()
    near = to_dot(m, focus="stress", depth=1, legend=False).source
    # Reaching one co-premise brings in the other: they give reason only together.
    assert {"stress", "sleep", "ban"} == set(re.findall(r'id="node-([\w-]+)"', near))
    far = to_dot(m, focus="stress", depth=2, legend=False).source
    assert {"practice", "tired"} <= set(re.findall(r'id="node-([\w-]+)"', far))
    assert '"tired" -> "a-practice"' in far
    only = to_dot(m, focus="lone", depth=3, legend=False).source
    assert re.findall(r'id="node-([\w-]+)"', only) == ["lone"]
    with pytest.raises(RenderError, match="no claim 'missing'"):
        to_dot(m, focus="missing")


@pytest.mark.parametrize(
    ("direction", "rankdir"), [("BT", "BT"), ("down", "TB"), ("LR", "LR"), ("left", "RL")]
)
def test_direction(direction: str, rankdir: str) -> None:
    assert f"rankdir={rankdir} " in to_dot(small(), direction=direction).source


def test_bottom_to_top_is_the_default() -> None:
    assert "rankdir=BT " in to_dot(small()).source


def test_black_and_white_uses_no_colour() -> None:
    source = to_dot(small(), bw=True, status={"ban": "rejected", "stress": 0.4}).source
    colours = set(re.findall(r"#[0-9A-Fa-f]{6}", source))
    greys = {c for c in colours if c[1:3] == c[3:5] == c[5:7]}
    assert colours == greys


def legend_line(source: str) -> str:
    return next(line for line in source.splitlines() if line.startswith('\t"legend box"'))


def test_legend_on_and_off() -> None:
    # One node, a table: a row for each relation, kind and status the map shows.
    legend = legend_line(to_dot(small()).source)
    assert 'id="legend"' in legend and "<TABLE" in legend
    for meaning in ("supports", "attacks", "undercuts an inference", "an implicit premise"):
        assert f">{meaning}<" in legend
    assert "backs an inference" not in legend  # only what the map uses
    assert 'COLOR="#C62828">╍╍╍┫<' in legend  # attack: dashed, a bar, in its red
    assert "legend box" not in to_dot(small(), legend=False).source


def test_title_on_and_off() -> None:
    assert "<B>Homework</B>" in to_dot(small()).source
    assert "<B>Homework</B>" not in to_dot(small(), title=False).source


def test_status_shown_by_fill_and_by_words() -> None:
    status = {"ban": "accepted", "stress": "rejected", "sleep": "undecided", "practice": 0.75}
    source = to_dot(small(), status=status).source
    assert "✓ accepted" in node_line(source, "ban") and "peripheries=2" in node_line(source, "ban")
    assert "✗ rejected" in node_line(source, "stress")
    assert "? undecided" in node_line(source, "sleep")
    assert "strength 0.75" in node_line(source, "practice")
    fills = {cid: re.findall(r'fillcolor="(#\w+)"', node_line(source, cid))[-1] for cid in status}
    assert len(set(fills.values())) == 4
    assert "✓ accepted" in legend_line(source) and "strength 0.50" in legend_line(source)
    assert to_dot(small(), highlight=status).source == source  # the other name for it


@pytest.mark.parametrize(
    "bad", [{"ban": "maybe"}, {"ban": 1.5}, {"ban": float("nan")}, {"ban": True}]
)
def test_bad_status_is_a_render_error(bad: dict[str, object]) -> None:
    with pytest.raises(RenderError, match="ban"):
        to_dot(small(), status=bad)


def test_href_prefix_and_id_prefix() -> None:
    source = to_dot(small(), href_prefix="#claim-", id_prefix="d1-").source
    line = next(x for x in source.splitlines() if 'id="d1-node-ban"' in x)
    assert 'URL="#claim-ban"' in line and 'tooltip="Homework should be banned."' in line
    assert 'id="d1-edge-a-practice"' in source
    with pytest.raises(RenderError, match="id_prefix"):
        to_dot(small(), id_prefix='x" onload="')


def test_layout_overrides_win_and_are_checked() -> None:
    source = to_dot(small(), layout={"nslimit": 4, "splines": "ortho"}).source
    assert 'nslimit="4"' in source and 'splines="ortho"' in source
    with pytest.raises(RenderError, match="not a Graphviz attribute"):
        to_dot(small(), layout={"a]; x=[": "1"})


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="colour"):
        to_dot(small(), colour="red")


def test_layout_settings_grow_with_the_map() -> None:
    assert layout_settings(30, 30, clustered=True) == {"newrank": "true"}
    small_ = layout_settings(1200, 1300, clustered=False)
    mid = layout_settings(2000, 2100, clustered=False)
    big = layout_settings(10000, 10500, clustered=False)
    assert float(big["nslimit"]) < float(mid["nslimit"]) < float(small_["nslimit"]) < 1
    assert "splines" not in small_ and mid["splines"] == big["splines"] == "polyline"
    assert layout_settings(30000, 30000, clustered=False)["layout"] == "sfdp"
    assert 'nslimit="' in to_dot(synthetic_map(1200)).source


@needs_dot
def test_reference_map_lays_out_with_exactly_its_nodes_and_edges(reference: ArgumentMap) -> None:
    laid = dot_json(to_dot(reference).source)
    nodes, edges = expected_graph(reference)
    assert set(laid.nodes) == nodes and laid.edges == edges
    for claim in reference.claims:
        cells = label_cells(str(laid.nodes[claim.id]["label"]))
        if claim.title:
            assert [claim.title] in cells or any(claim.title == " ".join(c) for c in cells)


@needs_dot
def test_clustered_map_of_400_claims_lays_out() -> None:
    # Without newrank, dot stops with "trouble in init_rank" on clustered maps this size.
    m = synthetic_map(400, seed=7)
    laid = dot_json(to_dot(m, group="clusters").source)
    assert set(laid.nodes) == expected_graph(m)[0]


def test_status_accepts_an_analysis_result_with_a_status_mapping() -> None:
    class Result:
        status = {"ban": "accepted"}  # noqa: RUF012 - the shape analysis results expose

    assert to_dot(small(), status=Result()).source == to_dot(small(), status=Result.status).source
    with pytest.raises(RenderError, match="mapping"):
        to_dot(small(), status=["ban"])


def test_legend_lists_only_statuses_shown() -> None:
    source = to_dot(small(), focus="lone", status={"lone": "undecided", "ban": "accepted"}).source
    legend = legend_line(source)
    assert "? undecided" in legend and "✓ accepted" not in legend


def test_large_views_get_compact_labels_with_the_theme_as_border() -> None:
    # From COMPACT_LIMIT claims a label is HTML-like text, not a table (Graphviz sizes
    # tables slowly); the theme colour moves from the band cell to the box's border.
    from argmap.render.dot import COMPACT_LIMIT
    from argmap.render.quoting import display_text

    from .helpers import _walk

    m = synthetic_map(COMPACT_LIMIT, seed=3)
    hostile = 'A <b>bold</b> "claim" & \\N ]]> with a long enough text to wrap once or twice'
    m.claims[1].text = hostile
    m.claims[1].asserted_by = []
    source = to_dot(m).source
    line = node_line(source, m.claims[1].id)
    assert "<TABLE" not in line
    label = re.search(r" label=<(.*)> ", line)
    assert label is not None
    import xml.etree.ElementTree as ET

    pieces = _walk(ET.fromstring(f"<L>{label.group(1)}</L>"))
    shown = " ".join(p for p in pieces if p is not None)
    # Every word of the text shows exactly, escaped for Graphviz (a backslash doubled).
    assert shown.endswith(" ".join(display_text(hostile).replace("\\", "\\\\").split()))
    theme = m.claims[1].themes[0]
    color = next(t.color for t in m.themes if t.id == theme) or ""
    assert 'color="#' in line and (not color or color.upper() in line)
    assert "<TABLE" in to_dot(synthetic_map(COMPACT_LIMIT // 2, seed=3)).source


def test_big_maps_turn_their_edges_round_and_the_biggest_double_them() -> None:
    # From SIMPLEX_LIMIT nodes, edges run from conclusion to reason with dir=back under the
    # opposite rank direction (the same drawing; Graphviz orders the ranks far better that
    # way), and no edge has a label (one would double every edge's length). From
    # DOUBLE_LIMIT, edges are doubled outright. Small maps keep it plain, and get the
    # compact layout, which big ones do not.
    from argmap.render.backend import DOUBLE_LIMIT, SIMPLEX_LIMIT

    big = synthetic_map(SIMPLEX_LIMIT, seed=2)
    for legend in (True, False):
        source = to_dot(big, legend=legend).source
        assert "rankdir=TB" in source and "\tedge [dir=back " in source
        assert "minlen" not in source and "ranksep=0.45" in source
        assert " arrowhead=" not in source  # arrows at the tail end
        assert 'label=" ' not in source and "rank=same" not in source
    assert "rankdir=RL" in to_dot(big, direction="LR").source

    biggest = to_dot(synthetic_map(DOUBLE_LIMIT, seed=2)).source
    assert "\tedge [dir=back minlen=2 " in biggest and "ranksep=0.23" in biggest

    small_source = to_dot(small()).source
    assert "rankdir=BT" in small_source and "dir=back" not in small_source
    assert "minlen" not in small_source and "xlabel" not in small_source
    assert "rank=same" in small_source


@needs_dot
def test_turned_round_edges_are_drawn_from_reason_to_conclusion() -> None:
    from argmap.render.backend import SIMPLEX_LIMIT

    big = synthetic_map(SIMPLEX_LIMIT, seed=2)
    laid = dot_json(to_dot(big).source)
    nodes, edges = expected_graph(big)
    assert set(laid.nodes) == nodes and laid.edges == edges
    # Every arrow still points up, from reason to conclusion (dot -Tjson's y grows upwards).
    y = {name: float(str(node["pos"]).split(",")[1]) for name, node in laid.nodes.items()}
    assert all(y[reason] < y[conclusion] for reason, conclusion in laid.edges)


def test_writing_a_dot_file_does_not_import_graphviz(tmp_path: Path) -> None:
    # The graphviz package is a tenth of a DOT command's start-up; only to_dot's Digraph
    # needs it, and that class is made on first use.
    import subprocess
    import sys

    code = (
        "import sys, argmap\n"
        "from argmap.render import render\n"
        "m = argmap.ArgumentMap(); m.claim('a', 'A.')\n"
        f"render(m, {str(tmp_path / 'a.dot')!r})\n"
        "assert 'graphviz' not in sys.modules, 'graphviz imported'\n"
        "from argmap.render import dot\n"
        "g = argmap.to_dot(m)\n"
        "assert isinstance(g, dot.Digraph) and 'graphviz' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.dot").read_text(encoding="utf-8") == to_dot(m_one()).source


def m_one() -> ArgumentMap:
    m = ArgumentMap()
    m.claim("a", "A.")
    return m
