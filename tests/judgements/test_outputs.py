"""Outputs a user opens: escaping of names and claim text, the shaded diagram as SVG."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.judgements import parse_ratings
from argmap.judgements.diagram import border_width, judgement_look
from argmap.render.style import status_fill

from .helpers import homework_map

HOSTILE_TEXT = "<script>alert(1)</script> | *bold* [x](http://e.vil) `code`"
HOSTILE_RATERS = ['=HYPERLINK("http://e.vil")', "<b>Bo|b</b>", "esc\x1b[2Jape"]


@pytest.fixture
def judgement() -> argmap.judgements.Judgement:
    m = argmap.ArgumentMap(title="<i>Uniforms</i>")
    m.claim("yes", "Schools should require uniforms.", kind="position")
    m.claim("cost", HOSTILE_TEXT)
    m.support("cost", "yes")
    rows = "".join(
        f'"{name.replace(chr(34), chr(34) * 2)}",cost,{k}\n'
        for k, name in enumerate(HOSTILE_RATERS)
    )
    text = "rater,claim,rating\n" + rows + '"<img src=x>",<cost>,2\n'
    return argmap.judge(m, parse_ratings(text, m))


def test_markdown_escapes_claim_text_names_and_messages(
    judgement: argmap.judgements.Judgement,
) -> None:
    md = judgement.to_markdown()
    for raw in ("<script>", "<b>", "<i>", "<img", "<cost>", "*bold*", "[x](http"):
        assert raw not in md
    assert "&lt;script>" in md and "no claim '&lt;cost>'" in md
    # Every table row keeps its number of cells: a "|" in a name cannot add a column.
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            assert len({line.count("|") for line in rows}) == 1, block
    import markdown

    html = markdown.markdown(md, extensions=["tables"])
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<em>" not in html  # *bold* stayed literal


def test_csv_cells_cannot_be_formulas(judgement: argmap.judgements.Judgement) -> None:
    view = judgement.students()
    assert {s.name for s in view} == set(HOSTILE_RATERS)
    table = list(csv.reader(io.StringIO(judgement.to_csv())))
    assert table[2][-1] == HOSTILE_TEXT  # claim text round-trips through CSV quoting
    from argmap.judgements.report import spreadsheet_safe

    assert spreadsheet_safe(HOSTILE_RATERS[0]).startswith("'=")
    for first in "=+-@":
        assert spreadsheet_safe(first + "1").startswith("'")


def test_text_shows_control_characters(judgement: argmap.judgements.Judgement) -> None:
    text = judgement.to_text()
    assert "\x1b" not in text and "esc␛[2Jape" in text


def test_json_keeps_names_as_they_are(judgement: argmap.judgements.Judgement) -> None:
    data = json.loads(judgement.to_json())
    assert {s["rater"] for s in data["students"]} == set(HOSTILE_RATERS)
    assert data["invalid_rows"] == [
        {"line": 5, "message": "no claim '<cost>' (did you mean 'cost'?)"}
    ]


def test_diagram_fill_and_border(tmp_path: Path) -> None:
    m = homework_map()
    text = "rater,claim,rating\n" + "".join(
        f"r{k},stress,{v}\nr{k},practice,3\n" for k, v in enumerate([0, 4, 0, 4])
    )
    j = argmap.judge(m, parse_ratings(text, m))
    status, styles = judgement_look(j)
    assert status == {"stress": 0.5, "practice": 0.75}
    assert styles["stress"]["penwidth"] == "6.0" and styles["practice"]["penwidth"] == "1.0"
    assert styles["ban"] == {"style": "rounded,filled,dotted"}  # nobody rated it
    assert border_width(0.5) == 3.5
    svg_path = tmp_path / "class.svg"
    j.render(svg_path)
    root = ET.parse(svg_path).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}

    def shape(node_id: str) -> ET.Element:
        group = root.find(f".//s:g[@id='{node_id}']", ns)
        assert group is not None, node_id
        found = group.find("s:path", ns)
        if found is None:
            found = group.find("s:polygon", ns)
        assert found is not None
        return found

    assert shape("node-stress").get("fill", "").upper() == status_fill(0.5, False)
    assert shape("node-practice").get("fill", "").upper() == status_fill(0.75, False)
    assert float(shape("node-stress").get("stroke-width", "1")) == 6.0
    assert shape("node-ban").get("stroke-dasharray")  # dotted: nobody rated it
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "Key to the class's ratings" in titles
    assert root.find(".//s:g[@id='judgement-key-split']", ns) is not None


def test_diagram_in_black_and_white_and_as_dot() -> None:
    m = homework_map()
    j = argmap.judge(m, [("a", "stress", 4), ("b", "stress", 0), ("a", "s1", 4)])
    g = j.to_dot(bw=True)
    line = next(x for x in g.source.splitlines() if x.startswith('\t"stress" ['))
    assert 'color="#000000"' in line and 'fillcolor="#C4C4C4"' in line
    edge = next(x for x in g.source.splitlines() if 'id="edge-s1' in x)
    assert 'penwidth="4.0"' in edge  # the link the class rated 4 of 4
    assert "judgement key" in g.source
    assert "judgement key" not in j.to_dot(legend=False).source
    with pytest.raises(argmap.RenderError, match="leave out status"):
        j.to_dot(status={"stress": "accepted"})


DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_docs_picture_is_what_argmap_draws_now(tmp_path: Path) -> None:
    import shutil

    if shutil.which("dot") is None:
        pytest.skip("Graphviz dot not installed")
    data = Path(__file__).resolve().parents[2] / "data"
    j = argmap.judge(argmap.load(data / "claims.json"), data / "ratings/class-claims.csv")
    fresh = tmp_path / "fresh.svg"
    j.render(fresh, focus="pos-failed-solidarity", depth=1)
    ns = {"s": "http://www.w3.org/2000/svg"}

    def looks(path: Path) -> dict[str, tuple[str | None, str | None]]:
        root = ET.parse(path).getroot()
        assert root.get("role") == "img"
        out = {}
        for group in root.iterfind(".//s:g[@class='node']", ns):
            shape = group.find("s:path", ns)
            if shape is None:
                shape = group.find("s:polygon", ns)
            if shape is not None:
                out[group.get("id", "")] = (shape.get("fill"), shape.get("stroke-width"))
        return out

    committed = looks(DOCS / "diagrams" / "judged-focus.svg")
    assert committed == looks(fresh)
    assert "judgement-key-split" in committed
