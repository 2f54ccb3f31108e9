"""Analysis of argument maps and abstract argumentation frameworks.

* Which claims stand: :func:`analyze` turns a map into a Dung framework (see
  :mod:`argmap.analysis.bipolar`) and labels claims and links under a semantics.
* How strong they are: :func:`strengths` (DF-QuAD, quadratic energy, Euler-based).
* Why: :func:`explain` in plain sentences. What is wrong with the map: :func:`lint`.
* Abstract frameworks in their own right: :class:`Framework`, :func:`extensions`,
  :func:`accepted`, :func:`grounded` and the ICCMA readers :func:`read_framework`.
"""

from __future__ import annotations

from .bipolar import MapAnalysis, analyze, to_framework
from .explanation import explain
from .framework import Framework
from .gradual import StrengthResult, strengths
from .iccma import read_framework, write_framework
from .quality import Finding, lint
from .semantics import Extensions, Labelling, accepted, extensions, grounded, some_extension
from .stats import MapStatistics, statistics

__all__ = [
    "Extensions",
    "Finding",
    "Framework",
    "Labelling",
    "MapAnalysis",
    "MapStatistics",
    "StrengthResult",
    "accepted",
    "analyze",
    "explain",
    "extensions",
    "grounded",
    "lint",
    "read_framework",
    "some_extension",
    "statistics",
    "strengths",
    "to_framework",
    "write_framework",
]
