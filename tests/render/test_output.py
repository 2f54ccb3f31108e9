"""Files by extension, renderer choice and fallback, notebook display, the CLI command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, RenderError
from argmap.cli import main
from argmap.examples import soviet_socialism
from argmap.render import backend, find_renderer, render, view
from argmap.render.viewer import INLINE_LIMIT

from .helpers import SVG, needs_dot, parse_mermaid, parse_svg
from .synthetic import synthetic_map

PURE = shutil.which("graphviz-pure") or backend._which("graphviz-pure")


def small() -> ArgumentMap:
    m = ArgumentMap(title="Homework")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.")
    m.support("stress", "ban")
    return m


@pytest.fixture
def no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend, "_which", lambda program: None)


@pytest.fixture
def only_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    if PURE is None:
        pytest.skip("graphviz-pure not installed (pip install 'argmap[render]')")
    monkeypatch.setattr(backend, "_which", lambda program: PURE if program != "dot" else None)


# -- files ----------------------------------------------------------------------------------


@needs_dot
@pytest.mark.parametrize(
    ("suffix", "magic"),
    [
        (".svg", b"<?xml"),
        (".png", b"\x89PNG"),
        (".pdf", b"%PDF"),
        (".dot", b"digraph"),
        (".gv", b"digraph"),
    ],
)
def test_render_picks_the_format_from_the_extension(
    tmp_path: Path, suffix: str, magic: bytes
) -> None:
    out = tmp_path / f"map{suffix.upper() if suffix == '.png' else suffix}"
    small().render(out)
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_dot_files_need_no_renderer(tmp_path: Path, no_renderer: None) -> None:
    small().render(tmp_path / "map.dot")
    assert '"stress" -> "ban"' in (tmp_path / "map.dot").read_text()


def test_unknown_extension_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"\.jpeg"):
        small().render(tmp_path / "map.jpeg")


def test_no_renderer_error_names_the_fix(tmp_path: Path, no_renderer: None) -> None:
    old = tmp_path / "map.svg"
    old.write_text("old picture")
    with pytest.raises(RenderError, match=r"apt-get install graphviz.*argmap\[render\]"):
        small().render(old)
    assert old.read_text() == "old picture"  # a failed render leaves the old file alone


def test_pip_fallback_draws_svg_and_png_but_says_pdf_needs_dot(
    tmp_path: Path, only_pure: None
) -> None:
    assert find_renderer("svg").fallback
    render(small(), tmp_path / "map.svg")
    root = parse_svg((tmp_path / "map.svg").read_bytes())
    assert root.get("role") == "img"
    nodes = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    assert nodes["node-stress"].findtext(f"{SVG}title") == "Homework causes stress."
    assert (
        nodes["edge-s1"].findtext(f"{SVG}title")
        == "reason for 'Homework should be banned.': 'Homework causes stress.'"
    )
    render(small(), tmp_path / "map.png")
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    with pytest.raises(RenderError, match="PDF needs Graphviz's dot"):
        render(small(), tmp_path / "map.pdf")


@needs_dot
def test_large_png_is_drawn_at_lower_resolution_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render(small(), tmp_path / "full.png")
    monkeypatch.setattr("argmap.render.output.PNG_LIMIT", 2)  # "large" = 2 nodes, for speed
    with pytest.warns(UserWarning, match="SVG stays sharp"):
        render(small(), tmp_path / "low.png")

    def width(png: Path) -> int:
        return int.from_bytes(png.read_bytes()[16:20], "big")  # IHDR width

    assert width(tmp_path / "low.png") * 2 == pytest.approx(width(tmp_path / "full.png"), abs=2)


@needs_dot
def test_graphviz_failure_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="failed to lay out"):
        backend.run("digraph { a -> }", "svg")


# -- notebooks ------------------------------------------------------------------------------


def inline_svg(page: str) -> str:
    """The one SVG drawing inside a notebook display's HTML."""
    assert page.count("<svg") == 1 and "<script" not in page
    return page[page.index("<svg") : page.index("</svg>") + len("</svg>")]


@needs_dot
def test_map_displays_inline_as_html_only() -> None:
    bundle = small()._repr_mimebundle_()
    assert list(bundle) == ["text/html"]  # nothing Jupyter would prefer over the picture
    assert parse_svg(inline_svg(bundle["text/html"])).get("role") == "img"


def test_display_without_renderer_falls_back_to_dot_text(no_renderer: None) -> None:
    bundle = small()._repr_mimebundle_()
    assert list(bundle) == ["text/plain"]
    hint, _, dot = bundle["text/plain"].partition("\n")
    assert hint.startswith("(diagram not drawn:") and "apt-get install graphviz" in hint
    assert dot.startswith("digraph argmap {")
    assert small().view()._repr_svg_() is None


def test_display_uses_the_pip_renderer_when_dot_is_missing(only_pure: None) -> None:
    bundle = small().view()._repr_mimebundle_()
    assert list(bundle) == ["text/html"] and "<svg" in bundle["text/html"]


def test_huge_maps_are_not_laid_out_for_inline_display() -> None:
    bundle = synthetic_map(INLINE_LIMIT + 1)._repr_mimebundle_()
    assert list(bundle) == ["text/plain"] and "m.view(focus=ID" in bundle["text/plain"]


@needs_dot
def test_view_is_one_call_for_a_focused_diagram() -> None:
    v = soviet_socialism().view(focus="pos-state-capitalism", depth=1, legend=False)
    svg = v._repr_svg_()
    assert svg is not None
    ids = {g.get("id") for g in parse_svg(svg).iter("{http://www.w3.org/2000/svg}g")}
    assert "node-pos-state-capitalism" in ids and "node-e-state-owned" in ids
    assert "node-e-getting-by" not in ids
    with pytest.raises(RenderError, match="no claim 'nope'"):
        view(small(), focus="nope")  # checked at once, not inside the display hook


def test_view_rejects_bad_options_at_once() -> None:
    with pytest.raises(RenderError, match="labels"):
        small().view(labels="nope")


# -- command line ---------------------------------------------------------------------------


@needs_dot
def test_cli_writes_svg_png_and_pdf(tmp_path: Path, reference_map_path: Path) -> None:
    for name in ("claims.svg", "claims.png", "claims.pdf"):
        assert main(["render", str(reference_map_path), "-o", str(tmp_path / name)]) == 0
    assert parse_svg((tmp_path / "claims.svg").read_bytes()).get("role") == "img"


def test_cli_options_reach_the_diagram(
    tmp_path: Path, reference_map_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["render", str(reference_map_path), "-o", "-", "--focus", "pos-state-capitalism"]
    args += ["--depth", "1", "--labels", "title", "--bw", "--direction", "LR", "--no-legend"]
    args += ["--no-title", "--width", "20", "--group", "bands", "--set", "nodesep=0.5"]
    assert main(args) == 0
    dot = capsys.readouterr().out
    assert "rankdir=LR " in dot and 'nodesep="0.5"' in dot and "cluster legend" not in dot
    assert 'id="node-e-getting-by"' not in dot and 'id="node-e-state-owned"' in dot
    assert "#1A7F37" not in dot  # black and white
    assert (
        main(
            [
                "render",
                str(reference_map_path),
                "-o",
                str(tmp_path / "t.dot"),
                "--theme",
                "shortages",
                "--theme",
                "elite-privilege",
                "--href-prefix",
                "#c-",
            ]
        )
        == 0
    )
    text = (tmp_path / "t.dot").read_text()
    assert 'id="node-e-shortages-lines"' in text and 'id="node-pos-state-capitalism"' not in text
    assert 'URL="#c-e-shortages-lines"' in text


def test_cli_writes_mermaid(tmp_path: Path, reference_map_path: Path) -> None:
    assert main(["render", str(reference_map_path), "-o", str(tmp_path / "m.mmd")]) == 0
    graph = parse_mermaid((tmp_path / "m.mmd").read_text())
    assert len(graph.labels) == 31
    md = tmp_path / "m.md"
    assert main(["render", str(reference_map_path), "-o", str(md), "--mermaid"]) == 0
    assert md.read_text() == (tmp_path / "m.mmd").read_text()


def test_cli_errors_print_one_line(
    tmp_path: Path, reference_map_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(reference_map_path), "-o", "x.svg", "--focus", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: no claim 'nope'") and "Traceback" not in err
    assert main(["render", str(reference_map_path), "-o", "-", "--set", "oops"]) == 1
    assert "ATTR=VALUE" in capsys.readouterr().err


def test_cli_says_when_the_pip_fallback_drew(
    tmp_path: Path, reference_map_path: Path, only_pure: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(reference_map_path), "-o", str(tmp_path / "c.svg")]) == 0
    assert "graphviz-pure" in capsys.readouterr().err


@needs_dot
def test_demo_outputs_are_valid(tmp_path: Path, reference_map_path: Path) -> None:
    # What scripts/demo.sh writes, run as a separate process as a user would.
    out = tmp_path / "claims.svg"
    command = [sys.executable, "-m", "argmap", "render", str(reference_map_path), "-o", str(out)]
    done = subprocess.run(command)
    assert done.returncode == 0 and parse_svg(out.read_bytes()).get("role") == "img"


def test_failed_cluster_layout_falls_back_to_bands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_run = backend.run
    sources: list[str] = []

    def fussy_run(source: str, fmt: str, **kw: object) -> bytes:
        # Stand-in for dot's "trouble in init_rank" on a clustered graph.
        sources.append(source)
        if 'subgraph "cluster_' in source:
            raise RenderError("dot failed to lay out the diagram: trouble in init_rank")
        return real_run(source, fmt, **kw)  # type: ignore[arg-type]

    if shutil.which("dot") is None and PURE is None:
        pytest.skip("no Graphviz renderer installed")
    monkeypatch.setattr("argmap.render.output.run", fussy_run)
    m = soviet_socialism()
    with pytest.warns(UserWarning, match="themes drawn as colour bands"):
        render(m, tmp_path / "c.svg")
    assert len(sources) == 2 and "BGCOLOR=" in sources[1]
    assert parse_svg((tmp_path / "c.svg").read_bytes()).get("role") == "img"


def test_to_dot_result_displays_without_raising_when_dot_is_missing(no_renderer: None) -> None:
    import graphviz

    g = argmap.to_dot(small())
    assert isinstance(g, graphviz.Digraph)
    bundle = g._repr_mimebundle_()
    assert list(bundle) == ["text/plain"] and "diagram not drawn" in bundle["text/plain"]


@needs_dot
def test_to_dot_result_displays_as_svg() -> None:
    bundle = argmap.to_dot(small())._repr_mimebundle_()
    assert list(bundle) == ["image/svg+xml"] and "<svg" in bundle["image/svg+xml"]


@needs_dot
def test_force_directed_settings_for_huge_maps_draw() -> None:
    # What layout_settings picks from 20,000 nodes, tried on a small map to stay quick.
    m = synthetic_map(200, seed=4)
    huge = backend.layout_settings(backend.FORCE_LIMIT, backend.FORCE_LIMIT, clustered=False)
    assert huge["layout"] == "sfdp"
    root = parse_svg(argmap.render.to_svg(m, layout=huge, group="bands"))
    nodes = {g.get("id") for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    assert {f"node-{c.id}" for c in m.claims} <= nodes
