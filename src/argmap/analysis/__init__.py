"""Analysis of argument maps and abstract argumentation frameworks."""

from __future__ import annotations

from .framework import Framework
from .iccma import read_framework, write_framework
from .semantics import Extensions, Labelling, accepted, extensions, grounded, some_extension

__all__ = [
    "Extensions",
    "Framework",
    "Labelling",
    "accepted",
    "extensions",
    "grounded",
    "read_framework",
    "some_extension",
    "write_framework",
]
