"""The :class:`Summary` object: text that knows its format and shows itself in Jupyter."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

__all__ = ["Summary"]


@dataclass(frozen=True, repr=False)
class Summary:
    """A summary's text and format (``md``, ``txt``, ``outline``, ``brief`` or ``long``).

    ``str(summary)`` is the text. In Jupyter a Markdown summary renders as Markdown and the
    others as escaped HTML (preformatted for the outline and plain text, paragraphs for
    prose), so user text never turns into markup.

    Examples
    --------
    >>> s = Summary("1. Claim <b>\\n", "outline")
    >>> print(s, end="")
    1. Claim <b>
    >>> s._repr_html_()
    '<pre class="argmap-summary">1. Claim &lt;b&gt;\\n</pre>'
    >>> s._repr_markdown_() is None
    True
    >>> s
    <Summary format='outline', 1 line>
    """

    text: str
    format: str

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        lines = self.text.count("\n")
        return f"<Summary format={self.format!r}, {lines} line{'s' if lines != 1 else ''}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython's plain-text display: the text itself, as print() would show it.
        printer.text(self.text.rstrip("\n"))

    def _repr_markdown_(self) -> str | None:
        # Returning None tells IPython this representation is not on offer.
        return self.text if self.format == "md" else None

    def _repr_html_(self) -> str | None:
        if self.format == "md":
            return None
        if self.format in ("brief", "long"):
            paragraphs = [p for p in self.text.split("\n\n") if p.strip()]
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            return f'<div class="argmap-summary">{body}</div>'
        return f'<pre class="argmap-summary">{html.escape(self.text)}</pre>'
