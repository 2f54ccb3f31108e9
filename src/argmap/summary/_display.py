"""The :class:`Summary` object: text that knows its format and shows itself in Jupyter."""

from __future__ import annotations

from typing import Any

from ..render.quoting import Plain, html_escape

__all__ = ["Summary"]


class Summary(str):
    """A summary: its text, as a ``str``, that knows its format and shows itself in Jupyter.

    ``kind`` is its format: ``md``, ``txt``, ``outline``, ``brief`` or ``long`` (not called
    ``format``, which is the ``str`` method). A ``Summary`` *is*
    its text (print it, write it, compare it, split it); in Jupyter a Markdown summary
    renders as Markdown and the others as escaped HTML (preformatted for the outline and
    plain text, paragraphs for prose), so user text never turns into markup.

    Examples
    --------
    >>> s = Summary("1. Claim <b>\\n", "outline")
    >>> print(s, end="")
    1. Claim <b>
    >>> s == "1. Claim <b>\\n" and isinstance(s, str)
    True
    >>> s._repr_html_()
    '<pre class="argmap-summary">1. Claim &lt;b&gt;\\n</pre>'
    >>> s._repr_markdown_() is None
    True
    >>> s
    <Summary kind='outline', 1 line>
    """

    kind: str

    def __new__(cls, text: str, kind: str) -> Summary:
        new = super().__new__(cls, text)
        new.kind = kind
        return new

    @property
    def text(self) -> str:
        """The text as a plain ``str``."""
        return str.__str__(self)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        lines = self.count("\n")
        return f"<Summary kind={self.kind!r}, {lines} line{'s' if lines != 1 else ''}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Summary, (self.text, self.kind))

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython's plain-text display: the text itself, as print() would show it.
        printer.text(self.text.rstrip("\n"))

    def _repr_markdown_(self) -> str | None:
        # Returning None tells IPython this representation is not on offer.
        return self.text if self.kind == "md" else None

    def _repr_html_(self) -> str | None:
        if self.kind == "md":
            return None
        if self.kind in ("brief", "long"):
            paragraphs = [p for p in self.text.split("\n\n") if p.strip()]
            body = "".join(f"<p>{html_escape(Plain(p))}</p>" for p in paragraphs)
            return f'<div class="argmap-summary">{body}</div>'
        return f'<pre class="argmap-summary">{html_escape(Plain(self.text))}</pre>'
