"""argmap: argument maps for classrooms and research.

Claims are nodes; support and attack links (with co-premises and undercuts) connect them.
Load, build, check, analyse, draw and convert maps.

>>> import argmap
>>> m = argmap.ArgumentMap(title="Uniforms", question="Should schools require uniforms?")
>>> m.claim("yes", "Schools should require uniforms.", kind="position")
'yes'
>>> m.claim("cost", "Uniforms cost families less than fashion.")
'cost'
>>> m.support("cost", "yes")
's1'
>>> argmap.loads(m.dumps()) == m
True
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._gc import gc_paused

# Importing pydantic and building the models' validators makes tens of thousands of objects
# that live as long as the program; collections while they are made would walk them again
# and again for nothing (4% of an `argmap convert` start-up, docs/benchmarks.md).
with gc_paused():
    from . import io
    from .errors import (
        ArgmapError,
        FormatError,
        LossError,
        MapValidationError,
        OptionError,
        Problem,
        RenderError,
        UnknownFormatError,
        UnknownNameError,
    )
    from .io.json import dump, dumps, load, loads
    from .model import ArgumentMap, Claim, Link, Perspective, Quote, Source, Theme
    from .validate import validate

if TYPE_CHECKING:
    from . import analysis, examples, formats, graph, outputs, render, report, schemes, summary
    from .analysis import analyze, explain, lint, strengths
    from .anchor import find_span
    from .classroom import compare
    from .corpus import batch
    from .formats import read, write
    from .graph import to_networkx
    from .judgements import judge
    from .render import to_dot, to_mermaid, to_svg
    from .report import html_report
    from .summary import Summary, summarize

# Analysis (numpy), diagrams, summaries and formats load on first use, so `import argmap`
# and every CLI command that does not need them start quickly. Each entry: the module, and
# the attribute of it (None for the module itself).
_LAZY = {
    "analysis": (".analysis", None),
    "examples": (".examples", None),
    "formats": (".formats", None),
    "graph": (".graph", None),
    "render": (".render", None),
    "report": (".report", None),
    "summary": (".summary", None),
    "outputs": (".outputs", None),
    "schemes": (".schemes", None),
    "analyze": (".analysis", "analyze"),
    "explain": (".analysis", "explain"),
    "lint": (".analysis", "lint"),
    "strengths": (".analysis", "strengths"),
    "find_span": (".anchor", "find_span"),
    "read": (".formats", "read"),
    "write": (".formats", "write"),
    "to_networkx": (".graph", "to_networkx"),
    "to_dot": (".render", "to_dot"),
    "to_mermaid": (".render", "to_mermaid"),
    "to_svg": (".render", "to_svg"),
    "html_report": (".report", "html_report"),
    "Summary": (".summary", "Summary"),
    "summarize": (".summary", "summarize"),
    "compare": (".classroom", "compare"),
    "judge": (".judgements", "judge"),
    "batch": (".corpus", "batch"),
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name not in _LAZY:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = import_module(module_name, __name__)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public names only: the private helper modules are not part of the API.
    return sorted({*__all__, "__version__"})


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("argmap")
    except PackageNotFoundError:  # run from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Claim",
    "FormatError",
    "Link",
    "LossError",
    "MapValidationError",
    "OptionError",
    "Perspective",
    "Problem",
    "Quote",
    "RenderError",
    "Source",
    "Summary",
    "Theme",
    "UnknownFormatError",
    "UnknownNameError",
    "analysis",
    "analyze",
    "batch",
    "compare",
    "dump",
    "dumps",
    "examples",
    "explain",
    "find_span",
    "formats",
    "graph",
    "html_report",
    "io",
    "judge",
    "lint",
    "load",
    "loads",
    "outputs",
    "read",
    "render",
    "report",
    "schemes",
    "strengths",
    "summarize",
    "summary",
    "to_dot",
    "to_mermaid",
    "to_networkx",
    "to_svg",
    "validate",
    "write",
]
