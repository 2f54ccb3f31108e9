"""Running Graphviz: which program lays out the diagram, and with which settings for its size.

Two renderers are known, tried in this order:

1. ``dot`` from a system Graphviz (Debian's ``graphviz`` package; ``scripts/setup.sh``
   installs it where it can): every format, including PDF.
2. ``graphviz-pure`` from PyPI (``pip install 'argmap[render]'``), a self-contained port of
   Graphviz used when ``dot`` is missing: SVG and PNG, no PDF.

With neither, :func:`run` raises :class:`argmap.RenderError` saying how to install one; DOT and
Mermaid text never need a renderer.

:func:`layout_settings` picks Graphviz attributes from the size of the map. The numbers come
from timing ``dot`` 2.42/2.43 on generated argument maps (``benchmarks/bench_render.py``):
without ``newrank`` dot fails ("trouble in init_rank") on clustered maps from about 200 nodes;
with default iteration limits a 2,000-claim map spends 14 of its 19 s placing nodes
(network simplex); capping the iterations by size brings it to about 1.5 s and 10,000 claims
to about 10 s; polylines instead of splines save routing time from 1,500 nodes, and past
:data:`FORCE_LIMIT` nodes the force-directed ``sfdp`` engine takes over.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError

__all__ = [
    "DOUBLE_LIMIT",
    "FORMATS",
    "Renderer",
    "find_renderer",
    "layout_settings",
    "run",
]

#: Output formats by file extension.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}

#: From this many nodes, network-simplex and crossing-minimisation work is capped.
SIMPLEX_LIMIT = 1000
#: From this many nodes, edges are twice as long (``minlen=2``, half the rank gap): that
#: makes placing nodes cheaper on the biggest layered maps.
DOUBLE_LIMIT = 7500

#: From this many nodes, edges are drawn as polylines: spline routing dominates the time.
SPLINE_LIMIT = 1500
#: From this many nodes, the layered ``dot`` layout gives way to ``sfdp``.
FORCE_LIMIT = 20000
#: From this many nodes, a PNG is drawn at a lower resolution and SVG is advised.
PNG_LIMIT = 1000

_INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
    "graphviz; or run scripts/setup.sh), or pip install 'argmap[render]' for SVG and PNG "
    "without it; DOT (.dot/.gv) and Mermaid need neither"
)


@dataclass(frozen=True, slots=True)
class Renderer:
    """A Graphviz program: its name, where it is, and the formats it writes."""

    name: str
    path: str
    formats: frozenset[str]

    @property
    def fallback(self) -> bool:
        """True for the pip-installed port, which the CLI mentions when it is used."""
        return self.name == "graphviz-pure"


def layout_settings(n_nodes: int, n_edges: int, *, clustered: bool) -> dict[str, str]:
    """Graphviz graph attributes for a diagram of this size (the user's ``layout`` wins).

    Examples
    --------
    >>> layout_settings(30, 34, clustered=True)
    {'newrank': 'true'}
    >>> settings = layout_settings(5000, 5200, clustered=False)
    >>> settings["nslimit"], settings["mclimit"], settings["splines"]
    ('0.00962', '0.0192', 'polyline')
    """
    del clustered  # newrank is right for every size; kept for callers' clarity
    # newrank ranks the graph as a whole, clusters included: the fix for init_rank failures.
    settings = {"newrank": "true"}
    size = max(n_nodes, n_edges)
    if size >= SIMPLEX_LIMIT:
        # Each network-simplex iteration costs time in proportion to the graph, so the
        # iteration budget (nslimit x nodes) shrinks as the graph grows: about 50
        # iterations whatever the size. Crossing minimisation gets the same treatment.
        # Measured on generated maps: 2,000 nodes from 19 s to 1.5 s, 10,000 nodes ~10 s.
        ns = f"{max(0.002, 50 / size):.3g}"
        settings.update(nslimit=ns, nslimit1=ns, mclimit=f"{min(1.0, 100 / size):.3g}")
    if size >= SPLINE_LIMIT:
        settings["splines"] = "polyline"
    if size >= FORCE_LIMIT:
        settings.update(layout="sfdp", overlap="prism", splines="false")
    return settings


def find_renderer(fmt: str = "svg") -> Renderer:
    """The renderer to use for ``fmt``: system ``dot`` first, then ``graphviz-pure``.

    Raises :class:`argmap.RenderError` naming the fix when none is installed or none writes
    ``fmt``.
    """
    dot = _which("dot")
    if dot:
        return Renderer("dot", dot, frozenset({"svg", "png", "pdf", "dot", "json", "plain"}))
    pure = _which("graphviz-pure")
    if pure:
        renderer = Renderer("graphviz-pure", pure, frozenset({"svg", "png", "dot", "json"}))
        if fmt not in renderer.formats:
            raise RenderError(
                f"{fmt.upper()} needs Graphviz's dot, which is not installed (graphviz-pure "
                "writes SVG and PNG only): install Graphviz (Debian/Ubuntu: sudo apt-get "
                "install graphviz) or choose .svg/.png"
            )
        return renderer
    raise RenderError(f"cannot draw {fmt.upper()}: Graphviz's dot was not found; {_INSTALL_HINT}")


def _which(program: str) -> str | None:
    # A virtualenv's scripts are not on PATH inside a notebook kernel started from elsewhere.
    found = shutil.which(program)
    if found:
        return found
    beside = Path(sys.executable).parent / program
    return str(beside) if beside.is_file() and os.access(beside, os.X_OK) else None


def run(source: str, fmt: str, *, renderer: Renderer | None = None) -> bytes:
    """Lay out DOT ``source`` and return the ``fmt`` output (``svg``, ``png``, ``pdf``, ...).

    Examples
    --------
    >>> svg = run('digraph { a -> b }', "svg")  # needs Graphviz (dot, or graphviz-pure)
    >>> b"<svg" in svg
    True
    """
    renderer = renderer or find_renderer(fmt)
    if fmt not in renderer.formats:
        raise RenderError(f"{renderer.name} cannot write {fmt.upper()}")
    try:
        done = subprocess.run(
            [renderer.path, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise RenderError(f"cannot run {renderer.path}: {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = "; ".join(message[:3]) or f"exit status {done.returncode}"
        raise RenderError(f"{renderer.name} failed to lay out the diagram: {detail}")
    return done.stdout
