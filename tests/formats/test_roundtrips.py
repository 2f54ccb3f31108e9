"""Every writer, on arbitrary valid maps with hostile text in every field: an exact round
trip, or a declared loss; Argdown, SADFace and argmap JSON lose nothing; Argdown reads
back without PyYAML."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import ArgumentMap
from argmap.formats import reads_report, writes_report

from .maps import rich_maps

ROUND = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
REPO = Path(__file__).resolve().parents[2]


@ROUND
@given(rich_maps())
@pytest.mark.parametrize("fmt", ["argmap", "argdown", "sadface"])
def test_formats_that_hold_everything_round_trip_exactly(fmt: str, m: ArgumentMap) -> None:
    text, losses = writes_report(m, fmt)
    assert losses == []
    assert writes_report(m, fmt)[0] == text  # deterministic
    report = reads_report(text, fmt)
    assert report.warnings == []
    assert report.map == m


@ROUND
@given(rich_maps())
@pytest.mark.parametrize("fmt", ["aif", "kialo"])
def test_lossy_formats_round_trip_exactly_or_say_what_they_lose(fmt: str, m: ArgumentMap) -> None:
    text, losses = writes_report(m, fmt)
    report = reads_report(text, fmt)
    assert report.warnings == []  # what argmap writes, argmap reads without a loss
    if not losses:
        assert report.map == m
    else:
        assert report.map != m  # (a loss declared is a loss: nothing is cried wolf)


@ROUND
@given(rich_maps())
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_hold_every_claim_and_link(fmt: str, m: ArgumentMap) -> None:
    text, losses = writes_report(m, fmt)
    root = ET.fromstring(text.encode("utf-8"))
    nodes = {n.get("id") for n in root.iter() if n.tag.endswith("}node")}
    assert nodes == {c.id for c in m.claims} | {x.id for x in m.links}
    expected = bool(m.description or m.themes or m.perspectives or m.sources)
    assert expected <= bool(losses)  # each of those is a declared loss


NO_YAML = textwrap.dedent(
    """
    import sys
    sys.modules["yaml"] = None  # "import yaml" now fails, as with a plain pip install
    import argmap
    from argmap.formats import reads_report, writes

    m = argmap.examples.soviet_socialism()
    m.claim("tricky", "Text // with /* every */ <!-- marker -->\\nand lines", title="T_1",
            note="a // note", confidence=1e-05)
    m.attack(["tricky", m.claims[0].id], m.links[0].id, weight=0.5, scheme="a_b")
    report = reads_report(writes(m, "argdown"), "argdown")
    assert report.warnings == [], report.warnings
    assert report.map == m
    hand = reads_report("[A]: a {kind: evidence}\\n", "argdown")
    assert hand.map.claims[0].kind == "claim"
    assert "install PyYAML" in hand.warnings[0], hand.warnings
    print("ok")
    """
)


def test_argdown_reads_back_what_argmap_writes_without_pyyaml() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_YAML],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_reference_map_round_trips_through_every_lossless_format() -> None:
    m = argmap.examples.soviet_socialism()
    for fmt in ("argmap", "argdown", "sadface"):
        text, losses = writes_report(m, fmt)
        assert losses == [] and reads_report(text, fmt).map == m
