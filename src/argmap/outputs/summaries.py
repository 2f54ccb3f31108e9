"""The summaries as outputs: Markdown report, plain text, outline, brief, long description.

Each is :func:`argmap.summarize` of its kind; the options are checked once into
:class:`TextOptions` (the report's are the same, see :mod:`argmap.outputs.report`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Unpack

from ..errors import OptionError
from ..model import ArgumentMap
from ..summary import SummaryFormat, summarize
from . import Output, Product, checked_keywords

if TYPE_CHECKING:
    from ._keywords import TextKeywords

__all__ = ["OUTPUTS", "TextOptions", "text_options"]


@dataclass(frozen=True)
class TextOptions:
    """The options of a summary or the report, checked (see :func:`argmap.summarize`)."""

    root: str | None = None
    depth: int | None = None
    themes: tuple[str, ...] | None = None
    quotes: bool = True
    width: int = 80
    analysis: bool = True
    diagram: bool = True


def text_options(what: str, known: tuple[str, ...]) -> Callable[..., TextOptions]:
    """The options check of a text output that takes the options named ``known``."""

    def check(**keywords: Unpack[TextKeywords]) -> TextOptions:
        options = checked_keywords(what, keywords, known)
        themes = options.get("themes")
        if isinstance(themes, str):
            options["themes"] = (themes,)
        elif themes is not None:
            options["themes"] = tuple(_words("themes", themes))
        for name in ("quotes", "analysis", "diagram"):
            if not isinstance(options.get(name, True), bool):
                raise OptionError(f"{name} must be True or False (got {options[name]!r})")
        for name, low in (("depth", 1), ("width", 1)):
            value = options.get(name)
            if value is not None and (type(value) is not int or value < low):
                raise OptionError(f"{name} must be a whole number, {low} or more (got {value!r})")
        return TextOptions(**options)  # type: ignore[arg-type]  # checked just above

    return check


def _words(name: str, values: object) -> Iterable[str]:
    if not isinstance(values, Iterable) or not all(isinstance(v, str) for v in values):
        raise OptionError(f"{name} must be a theme id or a list of them (got {values!r:.60})")
    return values


#: The options a summary takes (``diagram`` is the report's alone).
SUMMARY_OPTIONS = tuple(f.name for f in fields(TextOptions) if f.name != "diagram")


def _summary(kind: SummaryFormat) -> Callable[[ArgumentMap, TextOptions], Product]:
    def make(m: ArgumentMap, opts: TextOptions) -> Product:
        text = summarize(
            m,
            kind,
            root=opts.root,
            depth=opts.depth,
            themes=opts.themes,
            quotes=opts.quotes,
            width=opts.width,
            analysis=opts.analysis,
        )
        return Product(str(text))

    return make


def _output(
    kind: SummaryFormat, extensions: tuple[str, ...], description: str, aliases: tuple[str, ...]
) -> Output[TextOptions]:
    check = text_options(kind, SUMMARY_OPTIONS)
    return Output(kind, "summary", extensions, description, check, _summary(kind), aliases)


OUTPUTS: tuple[Output[TextOptions], ...] = (
    _output("md", (".md", ".markdown"), "Markdown summary report", ("markdown",)),
    _output("txt", (".txt",), "plain text summary, wrapped at width", ("text",)),
    _output("outline", (".outline.txt",), "numbered outline of pros and cons", ()),
    _output("brief", (".brief.txt",), "one paragraph per position", ()),
    _output("long", (".long.txt",), "the diagram in prose, for screen readers", ()),
)
