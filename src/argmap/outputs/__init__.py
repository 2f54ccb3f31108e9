"""Every output argmap makes, registered once: diagrams, summaries, the report, formats.

An :class:`Output` names what it makes, the file endings it is told by, how its keyword
options are checked (once per call, into one typed options object), and the function that
makes the file's content from a map and those options. The command line (``argmap render``,
``summary``, ``report``, ``convert``), :meth:`argmap.ArgumentMap.render` and
:func:`argmap.write` all go through :func:`produce`, so the same request gives the same
bytes from Python and from the shell.

The built-in outputs live in one module per kind (:mod:`argmap.outputs.diagrams`,
:mod:`~argmap.outputs.summaries`, :mod:`~argmap.outputs.report`) and every writer of
:mod:`argmap.formats` is one too (:mod:`~argmap.outputs.formats`, read from that registry,
so a format registered there is an output here as well). Adding an output is one
:func:`register` call:

>>> import argmap
>>> from argmap.outputs import Output, Product, no_options, register, produce
>>> register(Output(
...     name="claim-count", kind="summary", extensions=(".count",),
...     description="how many claims the map has",
...     options=no_options("claim-count"),
...     make=lambda m, opts: Product(f"{len(m.claims)} claims\\n"),
... ))
>>> m = argmap.ArgumentMap()
>>> m.claim("a", "A claim.")
'a'
>>> produce(m, "claim-count").data
b'1 claims\\n'
>>> unregister("claim-count")
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, Unpack

from .._words import option_error, unknown_name
from ..errors import ArgmapError, LossError, OptionError, UnknownOutputError
from ..io.files import atomic_write
from ..model import ArgumentMap

if TYPE_CHECKING:
    from ..render.backend import Renderer
    from ._keywords import OutputKeywords

__all__ = [
    "MODULES",
    "Kind",
    "Output",
    "OutputKeywords",
    "Product",
    "get_output",
    "no_options",
    "output_for",
    "outputs",
    "produce",
    "register",
    "unregister",
    "write",
]

#: What an output is: it decides which command writes it.
Kind = Literal["diagram", "summary", "report", "format"]

#: The module of built-in outputs of each kind, with ``OUTPUTS`` (or ``outputs()`` when
#: they are read from another registry), loaded when that kind is first asked for (so
#: ``argmap summary`` loads no diagram or format code). Registry order is this order: on a
#: tie between endings the first wins (``.txt`` is the plain-text summary, not Kialo).
MODULES: dict[Kind, str] = {
    "diagram": "diagrams",
    "summary": "summaries",
    "report": "report",
    "format": "formats",
}

OptionsT = TypeVar("OptionsT")


@dataclass(frozen=True)
class Product:
    """What an output made: the file's content, what it could not hold, and for diagrams
    the Graphviz program that drew it (the command line says when it was the fallback).

    Examples
    --------
    >>> Product("text\\n").data, Product(b"\\x89PNG").data
    (b'text\\n', b'\\x89PNG')
    """

    content: str | bytes
    losses: tuple[str, ...] = ()
    renderer: Renderer | None = None

    @property
    def data(self) -> bytes:
        """The content as the bytes a file gets (text as UTF-8)."""
        content = self.content
        return content.encode("utf-8") if isinstance(content, str) else content


@dataclass(frozen=True)
class Output(Generic[OptionsT]):
    """One output: its name, kind and file endings, and how to make it.

    ``options`` takes the keyword options of a call and returns them checked (a wrong
    name or value raises an :class:`argmap.ArgmapError` naming it); ``make`` turns a map and
    those options into a :class:`Product`.
    """

    name: str
    kind: Kind
    extensions: tuple[str, ...]
    description: str
    options: Callable[..., OptionsT]
    make: Callable[[ArgumentMap, OptionsT], Product]
    aliases: tuple[str, ...] = field(default=())


_REGISTRY: dict[str, Output[Any]] = {}
#: Each loaded kind's function giving its built-in outputs.
_LOADED: dict[Kind, Callable[[], list[Output[Any]]]] = {}


def __getattr__(name: str) -> Any:
    # The typed keywords build on the diagram options: loading them loads argmap.render,
    # which a conversion or a summary does not otherwise need.
    if name == "OutputKeywords":
        from ._keywords import OutputKeywords

        return OutputKeywords
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def register(output: Output[Any]) -> None:
    """Add an output (or replace the one of the same name); its kind and endings are checked.

    Examples
    --------
    >>> toy = Output("toy", "summary", (".toy",), "a toy", no_options("toy"),
    ...              lambda m, opts: Product(""))
    >>> register(toy)
    >>> output_for("x.toy") is toy
    True
    >>> unregister("toy")
    >>> register(Output("bad", "summary", ("png",), "", no_options("bad"), toy.make))
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: output 'bad': an ending is lower case and starts with '.' (got 'png')
    """
    if output.kind not in MODULES:
        raise ArgmapError(
            f"output {output.name!r}: kind must be one of {', '.join(MODULES)} "
            f"(got {output.kind!r})"
        )
    for ending in output.extensions:
        if not ending.startswith(".") or ending != ending.lower():
            raise ArgmapError(
                f"output {output.name!r}: an ending is lower case and starts with '.' "
                f"(got {ending!r})"
            )
    _REGISTRY[output.name] = output


def unregister(name: str) -> None:
    """Remove an output added with :func:`register` (a built-in one stays).

    Examples
    --------
    >>> unregister("no-such-output")  # nothing to remove is not an error
    >>> get_output("svg").name  # built in: stays
    'svg'
    """
    _REGISTRY.pop(name, None)


def _built_in(kind: Kind) -> list[Output[Any]]:
    if kind not in _LOADED:
        module = importlib.import_module(f"{__name__}.{MODULES[kind]}")
        fixed: tuple[Output[Any], ...] | None = getattr(module, "OUTPUTS", None)
        # Read each time when not fixed: a format registered later is an output too.
        _LOADED[kind] = (lambda: list(fixed)) if fixed is not None else module.outputs
    return _LOADED[kind]()


def _table(kind: Kind | None) -> dict[str, Output[Any]]:
    table: dict[str, Output[Any]] = {}
    for each in MODULES:
        if kind is None or kind == each:
            table.update((o.name, o) for o in _built_in(each) if o.name not in table)
    table.update((o.name, o) for o in _REGISTRY.values() if kind is None or o.kind == kind)
    return table


def outputs(kind: Kind | None = None) -> list[Output[Any]]:
    """Every registered output, or those of one ``kind``, in registry order.

    Examples
    --------
    >>> [o.name for o in outputs("diagram")]
    ['dot', 'svg', 'png', 'pdf', 'mermaid']
    """
    return list(_table(kind).values())


def get_output(name: str, kind: Kind | None = None) -> Output[Any]:
    """The output called ``name`` (or one of its aliases), of ``kind`` if given.

    Examples
    --------
    >>> get_output("mmd").name
    'mermaid'
    >>> get_output("mermiad")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownNameError: no output 'mermiad' (did you mean 'mermaid'?)
    """
    candidates = outputs(kind)
    key = name.lower().lstrip(".")
    for output in candidates:
        if key == output.name or key in output.aliases:
            return output
    what = f"{kind} output" if kind else "output"
    raise unknown_name(what, name, [o.name for o in candidates])


def output_for(path: str | Path, kind: Kind | None = None) -> Output[Any]:
    """The output a file name asks for: the most specific ending wins (``x.aif.json`` is
    AIF though ``.json`` is argmap's too); on a tie, the first in registry order.

    Examples
    --------
    >>> [output_for(name).name for name in ("map.svg", "map.mmd", "notes.md", "x.aif.json")]
    ['svg', 'mermaid', 'md', 'aif']
    """
    name = Path(path).name.lower()
    best: Output[Any] | None = None
    longest = 0
    for output in outputs(kind):
        size = max((len(ext) for ext in output.extensions if name.endswith(ext)), default=0)
        if size > longest:
            best, longest = output, size
    if best is None:
        endings = sorted({ext for o in outputs(kind) for ext in o.extensions})
        what = f"{kind} output" if kind else "output"
        raise UnknownOutputError(
            f"{path}: cannot tell the {what} from the file name (endings: {' '.join(endings)})"
        )
    return best


def produce(
    m: ArgumentMap, output: str | Output[Any], **options: Unpack[OutputKeywords]
) -> Product:
    """Make ``output`` (a name or an :class:`Output`) from ``m``, options checked once.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> m.claim("a", "A claim.")
    'a'
    >>> produce(m, "mermaid", direction="down", legend=False).data.splitlines()[0]
    b'flowchart TB'
    >>> produce(m, "outline", qoutes=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: no outline option 'qoutes' (did you mean 'quotes'?; ...)
    """
    chosen = get_output(output) if isinstance(output, str) else output
    return chosen.make(m, chosen.options(**options))


def write(
    m: ArgumentMap,
    path: str | Path,
    output: str | None = None,
    *,
    allow_loss: bool = False,
    **options: Unpack[OutputKeywords],
) -> Product:
    """Write an output of ``m`` to ``path`` atomically; the name tells which, unless
    ``output`` names it.

    Raises :class:`argmap.LossError` (and writes nothing) when the output cannot hold all
    of ``m`` and ``allow_loss`` is false.

    Examples
    --------
    >>> import argmap, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> m = argmap.ArgumentMap()
    >>> m.claim("a", "A claim.")
    'a'
    >>> write(m, folder / "map.mmd").losses
    ()
    >>> (folder / "map.mmd").read_text().splitlines()[0]
    'flowchart BT'
    """
    chosen = get_output(output) if output else output_for(path)
    product = produce(m, chosen, **options)
    if product.losses and not allow_loss:
        raise LossError(list(product.losses), file=str(path), format=chosen.name)
    atomic_write(path, product.content)
    return product


def no_options(name: str) -> Callable[..., None]:
    """An options check for an output that takes none: any keyword is an error.

    Examples
    --------
    >>> no_options("toy")()
    >>> no_options("toy")(width=3)
    Traceback (most recent call last):
    ...
    argmap.errors.OptionError: toy takes no options (got 'width')
    """

    def check(**options: object) -> None:
        if options:
            raise OptionError(f"{name} takes no options (got {sorted(options)[0]!r})")

    return check


def checked_keywords(
    name: str, options: Mapping[str, object], known: tuple[str, ...]
) -> dict[str, object]:
    """``options`` as a dict, after refusing any name not in ``known`` with a did-you-mean."""
    for key in options:
        if key not in known:
            raise option_error(name, key, known)
    return dict(options)
