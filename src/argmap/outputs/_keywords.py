"""The keyword options of every output, typed: a diagram's, and those of the texts.

One :class:`OutputKeywords` covers them all, so :func:`argmap.outputs.produce` and
:meth:`argmap.ArgumentMap.render` are typed without ``Any``; each output still refuses, at
run time, an option it does not take (``depth`` means steps from ``focus`` in a diagram and
levels of replies in a summary; ``width`` the wrap width of claim boxes, or of a text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypedDict

from ..render.options import DiagramKeywords

__all__ = ["OutputKeywords", "ReportKeywords", "TextKeywords"]


class TextKeywords(TypedDict, total=False):
    """The options of the summaries and the report (see :func:`argmap.summarize`)."""

    root: str | None
    depth: int | None
    themes: str | Iterable[str] | None
    quotes: bool
    width: int
    analysis: bool
    diagram: bool


class OutputKeywords(DiagramKeywords, total=False):
    """The options of any output: a diagram's (:func:`argmap.to_dot`) and a text's."""

    root: str | None
    quotes: bool
    analysis: bool
    diagram: bool


class ReportKeywords(TypedDict, total=False):
    """The options of :func:`argmap.html_report`, for :func:`argmap.report.write_report`."""

    depth: int | None
    themes: Sequence[str] | None
    quotes: bool
    diagram: bool
    analysis: bool
