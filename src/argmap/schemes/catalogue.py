"""The catalogue of argumentation schemes: what each scheme's premises and questions are.

The schemes are data (``catalogue.toml`` in this package), read once with
:mod:`importlib.resources` and checked by the pydantic models below: every scheme has
premises with distinct roles, a conclusion, and at least two critical questions of each
kind (``premise``, ``undercut``, ``rebuttal``); no name of one scheme may be a name of
another. A broken data file fails loudly on first use, and the test suite loads it.

Schemes are found by their id (``expert-opinion``), their name, the name argmap writes to
AIF, or any alias other tools use (AIFdb/OVA, Araucaria, Carneades), ignoring case, spaces
and punctuation: ``Expert Opinion``, ``ExpertOpinion`` and ``argument_from_expert_opinion``
all name the same scheme.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .._words import unknown_name

__all__ = [
    "GROUPS",
    "KINDS",
    "Alias",
    "Catalogue",
    "CriticalQuestion",
    "Premise",
    "QuestionKind",
    "Scheme",
    "catalogue",
    "find_scheme",
    "get_scheme",
    "name_key",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
QuestionKind = Literal["premise", "undercut", "rebuttal"]

#: The kinds of critical question, in the order argmap lists them.
KINDS: tuple[QuestionKind, ...] = ("premise", "undercut", "rebuttal")

#: Scheme groups, with what they hold (for listings and the docs).
GROUPS: dict[str, str] = {
    "source": "arguments from a source: who says it, and can they be trusted",
    "case": "applying rules, classifications and comparisons to cases",
    "knowledge": "evidence, signs, causes and what is known",
    "action": "reasoning about what to do",
}

#: Each kind of question, in words, and what in a map answers it.
KIND_MEANING: dict[str, str] = {
    "premise": "doubts a premise; an attack on that premise answers it",
    "undercut": "doubts the step from premises to conclusion; an undercut of the link answers it",
    "rebuttal": "points to the opposite conclusion; an attack on the conclusion answers it",
}

#: At least this many questions of each kind, so every way of attacking is prompted.
MIN_PER_KIND = 2


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Premise(_Frozen):
    """One premise of a scheme: its role (``major``, ``minor``, ``source``...) and text."""

    role: Slug
    text: Text


class CriticalQuestion(_Frozen):
    """A critical question: ``premise`` ones name the premise (role) they doubt."""

    id: Slug
    kind: QuestionKind
    text: Text
    premise: Slug | None = None

    def as_dict(self) -> dict[str, Any]:
        """``{"id", "text", "kind"}``, and ``"premise"`` for a premise question."""
        out: dict[str, Any] = {"id": self.id, "text": self.text, "kind": self.kind}
        if self.premise is not None:
            out["premise"] = self.premise
        return out


class Alias(_Frozen):
    """Another tool's name for a scheme, and the source (a key of the catalogue's
    ``sources``) that uses it."""

    name: Text
    source: str


class Scheme(_Frozen):
    """An argumentation scheme: premises, conclusion and critical questions.

    Examples
    --------
    >>> s = get_scheme("expert-opinion")
    >>> s.name, [p.role for p in s.premises]
    ('Argument from expert opinion', ['major', 'minor', 'domain'])
    >>> s.question("cq6").kind
    'rebuttal'
    """

    id: Slug
    name: Text
    group: Literal["source", "case", "knowledge", "action"]
    aif: Text
    sources: Annotated[list[str], Field(min_length=1)]
    aliases: list[Alias] = Field(default_factory=list)
    premises: Annotated[list[Premise], Field(min_length=1)]
    conclusion: Text
    questions: list[CriticalQuestion]

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        roles = [p.role for p in self.premises]
        _no_repeats(roles, f"{self.id}: premise role")
        _no_repeats([q.id for q in self.questions], f"{self.id}: question id")
        for q in self.questions:
            if q.kind == "premise" and q.premise not in roles:
                raise ValueError(
                    f"{self.id}.{q.id}: a premise question names one of {roles}, not {q.premise!r}"
                )
            if q.kind != "premise" and q.premise is not None:
                raise ValueError(f"{self.id}.{q.id}: only premise questions name a premise")
        counts = Counter(q.kind for q in self.questions)
        for kind in KINDS:
            if counts[kind] < MIN_PER_KIND:
                raise ValueError(
                    f"{self.id}: {counts[kind]} {kind} question(s), at least {MIN_PER_KIND} wanted"
                )
        return self

    def question(self, question_id: str) -> CriticalQuestion:
        """The critical question with this id; :class:`argmap.UnknownNameError` if none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise unknown_name(
            f"critical question of {self.id}", question_id, [q.id for q in self.questions]
        )

    def names(self) -> list[str]:
        """Every name the scheme is found by: id, name, AIF name, aliases."""
        return [self.id, self.name, self.aif, *(a.name for a in self.aliases)]

    def as_dict(self) -> dict[str, Any]:
        """The scheme as plain data, as ``argmap schemes ID --format json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "group": self.group,
            "aif": self.aif,
            "aliases": list(dict.fromkeys(a.name for a in self.aliases)),
            "alias_sources": [{"name": a.name, "source": a.source} for a in self.aliases],
            "premises": [{"role": p.role, "text": p.text} for p in self.premises],
            "conclusion": self.conclusion,
            "critical_questions": [q.as_dict() for q in self.questions],
            "sources": list(self.sources),
        }


class Catalogue(_Frozen):
    """All schemes, with the sources they are drawn from; iterate for the schemes."""

    sources: dict[str, Text]
    schemes: Annotated[list[Scheme], Field(min_length=1)]

    @model_validator(mode="after")
    def _names_are_unambiguous(self) -> Catalogue:
        _no_repeats([s.id for s in self.schemes], "scheme id")
        owner: dict[str, str] = {}
        for s in self.schemes:
            cited = [*s.sources, *(a.source for a in s.aliases)]
            unknown = sorted(set(cited) - set(self.sources))
            if unknown:
                raise ValueError(f"{s.id}: source(s) {unknown} not listed in [sources]")
            for name in s.names():
                key = name_key(name)
                if owner.setdefault(key, s.id) != s.id:
                    raise ValueError(f"{s.id}: name {name!r} also names {owner[key]}")
        return self

    def __iter__(self) -> Iterator[Scheme]:  # type: ignore[override]
        return iter(self.schemes)

    def __len__(self) -> int:
        return len(self.schemes)

    @functools.cached_property
    def _by_key(self) -> dict[str, Scheme]:
        return {name_key(n): s for s in self.schemes for n in s.names()}

    @property
    def ids(self) -> list[str]:
        """The scheme ids, in catalogue order."""
        return [s.id for s in self.schemes]

    def find(self, name: str) -> Scheme | None:
        """The scheme ``name`` names (id, name or alias, loosely matched), or None."""
        return self._by_key.get(name_key(name))

    def get(self, name: str) -> Scheme:
        """Like :meth:`find`, but an unknown name raises :class:`argmap.UnknownNameError`
        with a did-you-mean."""
        found = self.find(name)
        if found is None:
            raise unknown_name("argumentation scheme", name, self.ids)
        return found


def name_key(name: str) -> str:
    """The form names are compared in: lower case, letters and digits only.

    >>> name_key("Argument From Sign") == name_key("argument_from_sign")
    True
    """
    return re.sub(r"[^0-9a-z]", "", name.casefold())


@functools.cache
def catalogue() -> Catalogue:
    """The catalogue shipped with argmap, loaded and validated once.

    Examples
    --------
    >>> len(catalogue()) >= 30
    True
    >>> catalogue().find("ExpertOpinion").id
    'expert-opinion'
    """
    data = resources.files(__package__).joinpath("catalogue.toml").read_text(encoding="utf-8")
    return Catalogue.model_validate(tomllib.loads(data))


def get_scheme(name: str) -> Scheme:
    """The scheme with this id, name or alias; :class:`argmap.UnknownNameError` if none.

    >>> get_scheme("Argument from Expert Opinion").id
    'expert-opinion'
    >>> try:
    ...     get_scheme("expert-opinon")
    ... except KeyError as exc:
    ...     print(exc)
    no argumentation scheme 'expert-opinon' (did you mean 'expert-opinion'?)
    """
    return catalogue().get(name)


def find_scheme(name: str | None) -> Scheme | None:
    """The scheme a link's ``scheme`` field names, or None (no scheme, or free text).

    >>> find_scheme("argument_from_sign").id
    'sign'
    >>> find_scheme("my-own-pattern") is None
    True
    """
    return catalogue().find(name) if name else None


def _no_repeats(items: list[str], what: str) -> None:
    repeated = sorted(k for k, n in Counter(items).items() if n > 1)
    if repeated:
        raise ValueError(f"{what} repeated: {', '.join(repeated)}")
