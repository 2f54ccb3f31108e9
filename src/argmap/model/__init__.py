"""The argument-map model: claims, links, sources, quotes, themes and perspectives.

The pydantic types *are* the schema: ``argmap schema`` prints what they generate, and the
loader validates files against them. An :class:`ArgumentMap` is claims plus links, where a
link is a hyperedge from one or more source claims to a target that is a claim or another
link (an attack on a link is an *undercut*: it denies that the sources give reason for the
target; a support of a link backs the inference, Toulmin's warrant).

This package holds data and the builder only: ``sources`` (quotes, source documents),
``claims`` (claims, themes, perspectives), ``links``, ``argument_map`` (the map, its
lookups and edits) and ``builders`` (the methods that add to it), on ``_base`` (field
types, the strict pydantic base). Reading and writing files lives in :mod:`argmap.io`,
checks that need the whole map in :mod:`argmap.validate`, diagrams in :mod:`argmap.render`;
the few map methods that reach them import lazily, so the model never depends on them at
import time.
"""

from __future__ import annotations

from ._base import FORMAT_VERSION, Basis, ClaimKind, LinkKind
from ._base import SLUG_PATTERN as SLUG_PATTERN  # importable from here, as before the split
from ._base import Offset as Offset
from ._base import Slug as Slug
from ._base import Unit as Unit
from ._base import is_slug as is_slug
from .argument_map import ArgumentMap
from .claims import Claim, Perspective, Theme
from .links import AnsweredQuestion, Link
from .sources import Quote, Source

__all__ = [
    "FORMAT_VERSION",
    "AnsweredQuestion",
    "ArgumentMap",
    "Basis",
    "Claim",
    "ClaimKind",
    "Link",
    "LinkKind",
    "Perspective",
    "Quote",
    "Source",
    "Theme",
]
