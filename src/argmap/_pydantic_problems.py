"""Pydantic's validation errors as argmap problems: located, coded, in a student's words.

Pydantic checks a map's schema (types, ranges, unknown keys) and reports each error as a
dict with a type and a location; :func:`problems_from_pydantic` turns each into a
:class:`argmap.errors.Problem` with a stable code (``AM0xx``), a JSON path and a message
that says what to change (with a did-you-mean for a misspelt key or choice). It is used
wherever a map is made from data: loading a file, the format readers, the model's builders.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from .errors import Code, Problem

__all__ = ["format_path", "problems_from_pydantic"]

_PYDANTIC_CODES: dict[str, Code] = {
    "missing": Code.MISSING_FIELD,
    "extra_forbidden": Code.UNKNOWN_FIELD,
    "greater_than_equal": Code.OUT_OF_RANGE,
    "less_than_equal": Code.OUT_OF_RANGE,
    "greater_than": Code.OUT_OF_RANGE,
    "less_than": Code.OUT_OF_RANGE,
    "literal_error": Code.BAD_CHOICE,
    "enum": Code.BAD_CHOICE,
    "too_short": Code.EMPTY_LIST,
    "string_too_short": Code.EMPTY_TEXT,
    "string_too_long": Code.OUT_OF_RANGE,
    "json_invalid": Code.INVALID_JSON,
    "model_type": Code.NOT_AN_OBJECT,
    "model_attributes_type": Code.NOT_AN_OBJECT,
    "value_error": Code.INVALID_VALUE,
}


def format_path(loc: Sequence[int | str]) -> str:
    """JSON path text from a location tuple.

    >>> format_path(("claims", 3, "quotes", 0, "end"))
    'claims[3].quotes[0].end'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problems_from_pydantic(
    exc: ValidationError, prefix: str = "", model: type[Any] | None = None
) -> list[Problem]:
    """Translate pydantic's errors into located, coded problems a student can act on.

    ``model`` is the type that was validated (the map, a claim, ...), so a misspelt key is
    matched against that type's own keys; without it no keys are suggested. (The caller
    names it: this module sits below the model and does not import it.)

    Examples
    --------
    >>> from pydantic import ValidationError
    >>> from argmap.model import Claim
    >>> try:
    ...     Claim.model_validate({"id": "c1", "txt": "Homework helps."})
    ... except ValidationError as exc:
    ...     for p in problems_from_pydantic(exc, prefix="claims[0]", model=Claim):
    ...         print(p.code.value, p.path, p.message)
    AM010 claims[0].text required key 'text' is missing
    AM011 claims[0].txt unknown key 'txt' (did you mean 'text'?)
    """
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        path = format_path(loc)
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        problems.append(Problem(_code_for(err), path, _message_for(err, model)))
    return problems


def _code_for(err: Any) -> Code:
    kind = err["type"]
    if tuple(err["loc"]) == ("format",):
        return Code.UNSUPPORTED_FORMAT
    if kind == "string_pattern_mismatch":
        last = str(err["loc"][-1]) if err["loc"] else ""
        return (
            Code.BAD_ID
            if last in {"id", "source", "target", "scheme"} or isinstance(err["loc"][-1], int)
            else Code.INVALID_VALUE
        )
    if kind in _PYDANTIC_CODES:
        return _PYDANTIC_CODES[kind]
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return Code.WRONG_TYPE
    return Code.INVALID_VALUE


def _message_for(err: Any, model: type[Any] | None = None) -> str:
    kind = err["type"]
    field = str(err["loc"][-1]) if err["loc"] else "document"
    if kind == "missing":
        return f"required key {field!r} is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(err["loc"], model)
        hint = ""
        if allowed:
            close = difflib.get_close_matches(field, allowed, n=1)
            hint = (
                f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"
            )
        return f"unknown key {field!r}{hint}"
    if kind == "string_pattern_mismatch":
        if "A-Za-z0-9_-" in str(err.get("ctx", {}).get("pattern", "")):
            return (
                f"{err['input']!r} is not a valid id: use only letters, digits, '-' and '_' "
                f"(for example 'state-capitalism')"
            )
        return f"{err['input']!r} has the wrong form ({err['msg']})"
    if tuple(err["loc"]) == ("format",):
        return (
            f"format {err.get('input')!r} is not one this argmap reads; "
            f"expected 'argmap/1' (upgrade argmap, or fix the 'format' key)"
        )
    if kind == "literal_error" and isinstance(err.get("input"), str):
        choices = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        close = difflib.get_close_matches(err["input"], choices, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{err['input']!r} is not one of {', '.join(choices)}{hint}"
    if kind == "string_too_short":
        return f"{field!r} must not be empty"
    if kind == "too_short":
        return f"{field!r} needs at least one item"
    if kind == "value_error":
        return f"{field!r} {str(err['msg']).removeprefix('Value error, ')}"
    given = err.get("input")
    shown = repr(given) if len(repr(given)) <= 60 else repr(given)[:57] + "..."
    return f"{err['msg']} (got {shown})"


def _allowed_keys(loc: Sequence[int | str], root: type[Any] | None = None) -> list[str]:
    # Walk the model tree along the error's location to list the keys that were allowed.
    if root is None:
        return []
    model: Any = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        inner = _model_in(field.annotation)
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _model_in(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
