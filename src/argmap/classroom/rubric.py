"""The rubric: what counts, and how much, when a student's map is scored.

A rubric is a TOML or JSON file with four tables (``claims``, ``links``, ``penalties``,
``pairing``), validated with pydantic: a misspelt key, a negative number or an unknown
claim id is an error that names the file and the key's path (``penalties.wrong-kind``).
The one argmap ships, ``data/default-rubric.toml``, is documented in ``docs/classroom.md``.

>>> rubric = default_rubric()
>>> rubric.claims.required, rubric.links.points
(['kind:position'], 2.0)
>>> Rubric.model_validate({"links": {"points": -1}})
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Rubric
...
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._words import did_you_mean
from ..errors import FormatError
from ..model import ArgumentMap
from .pairing import PairingSettings

__all__ = [
    "ClaimRules",
    "LinkRules",
    "PairingRules",
    "Penalties",
    "Rubric",
    "RubricError",
    "default_rubric",
    "load_rubric",
    "loads_rubric",
]

Points = Annotated[float, Field(ge=0.0, le=1000.0)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
#: Larger rubric files are refused unread: a rubric is a page of settings.
MAX_RUBRIC_BYTES = 1 << 20


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ClaimRules(_Table):
    """Which reference claims count, and their points (see the default rubric's comments)."""

    required: list[str] = Field(default_factory=lambda: ["kind:position"])
    optional: list[str] = Field(default_factory=lambda: ["kind:assumption"])
    required_points: Points = 3.0
    points: Points = 2.0
    optional_points: Points = 1.0
    paraphrase_credit: Share = 1.0


class LinkRules(_Table):
    """Points per reference link drawn right, and the share for split or merged premises."""

    points: Points = 2.0
    partial_credit: Share = 0.5


class Penalties(_Table):
    """Points lost per mistake, by verdict (the TOML keys are the verdicts' names)."""

    wrong_kind: Points = Field(1.0, alias="wrong-kind")
    wrong_target: Points = Field(1.0, alias="wrong-target")
    wrong_direction: Points = Field(1.0, alias="wrong-direction")
    split_premises: Points = Field(0.0, alias="split-premises")
    merged_premises: Points = Field(0.0, alias="merged-premises")
    extra_link: Points = Field(0.0, alias="extra-link")
    extra_claim: Points = Field(0.0, alias="extra-claim")
    claim_kind: Points = Field(0.5, alias="claim-kind")

    def of(self, verdict: str) -> float:
        """The penalty for a verdict or mistake named as in the output (``wrong-kind``)."""
        value: float = getattr(self, verdict.replace("-", "_"), 0.0)
        return value


class PairingRules(_Table):
    """Pairing thresholds and extra synonyms (see :mod:`argmap.classroom.pairing`)."""

    threshold: Share = 0.45
    floor: Share = 0.3
    margin: Share = 0.1
    synonyms: list[Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=2)]] = (
        Field(default_factory=list)
    )
    default_synonyms: bool = True

    def settings(self) -> PairingSettings:
        return PairingSettings(
            threshold=self.threshold,
            floor=min(self.floor, self.threshold),
            margin=self.margin,
            synonyms=tuple(tuple(g) for g in self.synonyms),
            default_synonyms=self.default_synonyms,
        )


class Rubric(_Table):
    """A whole rubric; every table may be left out, and then takes the defaults."""

    claims: ClaimRules = Field(default_factory=ClaimRules)
    links: LinkRules = Field(default_factory=LinkRules)
    penalties: Penalties = Field(default_factory=Penalties)
    pairing: PairingRules = Field(default_factory=PairingRules)

    def weights(self, reference: ArgumentMap, file: str | None = None) -> dict[str, str]:
        """Each reference claim's class: ``required``, ``optional`` or ``claim``.

        A claim both required and optional is required. Raises :class:`RubricError` for a
        selector that names no claim, kind or theme of the reference.
        """
        required = _select(reference, self.claims.required, "claims.required", file)
        optional = _select(reference, self.claims.optional, "claims.optional", file)
        return {
            c.id: "required" if c.id in required else "optional" if c.id in optional else "claim"
            for c in reference.claims
        }


class RubricError(FormatError):
    """A rubric file that cannot be used; the message names the file and each key's path."""


_KINDS = ("position", "claim", "evidence", "assumption")


def _select(m: ArgumentMap, selectors: Iterable[str], where: str, file: str | None) -> set[str]:
    chosen: set[str] = set()
    for i, selector in enumerate(selectors):
        found = _selected(m, selector)
        if found is None:
            raise RubricError(_unknown_selector(m, selector), file=file, path=f"{where}[{i}]")
        chosen |= found
    return chosen


def _selected(m: ArgumentMap, selector: str) -> set[str] | None:
    """The claims a selector names, or None if it names nothing the reference has."""
    kind, _, value = selector.partition(":")
    if kind == "kind" and value in _KINDS:
        return {c.id for c in m.claims if c.kind == value}
    if kind == "theme" and any(t.id == value for t in m.themes):
        return {c.id for c in m.claims if value in c.themes}
    if any(c.id == selector for c in m.claims):
        return {selector}
    return None


def _unknown_selector(m: ArgumentMap, selector: str) -> str:
    kind, _, value = selector.partition(":")
    ids, themes = [c.id for c in m.claims], [t.id for t in m.themes]
    if kind == "kind":
        return f"{value!r} is not a claim kind (kinds: {', '.join(_KINDS)})"
    if kind == "theme":
        hint = did_you_mean(value, themes)
        extra = f" (did you mean 'theme:{hint}'?)" if hint else ""
        return f"the reference map has no theme {value!r}{extra}"
    hint = did_you_mean(selector, ids)
    extra = f" (did you mean {hint!r}?)" if hint else ""
    return f"{selector!r} is not a claim of the reference map, nor kind:KIND or theme:THEME{extra}"


def default_rubric() -> Rubric:
    """The rubric argmap ships (``argmap/classroom/data/default-rubric.toml``)."""
    text = resources.files(__package__).joinpath("data/default-rubric.toml").read_text("utf-8")
    return loads_rubric(text, "toml", file="default-rubric.toml")


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file (``.toml`` or ``.json``).

    Raises :class:`RubricError` naming the file, the line for a syntax error, and the
    key's path for a value that is not allowed.
    """
    file = Path(path)
    kind = file.suffix.lower().lstrip(".")
    if kind not in ("toml", "json"):
        raise RubricError("a rubric is a .toml or .json file", file=str(file))
    try:
        if file.stat().st_size > MAX_RUBRIC_BYTES:
            raise RubricError(f"over the {MAX_RUBRIC_BYTES} byte limit", file=str(file))
        text = file.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise RubricError(f"cannot read file: {exc.strerror or exc}", file=str(file)) from None
    except UnicodeDecodeError as exc:
        raise RubricError(f"not UTF-8 text (byte {exc.start})", file=str(file)) from None
    return loads_rubric(text, kind, file=str(file))


def loads_rubric(text: str, kind: str, *, file: str | None = None) -> Rubric:
    """Parse rubric text in ``kind`` (``toml`` or ``json``) and validate it."""
    data = _parse(text, kind, file)
    if not isinstance(data, dict):
        raise RubricError("the rubric must be a table (a JSON object)", file=file)
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if len(errors) == 1:
            where = _path(errors[0]["loc"])
            raise RubricError(_message(errors[0]), file=file, path=where) from None
        lines = [f"{_path(e['loc'])}: {_message(e)}" for e in errors]
        message = f"{len(lines)} problems:\n  " + "\n  ".join(lines)
        raise RubricError(message, file=file) from None


def _parse(text: str, kind: str, file: str | None) -> Any:
    try:
        if kind == "toml":
            return tomllib.loads(text)
        return json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        raise RubricError(f"invalid TOML: {message}", file=file, line=line, column=column) from None
    except json.JSONDecodeError as exc:
        raise RubricError(
            f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise RubricError("nested too deeply", file=file) from None


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "$"


def _message(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (check its spelling against the default rubric)"
    return str(error["msg"])
