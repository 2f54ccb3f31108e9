"""Claims, and the themes and perspectives that group them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from ._base import Basis, ClaimKind, Slug, Unit, _Base, _non_blank
from .sources import Quote

__all__ = ["Claim", "Perspective", "Theme"]


class Theme(_Base):
    """A topic that groups claims (shown as a cluster or colour band in diagrams)."""

    id: Slug
    label: Annotated[str, Field(min_length=1)]
    description: str | None = None
    color: Annotated[str, StringConstraints(pattern=r"^#(?:[0-9A-Fa-f]{3}){1,2}$")] | None = None


class Perspective(_Base):
    """Who asserts a claim: a person, group or document as the text attributes it."""

    id: Slug
    label: Annotated[str, Field(min_length=1)]
    description: str | None = None


class Claim(_Base):
    """A statement in the map.

    ``kind`` is ``position`` (an answer to the map's question), ``claim``, ``evidence`` (a factual
    or observational statement) or ``assumption`` (an implicit premise made explicit).
    ``confidence`` is a base score for gradual analysis.
    """

    id: Slug
    title: str | None = None
    text: str
    kind: ClaimKind = "claim"
    basis: Basis | None = None
    themes: list[Slug] = Field(default_factory=list)
    asserted_by: list[Slug] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    confidence: Unit | None = None
    note: str | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        return _non_blank(value)

    @property
    def label(self) -> str:
        """The short label for diagrams: the title when given, else the text."""
        return self.title or self.text
