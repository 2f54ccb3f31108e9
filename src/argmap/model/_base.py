"""What every model type shares: field types, the pydantic base, and the builders' errors.

Ids are slugs (:data:`SLUG_PATTERN`) so they survive every export unquoted; the base class
makes every model strict (a string ``"3"`` is not an offset) and closed (a misspelt key is
an error). :func:`_build` and :func:`_problem` turn what goes wrong in a builder call into a
located :class:`argmap.MapValidationError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic._internal._model_construction import ModelMetaclass

__all__ = [
    "FORMAT_VERSION",
    "SLUG_PATTERN",
    "Basis",
    "ClaimKind",
    "LinkKind",
    "Offset",
    "Slug",
    "Unit",
    "is_slug",
]

FORMAT_VERSION = "argmap/1"

#: Ids are slugs so they survive every export (DOT, Mermaid, Argdown, file names) unquoted.
SLUG_PATTERN = r"^[A-Za-z0-9_-]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=200)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Offset = Annotated[int, Field(ge=0)]

ClaimKind = Literal["position", "claim", "evidence", "assumption"]
LinkKind = Literal["support", "attack"]
Basis = Literal[
    "statistic",
    "testimony",
    "expert_opinion",
    "historical_record",
    "example",
    "definition",
    "common_belief",
    "personal_experience",
    "quote",
    "other",
]

_SLUG_RE = re.compile(SLUG_PATTERN)


class _Listed(ModelMetaclass):
    """The pydantic metaclass, with ``dir()`` of a model class kept to argmap's own names.

    ``help(argmap.ArgumentMap)`` lists what ``dir`` gives; with pydantic's two dozen
    ``model_*`` methods and their long docstrings it ran to 570 lines, burying the builder.
    Those methods still work (``model_dump``, ``model_validate``, ...): they are pydantic's,
    documented there, and argmap's own API (``dumps``, ``argmap.loads``) covers their uses.
    """

    def __dir__(cls) -> list[str]:
        own = {
            name
            for klass in cls.__mro__
            if klass.__module__.startswith(_PACKAGE)
            for name in vars(klass)
            # model_config and model_post_init are pydantic's, set in each class's namespace
            if not name.startswith(("_", "model_"))
        }
        fields: dict[str, Any] = getattr(cls, "model_fields", {})
        return sorted(own | set(fields) | _SHOWN_DUNDERS)


#: The model's modules (the classes of argmap.model.*, not pydantic's).
_PACKAGE = __name__.rpartition(".")[0] + "."
_SHOWN_DUNDERS = {"__init__", "__eq__", "__len__", "__iter__", "__getitem__", "__contains__"}


class _Base(BaseModel, metaclass=_Listed):
    # strict: a string "3" is not an offset; extra="forbid": a misspelt key is an error,
    # not silently dropped data. cache_strings=False: pydantic's string cache pays off for
    # repeated values, but a map's strings are mostly distinct ids and texts, and on a
    # 100,000-claim map the cache cost a third of the parse (docs/benchmarks.md).
    model_config = ConfigDict(
        extra="forbid", strict=True, validate_assignment=False, cache_strings=False
    )


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain some non-space text")
    return value


def is_slug(text: str) -> bool:
    """True if ``text`` is usable as an id (letters, digits, ``-`` and ``_``)."""
    # fullmatch: with match, "$" also accepts a line break at the end ("id\n").
    return bool(_SLUG_RE.fullmatch(text))


def _build(cls: type[Any], where: str, /, **fields: Any) -> Any:
    """Construct a model object, turning pydantic's error into a located MapValidationError.

    ``cls`` and ``where`` are positional-only, so a field may have any name (``path`` is a
    field of :class:`Source`).
    """
    try:
        return cls(**fields)
    except ValidationError as exc:
        from .._pydantic_problems import problems_from_pydantic
        from ..errors import MapValidationError

        raise MapValidationError(problems_from_pydantic(exc, prefix=where, model=cls)) from None


def _unknown(what: str, name: str, known: Iterable[str]) -> Exception:
    from ..errors import UnknownNameError

    # ``known`` is a generator: it is read only if the message is ever shown.
    return UnknownNameError(what=what, name=name, known=known)


def _problem(code: str, path: str, message: str) -> Exception:
    from ..errors import Code, MapValidationError, Problem

    return MapValidationError([Problem(Code(code), path, message)])
