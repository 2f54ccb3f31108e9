"""Links: supports and attacks from claims to a claim or another link, with their schemes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ._base import LinkKind, Slug, Unit, _Base

__all__ = ["AnsweredQuestion", "Link"]


class AnsweredQuestion(_Base):
    """A critical question of a link's scheme that the map takes up, and what takes it up.

    ``question`` is the question's id in the scheme (``cq3``; ``argmap schemes ID`` lists
    them); ``by`` is the claim or link that answers it, typically an undercut of the link
    (for an ``undercut`` question), an attack on one of its premises (``premise``) or on
    its conclusion (``rebuttal``).
    """

    question: Slug
    by: Slug


class Link(_Base):
    """A support or attack from ``sources`` (claim ids) to ``target`` (a claim or link id).

    Several sources are *linked co-premises*: they give reason only together. ``scheme``
    names an argumentation scheme (see :mod:`argmap.schemes`; other text is kept as is),
    and ``answered`` lists the scheme's critical questions the map takes up.
    """

    id: Slug
    kind: LinkKind
    sources: Annotated[list[Slug], Field(min_length=1)]
    target: Slug
    scheme: Slug | None = None
    weight: Unit | None = None
    note: str | None = None
    # None, not an empty list, when nothing is recorded: maps without schemes are written
    # exactly as before (the writer drops None values).
    answered: list[AnsweredQuestion] | None = None
