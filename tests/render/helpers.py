"""Parsing what the writers produce, for tests: ``dot -Tjson``, SVG, Mermaid."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
import pytest

from argmap import ArgumentMap

SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")


def expected_graph(m: ArgumentMap) -> tuple[set[str], set[tuple[str, str]]]:
    """Node names and edges the DOT of a whole map must have (junctions named by link id)."""
    targeted = {link.target for link in m.links}
    nodes = {c.id for c in m.claims}
    edges: set[tuple[str, str]] = set()
    for link in m.links:
        if len(link.sources) > 1 or link.id in targeted:
            nodes.add(link.id)
            edges.update((s, link.id) for s in link.sources)
            edges.add((link.id, link.target))
        else:
            edges.add((link.sources[0], link.target))
    return nodes, edges


@dataclass
class LaidOut:
    nodes: dict[str, dict[str, object]]
    edges: set[tuple[str, str]]


def dot_json(source: str) -> LaidOut:
    """Lay out with ``dot -Tjson`` and return nodes (by name) and drawn edges, legend left out."""
    done = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    objects = data.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    nodes = {
        o["name"]: o
        for o in objects
        if "nodes" not in o and not o["name"].startswith("legend ")  # clusters list nodes
    }
    # Edges as drawn, from reason to conclusion: big maps write them turned round (dir=back).
    edges = {
        (names[e["head"]], names[e["tail"]])
        if e.get("dir") == "back"
        else (names[e["tail"]], names[e["head"]])
        for e in data.get("edges", [])
        # The compact layout's invisible edges only hold boxes to their levels.
        if not names[e["tail"]].startswith("legend ") and e.get("style") != "invis"
    }
    return LaidOut(nodes, edges)


def label_cells(html_label: str) -> list[list[str]]:
    """The text lines of each cell of an HTML-like label, entities decoded."""
    root = SafeET.fromstring(html_label)
    cells = []
    for td in root.iter("TD"):
        lines = [""]
        for piece in _walk(td):
            if piece is None:
                lines.append("")
            else:
                lines[-1] += piece
        cells.append(lines)
    return cells


def _walk(element: ET.Element) -> list[str | None]:
    # Text pieces in document order; None marks a <BR/>.
    out: list[str | None] = []
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag == "BR":
            out.append(None)
        else:
            out.extend(_walk(child))
        if child.tail:
            out.append(child.tail)
    return out


def text_cell(html_label: str) -> list[str]:
    """The lines of the claim-text cell (the one with ``BALIGN``), as Graphviz shows them.

    ``dot -Tjson`` gives the label as written, so Graphviz's own last step, turning ``\\\\``
    into one backslash, is done here.
    """
    root = SafeET.fromstring(html_label.replace("\\\\", "\\"))
    for td in root.iter("TD"):
        if td.get("BALIGN") == "LEFT":
            lines = [""]
            for piece in _walk(td):
                if piece is None:
                    lines.append("")
                else:
                    lines[-1] += piece
            return lines
    raise AssertionError("no text cell in label")


def squash(text: str) -> str:
    """Text with all whitespace removed: wrapping may move or cut at any space."""
    return re.sub(r"\s+", "", text)


def parse_svg(svg: str | bytes) -> ET.Element:
    return SafeET.fromstring(svg)


def svg_groups(root: ET.Element, cls: str) -> dict[str, ET.Element]:
    # Graphviz writes class="edge support": its own class first, then argmap's.
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g") if cls in g.get("class", "").split()}


def svg_texts(group: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]


def svg_title(group: ET.Element) -> str:
    title = group.find(f"{SVG}title")
    assert title is not None
    return title.text or ""


# -- Mermaid -----------------------------------------------------------------------------------

_M_NODE = re.compile(r'^\s*(c_\w+)(\[\[?)"(.*)"(\]\]?)$')
_M_JUNCTION = re.compile(r'^\s*(l_\w+)\(\("&nbsp;"\)\)$')
_M_EDGE = re.compile(r"^\s*([cl]_\w+) (-->|-\.-x|==x|==>|---|-\.-|===) ([cl]_\w+)$")
_M_OTHER = re.compile(
    r'^(flowchart (BT|TB|LR|RL)|\s*subgraph t_\w+\["[^"]*"\]|\s*end|\s*classDef \w+ [\w:;, -]+'
    r"|\s*class [\w,]+ \w+|\s*style c_\w+ [\w:#,.-]+|\s*linkStyle [\d,]+ [\w:#,.-]+|%% .*)$"
)


def mermaid_decode_id(mid: str) -> str:
    body = mid[2:]
    out, i = [], 0
    while i < len(body):
        if body.startswith("__", i):
            out.append("_")
            i += 2
        elif body.startswith("_h", i):
            out.append("-")
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def mermaid_decode_text(text: str) -> str:
    assert '"' not in text
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text.replace("<br>", "\n"))


@dataclass
class MermaidGraph:
    labels: dict[str, list[str]]
    junctions: set[str]
    edges: set[tuple[str, str]]


def parse_mermaid(text: str) -> MermaidGraph:
    """A strict reader of the Mermaid subset argmap writes: every line must match a rule."""
    labels: dict[str, list[str]] = {}
    junctions: set[str] = set()
    edges: set[tuple[str, str]] = set()
    for line in text.splitlines():
        if m := _M_NODE.match(line):
            parts = m.group(3).split("<br>")
            labels[mermaid_decode_id(m.group(1))] = [
                mermaid_decode_text(re.sub(r"^<[ib]>|</[ib]>$", "", p)) for p in parts
            ]
        elif m := _M_JUNCTION.match(line):
            junctions.add(mermaid_decode_id(m.group(1)))
        elif m := _M_EDGE.match(line):
            edges.add((mermaid_decode_id(m.group(1)), mermaid_decode_id(m.group(3))))
        else:
            assert _M_OTHER.match(line), f"unexpected Mermaid line: {line!r}"
    return MermaidGraph(labels, junctions, edges)
