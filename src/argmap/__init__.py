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

from . import examples, io
from .analysis import analyze
from .errors import ArgmapError, FormatError, MapValidationError, Problem, RenderError
from .formats import read, write
from .io.json import dump, dumps, load, loads
from .model import ArgumentMap, Claim, Link, Perspective, Quote, Source, Theme
from .render import to_dot, to_mermaid
from .summary import Summary, summarize
from .validate import validate

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
