"""Text summaries of argument maps: report, outline, plain text, long description, brief.

All are built from the map's structure alone (no language model) and are deterministic:
the same map gives the same text, byte for byte. :func:`summarize` picks one by name and
returns a :class:`Summary`, which Jupyter shows as Markdown or HTML.

Examples
--------
>>> from argmap import ArgumentMap
>>> m = ArgumentMap(question="Should homework be banned?")
>>> _ = m.claim("ban", "Homework should be banned.", kind="position")
>>> _ = m.claim("stress", "Homework causes stress.")
>>> _ = m.support("stress", "ban")
>>> print(summarize(m, "outline"), end="")
Question: Should homework be banned?
<BLANKLINE>
1. Homework should be banned.
  1.1. Pro: Homework causes stress.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from .._words import did_you_mean
from ..errors import OptionError
from ..model import ArgumentMap
from ._display import Summary
from .brief import brief_text
from .longdesc import long_description
from .markdown import markdown_report, md_escape
from .outline import numbered_outline
from .text import plain_text

__all__ = [
    "FORMATS",
    "Summary",
    "SummaryFormat",
    "brief_text",
    "long_description",
    "markdown_report",
    "md_escape",
    "numbered_outline",
    "plain_text",
    "summarize",
]

#: The summary formats, as ``argmap summary --format`` takes them.
SummaryFormat = Literal["md", "txt", "outline", "brief", "long"]

#: Summary formats by name, as ``argmap summary --format`` takes them.
FORMATS: tuple[SummaryFormat, ...] = get_args(SummaryFormat)


def summarize(
    m: ArgumentMap,
    format: SummaryFormat = "md",
    *,
    root: str | None = None,
    depth: int | None = None,
    themes: Sequence[str] | None = None,
    quotes: bool = True,
    width: int = 80,
    analysis: bool = True,
) -> Summary:
    """Summarise a map in one of :data:`FORMATS`.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    format : {"md", "txt", "outline", "brief", "long"}
        Markdown report, wrapped plain text, numbered outline, one paragraph per position,
        or the long description (the diagram in prose for screen-reader users).
    root : str, optional
        Start from this claim instead of the positions (not used by ``long``).
    depth : int, optional
        Levels of replies to show (``md``, ``txt`` and ``outline``).
    themes : sequence of str, optional
        Keep only claims in these themes.
    quotes : bool
        Show quotes and who asserts each claim (``md`` and ``txt``).
    width : int
        Line width for ``txt``.
    analysis : bool
        Include what stands under grounded semantics (``md`` and ``brief``) when
        :mod:`argmap.analysis` is available.

    Returns
    -------
    Summary
        The text, a ``str`` that also knows its format and displays itself in Jupyter.

    Raises
    ------
    OptionError
        For an unknown format (a ``ValueError`` too), with a did-you-mean.
    ValueError
        For a depth below 1.
    KeyError
        For a root or theme id the map does not have.
    """
    if format == "md":
        text = markdown_report(
            m, root=root, depth=depth, themes=themes, quotes=quotes, analysis=analysis
        )
    elif format == "txt":
        text = plain_text(m, width=width, root=root, depth=depth, themes=themes, quotes=quotes)
    elif format == "outline":
        text = numbered_outline(m, root=root, depth=depth, themes=themes)
    elif format == "brief":
        text = brief_text(m, root=root, themes=themes, analysis=analysis)
    elif format == "long":
        text = long_description(m, themes=themes)
    else:
        close = did_you_mean(str(format), FORMATS)
        hint = f" (did you mean {close!r}?)" if close else ""
        raise OptionError(
            f"unknown summary format {format!r}{hint}; choose from {', '.join(FORMATS)}"
        )
    return Summary(text, format)
