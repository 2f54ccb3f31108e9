"""Where a map's text comes from: source documents and verbatim quotes of them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ._base import Offset, Slug, _Base

__all__ = ["Quote", "Source"]


class Quote(_Base):
    """A verbatim span of a source text: ``text == source_text[start:end]``.

    Offsets are Python ``str`` indices into the UTF-8-decoded source (code points, not bytes).
    """

    source: Slug
    start: Offset
    end: Offset
    text: Annotated[str, Field(min_length=1)]


class Source(_Base):
    """A document the map's quotes are taken from."""

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    author: str | None = None
    url: str | None = None
    #: Relative to the map file; lets the loader check quotes against the text.
    path: str | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
