"""Direction controls in user text cannot reorder what is around them, in any output.

An RLO (U+202E) in a claim would make a viewer show the rest of the line, and what follows
the claim, backwards ("Trojan Source"). Summaries, the HTML report and every diagram format
show each control as its code point instead, by the one rule of ``render.quoting``.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.render import to_dot, to_mermaid, to_svg
from argmap.render.quoting import BIDI_CONTROL, display_text, neutral_bidi
from argmap.report import html_report
from argmap.summary import FORMATS, summarize

#: Embeddings and overrides, isolates, and the implicit marks LRM, RLM and ALM.
CONTROLS = [
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u200e",
    "\u200f",
    "\u061c",
]


def _map(text: str) -> ArgumentMap:
    m = ArgumentMap(title=f"Title {text} end", question=f"Why {text}?")
    m.add_theme("t", f"Theme {text}")
    m.add_perspective("who", f"Person {text}")
    m.add_source("s", f"Source {text}", author=f"Author {text}")
    m.claim("p", f"Position {text} here.", kind="position", title=f"Head {text}")
    m.claim(
        "r",
        f"Reason {text} here.",
        themes=["t"],
        asserted_by=["who"],
        quotes=[{"source": "s", "start": 0, "end": len(f"Quote {text}"), "text": f"Quote {text}"}],
    )
    m.support("r", "p")
    m.claim("o", f"Objection {text}.")
    m.attack("o", "p")
    return m


def _no_controls(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in text if c in CONTROLS})
    assert not found, found


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_summary_and_the_report(control: str) -> None:
    m = _map(f"abc{control}def")
    code = f"U+{ord(control):04X}"
    for fmt in FORMATS:
        text = summarize(m, fmt)
        _no_controls(text)
        assert f"<{code}>" in text or f"&lt;{code}>" in text, fmt
    page = html_report(m, diagram=False)
    _no_controls(page)
    assert f"&lt;{code}&gt;" in page


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_dot_and_mermaid(control: str) -> None:
    m = _map(f"abc{control}def")
    for text in (to_dot(m).source, to_mermaid(m)):
        _no_controls(text)
    assert f"U+{ord(control):04X}" in to_dot(m).source


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_svg_and_report_with_diagram() -> None:
    m = _map("abc\u202edef\u2067ghi\u200f")
    svg = to_svg(m)
    _no_controls(svg)
    shown = "".join(ET.fromstring(svg.split("?>", 1)[-1]).itertext())
    assert "<U+202E>" in shown and "<U+2067>" in shown and "<U+200F>" in shown
    _no_controls(html_report(m))


def test_right_to_left_text_itself_is_kept() -> None:
    hebrew, arabic = "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627"
    m = _map(f"{hebrew} {arabic}")
    assert hebrew in summarize(m, "md") and arabic in summarize(m, "md")
    assert neutral_bidi(hebrew) == hebrew and display_text(arabic) == arabic


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*CONTROLS, "a", "\u05d0", " ", "1", "."])))
def test_neutral_bidi_leaves_no_control_and_loses_nothing(text: str) -> None:
    out = neutral_bidi(text)
    assert not BIDI_CONTROL.search(out)
    # Every control becomes its code point; everything else is as it was.
    assert BIDI_CONTROL.sub(lambda c: f"<U+{ord(c[0]):04X}>", text) == out
