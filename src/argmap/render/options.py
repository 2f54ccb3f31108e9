"""The options every diagram writer takes, checked once.

Writers (:func:`argmap.to_dot`, :func:`argmap.to_mermaid`, :func:`argmap.render.to_svg`) take
the same keyword arguments; :func:`make_options` turns them into one frozen
:class:`DiagramOptions` and rejects a wrong value with a :class:`argmap.RenderError` saying what
is allowed, so a typo on the command line gets a sentence, not a traceback.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypedDict, Unpack, cast, get_args

from .._words import did_you_mean, option_error
from ..errors import RenderError

__all__ = ["DiagramKeywords", "DiagramOptions", "make_options"]

Labels = Literal["both", "title", "text"]
Group = Literal["auto", "clusters", "bands", "none"]
Direction = Literal["auto", "BT", "TB", "LR", "RL"]
#: The directions as given: Graphviz's names, or the plain words for them.
DirectionName = Direction | Literal["up", "down", "right", "left"]
Status = Literal["accepted", "rejected", "undecided"]


class HasStatus(Protocol):
    """An analysis result: anything with a ``status`` mapping of claim id to label."""

    @property
    def status(self) -> Mapping[str, str]: ...


class DiagramKeywords(TypedDict, total=False):
    """The keyword options of every diagram writer, typed; :func:`argmap.to_dot` says what
    each one means. :func:`make_options` checks the values once per call."""

    labels: Labels
    width: int
    group: Group
    themes: str | Iterable[str] | None
    focus: str | None
    depth: int
    direction: DirectionName
    bw: bool
    legend: bool
    title: bool
    status: Mapping[str, Status | float] | HasStatus | None
    highlight: Mapping[str, Status | float] | HasStatus | None
    href_prefix: str | None
    id_prefix: str
    layout: Mapping[str, str | int | float] | None
    styles: Mapping[str, Mapping[str, str]] | None
    compact: bool
    aspect: float
    max_width: float | None
    fine_print: float
    status_tags: Mapping[str, str] | None


#: Maps with at least this many claims get colour bands instead of cluster boxes under
#: ``group="auto"``: cluster boxes cost layout time and, at that size, readability.
CLUSTER_LIMIT = 300

# SVG element ids are written unquoted into DOT and XML: keep the prefix to slug characters.
_ID_PREFIX = re.compile(r"[A-Za-z0-9_-]*")

# Graphviz attribute names (https://graphviz.org/doc/info/attrs.html) are plain identifiers;
# a layout key is written into DOT unquoted, so nothing else may pass.
_ATTRIBUTE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_DIRECTION_WORDS = {"up": "BT", "down": "TB", "right": "LR", "left": "RL", "auto": "auto"}
_DIRECTIONS = tuple(dict.fromkeys((*get_args(Direction), *_DIRECTION_WORDS)))


@dataclass(frozen=True)
class DiagramOptions:
    """What to draw and how; see :func:`argmap.to_dot` for each field's meaning."""

    labels: Labels = "both"
    width: int = 32
    group: Group = "auto"
    themes: tuple[str, ...] | None = None
    focus: str | None = None
    depth: int = 1
    direction: Direction = "auto"
    bw: bool = False
    legend: bool = True
    title: bool = True
    status: Mapping[str, Status | float] = field(default_factory=dict)
    #: Per claim, the words of the tag its ``status`` number would get ("strength 0.78"),
    #: for a number that is something else (a class's mean rating: "class 3.1/4").
    status_tags: Mapping[str, str] = field(default_factory=dict)
    href_prefix: str | None = None
    id_prefix: str = ""
    layout: Mapping[str, str] = field(default_factory=dict)
    styles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    compact: bool = True
    aspect: float = 1.0
    max_width: float | None = None
    fine_print: float = 8.0

    def grouping(self, n_claims: int) -> Literal["clusters", "bands", "none"]:
        """The grouping in force for a view of ``n_claims`` claims."""
        if self.group == "auto":
            # A width to fit (a notebook cell, a page) leaves no room for theme boxes side
            # by side; stacked, they make a column of single boxes with links running
            # down it. Colour bands keep the themes without the boxes.
            small = n_claims < CLUSTER_LIMIT and self.max_width is None
            return "clusters" if small else "bands"
        return self.group


def make_options(**keywords: Unpack[DiagramKeywords]) -> DiagramOptions:
    """Check keyword options and return them as :class:`DiagramOptions`.

    ``highlight`` is accepted as another name for ``status``.

    Examples
    --------
    >>> make_options(labels="title", direction="up").direction
    'BT'
    >>> make_options(labels="bold")
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: labels must be one of both, title, text (got 'bold')
    >>> make_options(lables="title")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: no diagram option 'lables' (did you mean 'labels'?; options: ...)
    """
    options: dict[str, Any] = dict(keywords)
    if "highlight" in options:
        if options.get("status") is not None:
            raise RenderError("give status or highlight, not both (they are the same option)")
        options["status"] = options.pop("highlight")
    unknown = sorted(set(options) - set(DiagramOptions.__dataclass_fields__))
    if unknown:
        known = [*DiagramOptions.__dataclass_fields__, "highlight"]
        raise option_error("diagram", unknown[0], known)
    direction = options.get("direction")
    if isinstance(direction, str):
        named = _DIRECTION_WORDS.get(direction.lower(), direction.upper())
        # A wrong one is shown as given, against the words too (did you mean 'up'?).
        _choice("direction", named if named in get_args(Direction) else direction, _DIRECTIONS)
        options["direction"] = named
    for name, kind in (("labels", Labels), ("group", Group), ("direction", Direction)):
        if name in options:
            _choice(name, options[name], get_args(kind))
    width = options.get("width", 32)
    if not isinstance(width, int) or width < 8:
        raise RenderError(f"width must be a whole number of characters, 8 or more (got {width!r})")
    depth = options.get("depth", 1)
    if not isinstance(depth, int) or depth < 0:
        raise RenderError(f"depth must be a whole number, 0 or more (got {depth!r})")
    id_prefix = options.get("id_prefix", "")
    if not isinstance(id_prefix, str) or not _ID_PREFIX.fullmatch(id_prefix):
        raise RenderError(f"id_prefix may hold letters, digits, - and _ only (got {id_prefix!r})")
    themes = options.get("themes")
    if themes is not None:
        options["themes"] = (themes,) if isinstance(themes, str) else tuple(themes)
    options["status"] = _status(options.get("status"))
    layout = {str(k): str(v) for k, v in (options.get("layout") or {}).items()}
    for key in layout:
        if not _ATTRIBUTE.fullmatch(key):
            raise RenderError(f"layout attribute {key!r} is not a Graphviz attribute name")
    options["layout"] = layout
    options["styles"] = _styles(options.get("styles"))
    options["status_tags"] = _status_tags(options.get("status_tags"))
    max_width = options.get("max_width")
    if max_width is not None and (
        isinstance(max_width, bool)
        or not isinstance(max_width, int | float)
        or not 100 <= max_width < math.inf
    ):
        raise RenderError(f"max_width is in points, 100 or more (got {max_width!r})")
    aspect = options.get("aspect", 1.0)
    if isinstance(aspect, bool) or not isinstance(aspect, int | float) or not 0.2 <= aspect <= 5:
        raise RenderError(f"aspect is width:height as a number from 0.2 to 5 (got {aspect!r})")
    options["aspect"] = float(aspect)
    fine = options.get("fine_print", 8.0)
    if isinstance(fine, bool) or not isinstance(fine, int | float) or not 6 <= fine <= 14:
        raise RenderError(f"fine_print is a size in points from 6 to 14 (got {fine!r})")
    options["fine_print"] = float(fine)
    return DiagramOptions(**options)


def _choice(name: str, value: object, allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    if value not in allowed:
        close = did_you_mean(value, allowed) if isinstance(value, str) else None
        hint = f"; did you mean {close!r}?" if close else ""
        raise RenderError(f"{name} must be one of {', '.join(allowed)} (got {value!r}{hint})")


def _status(raw: object) -> dict[str, Status | float]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) and isinstance(getattr(raw, "status", None), Mapping):
        raw = getattr(raw, "status")  # noqa: B009 - an analysis result's .status mapping
    if not isinstance(raw, Mapping):
        raise RenderError(f"status must be a mapping of claim id to status, not {raw!r:.60}")
    out: dict[str, Status | float] = {}
    for claim_id, value in raw.items():
        if isinstance(value, bool):  # bool is an int; True is not a strength
            raise RenderError(f"status of {claim_id!r}: use a label or a number, not {value!r}")
        if isinstance(value, int | float):
            number = float(value)
            if math.isnan(number) or not 0.0 <= number <= 1.0:
                raise RenderError(f"status of {claim_id!r}: strength {value!r} is not in [0, 1]")
            out[str(claim_id)] = number
        elif value in get_args(Status):
            out[str(claim_id)] = cast(Status, value)
        else:
            raise RenderError(
                f"status of {claim_id!r} must be accepted, rejected, undecided "
                f"or a strength in [0, 1] (got {value!r})"
            )
    return out


def _styles(raw: object) -> dict[str, dict[str, str]]:
    """Per-item Graphviz attributes, checked: slug ids, attribute names, text values.

    >>> _styles({"c1": {"color": "#c00", "style": "dashed"}})
    {'c1': {'color': '#c00', 'style': 'dashed'}}
    >>> _styles({"c1": {"label=<x>": "y"}})
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: styles of 'c1': 'label=<x>' is not a Graphviz attribute name
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise RenderError(f"styles must map claim or link ids to attributes, not {raw!r:.60}")
    out: dict[str, dict[str, str]] = {}
    for item_id, attrs in raw.items():
        if not isinstance(item_id, str) or not _ID_PREFIX.fullmatch(item_id) or not item_id:
            raise RenderError(f"styles: {item_id!r} is not a claim or link id")
        if not isinstance(attrs, Mapping):
            raise RenderError(f"styles of {item_id!r} must map attribute names to values")
        checked: dict[str, str] = {}
        for key, value in attrs.items():
            if not isinstance(key, str) or not _ATTRIBUTE.fullmatch(key):
                raise RenderError(
                    f"styles of {item_id!r}: {key!r} is not a Graphviz attribute name"
                )
            if key in _RESERVED:
                raise RenderError(f"styles of {item_id!r}: {key!r} is set by argmap and cannot be")
            checked[key] = str(value)
        out[item_id] = checked
    return out


def _status_tags(raw: object) -> dict[str, str]:
    """Per-claim tag words, checked: a mapping of claim id to short, one-line text.

    >>> _status_tags({"c1": "class 3.1/4"})
    {'c1': 'class 3.1/4'}
    >>> _status_tags({"c1": "two\\nlines"})
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: status_tags of 'c1' must be one line of at most 40 characters
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise RenderError(f"status_tags must map claim ids to text, not {raw!r:.60}")
    out: dict[str, str] = {}
    for claim_id, text in raw.items():
        # The tag shares a line with the kind and basis: keep it short and on one line.
        if not isinstance(text, str) or not text.strip() or len(text) > 40 or "\n" in text:
            raise RenderError(
                f"status_tags of {claim_id!r} must be one line of at most 40 characters"
            )
        out[str(claim_id)] = text
    return out


# What the writer owns: a label or id from outside would break escaping or the SVG's ids.
_RESERVED = frozenset({"id", "label", "xlabel", "URL", "href", "tooltip", "class"})
