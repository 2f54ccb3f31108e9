"""The judged diagram's box tags say what the number is: the class's mean on its scale."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.judgements import Scale

from .helpers import homework_map

SVG = "{http://www.w3.org/2000/svg}"


def _texts(path: Path) -> list[str]:
    return [t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text")]


def test_dot_tags_read_class_mean_on_the_scale() -> None:
    m = homework_map()
    rows = [("a", "stress", 4), ("b", "stress", 2), ("c", "stress", 3.5), ("a", "practice", 1)]
    source = argmap.judge(m, rows).to_dot().source
    stress = next(x for x in source.splitlines() if x.startswith('\t"stress" ['))
    assert "class 3.2/4" in stress and "strength" not in stress
    practice = next(x for x in source.splitlines() if x.startswith('\t"practice" ['))
    assert "class 1.0/4" in practice
    ban = next(x for x in source.splitlines() if x.startswith('\t"ban" ['))
    assert "class " not in ban  # nobody rated it: no number to show
    # The legend's "fill grows with strength" row would misread the fill: the key explains it.
    assert "fill grows with strength" not in source


def test_tags_on_another_scale() -> None:
    m = homework_map()
    j = argmap.judge(m, [("a", "stress", 7), ("b", "stress", 4)], scale=Scale(1, 7))
    line = next(x for x in j.to_dot().source.splitlines() if x.startswith('\t"stress" ['))
    assert "class 5.5 on 1–7" in line


def test_plain_strength_diagrams_keep_their_tag() -> None:
    m = homework_map()
    source = argmap.to_dot(m, status={"stress": 0.25}).source
    assert "strength 0.25" in source and "fill grows with strength" in source


def test_caller_tags_are_checked_and_escaped() -> None:
    m = homework_map()
    with pytest.raises(argmap.RenderError, match="one line of at most 40 characters"):
        argmap.to_dot(m, status={"stress": 0.5}, status_tags={"stress": "x" * 41})
    source = argmap.to_dot(m, status={"stress": 0.5}, status_tags={"stress": "<b>&</b>"}).source
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in source and "<b>&</b>" not in source


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_svg_tag_and_description(tmp_path: Path) -> None:
    m = homework_map()
    j = argmap.judge(m, [("a", "stress", 4), ("b", "stress", 2)])
    out = tmp_path / "judged.svg"
    j.render(out)
    assert any("class 3.0/4" in t for t in _texts(out))
    assert not any("strength" in t for t in _texts(out))
    root = ET.parse(out).getroot()
    desc = root.find(f".//{SVG}g[@id='node-stress']/{SVG}desc")
    assert desc is not None and (desc.text or "").endswith("class 3.0/4")


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_notebook_view_fits_a_cell() -> None:
    import re

    data = Path(__file__).resolve().parents[2] / "data"
    j = argmap.judge(argmap.load(data / "claims.json"), data / "ratings/class-claims.csv")
    bundle = j.view(focus="pos-failed-solidarity", depth=1)._repr_mimebundle_()
    page = bundle["text/html"]
    assert "<script" not in page and 'class="amv"' in page  # the zoom viewer, no script
    width = float(re.search(r'<svg width="([0-9.]+)pt"', page)[1])  # type: ignore[index]
    assert width <= 990  # the viewer's goal for an 800-pixel column
    assert "class 1.7/4" in page and "The class&#39;s ratings (24 raters)" in page
    with pytest.raises(argmap.RenderError):
        j.view(status={"x": 0.5})
