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
        MapValidationError,
        Problem,
        RenderError,
        UnknownFormatError,
    )
    from .io.json import dump, dumps, load, loads
    from .model import ArgumentMap, Claim, Link, Perspective, Quote, Source, Theme
    from .validate import validate

if TYPE_CHECKING:
    from . import examples
    from .analysis import analyze
    from .formats import read, write
    from .render import to_dot, to_mermaid
    from .summary import Summary, summarize

# Analysis (numpy), diagrams, summaries and formats load on first use, so `import argmap`
# and every CLI command that does not need them start quickly.
_LAZY = {
    "examples": (".examples", None),
    "analyze": (".analysis", "analyze"),
    "read": (".formats", "read"),
    "write": (".formats", "write"),
    "to_dot": (".render", "to_dot"),
    "to_mermaid": (".render", "to_mermaid"),
    "Summary": (".summary", "Summary"),
    "summarize": (".summary", "summarize"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    module_name, attribute = _LAZY[name]
    module = import_module(module_name, __name__)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Claim",
    "FormatError",
    "Link",
    "MapValidationError",
    "Perspective",
    "Problem",
    "Quote",
    "RenderError",
    "Source",
    "Summary",
    "Theme",
    "UnknownFormatError",
    "analyze",
    "dump",
    "dumps",
    "examples",
    "io",
    "load",
    "loads",
    "read",
    "summarize",
    "to_dot",
    "to_mermaid",
    "validate",
    "write",
]
