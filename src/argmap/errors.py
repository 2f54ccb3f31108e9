"""Typed errors and the problems they carry.

Every failure a user can cause (bad JSON, a dangling id, a quote that does not match its
source, a file that cannot be rendered) surfaces as a subclass of :class:`ArgmapError`, so
callers can catch one type and the CLI can print a located message instead of a traceback.

Problem codes are stable: they are documented in ``docs/validation.md`` and tests assert
them, so a script may rely on ``AM101`` meaning a dangling reference forever.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ._names import unknown_name_message

__all__ = [
    "ArgmapError",
    "Code",
    "FormatError",
    "LossError",
    "MapValidationError",
    "OptionError",
    "Problem",
    "RenderError",
    "Severity",
    "UnknownFormatError",
    "UnknownNameError",
    "UnknownOutputError",
]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """Stable problem codes: ``AM0xx`` file and schema, ``AM1xx`` semantics, ``AM2xx`` warnings."""

    INVALID_JSON = "AM001"
    NOT_AN_OBJECT = "AM002"
    FILE_UNREADABLE = "AM003"
    MALFORMED_FILE = "AM004"
    MISSING_FIELD = "AM010"
    UNKNOWN_FIELD = "AM011"
    WRONG_TYPE = "AM012"
    OUT_OF_RANGE = "AM013"
    BAD_ID = "AM014"
    BAD_CHOICE = "AM015"
    EMPTY_TEXT = "AM016"
    UNSUPPORTED_FORMAT = "AM017"
    EMPTY_LIST = "AM018"
    INVALID_VALUE = "AM019"
    DUPLICATE_ID = "AM100"
    DANGLING_REFERENCE = "AM101"
    SELF_TARGET = "AM102"
    LINK_CYCLE = "AM103"
    UNDECLARED_THEME = "AM104"
    UNDECLARED_PERSPECTIVE = "AM105"
    UNDECLARED_SOURCE = "AM106"
    QUOTE_MISMATCH = "AM107"
    QUOTE_OUT_OF_BOUNDS = "AM108"
    SOURCE_CHECKSUM = "AM109"
    DUPLICATE_SOURCE = "AM110"
    BAD_OFFSETS = "AM111"
    SOURCE_REFUSED = "AM112"
    UNKNOWN_QUESTION = "AM113"
    PREMISE_COUNT = "AM114"
    UNCONNECTED_CLAIM = "AM200"
    SOURCE_UNAVAILABLE = "AM201"
    NOT_CARRIED_OVER = "AM202"
    UNKNOWN_SCHEME = "AM203"

    @property
    def slug(self) -> str:
        """The human name beside the number, e.g. ``dangling-reference``."""
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a look) in a map, located by a JSON path.

    ``path`` uses the dotted/bracket form a reader can follow in the file:
    ``claims[3].quotes[0].end``. An empty path means the document as a whole.
    """

    code: Code
    path: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        if self.line is not None:
            return f"{self.line}:{self.column or 1}"
        return self.path or "$"

    def __str__(self) -> str:
        return f"{self.location()}: {self.code.value} {self.code.slug}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code.value,
            "name": self.code.slug,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
        }
        if self.line is not None:
            out["line"] = self.line
            out["column"] = self.column
        return out


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""

    def _render_traceback_(self) -> list[str]:
        # IPython and Jupyter call this instead of printing the traceback: an error argmap
        # raised on purpose already says where and what, and a student needs only that.
        return [f"{type(self).__name__}: {self}"]


@dataclass(eq=False)
class MapValidationError(ArgmapError, ValueError):
    """A map failed to load or validate; ``problems`` lists every error, not just the first."""

    problems: list[Problem]
    file: str | None = None
    warnings: list[Problem] = field(default_factory=list)

    def __init__(
        self,
        problems: Iterable[Problem],
        file: str | None = None,
        warnings: Iterable[Problem] = (),
    ) -> None:
        self.problems = list(problems)
        self.file = file
        self.warnings = list(warnings)
        super().__init__(self._summary())

    def _summary(self) -> str:
        where = f"{self.file}: " if self.file else ""
        n = len(self.problems)
        head = f"{where}{n} problem{'s' if n != 1 else ''} found"
        lines = [head, *(f"  {p}" for p in self.problems[:20])]
        if n > 20:
            lines.append(f"  ... and {n - 20} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._summary()

    @property
    def codes(self) -> list[str]:
        return [p.code.value for p in self.problems]


class FormatError(ArgmapError, ValueError):
    """A file in another format (Argdown, AIF, ICCMA, ...) could not be read.

    ``file``, ``line`` and ``column`` locate the problem when known; ``path`` is a JSON path for
    JSON-based formats.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file or "<input>"]
        if self.line is not None:
            where.append(str(self.line))
            if self.column is not None:
                where.append(str(self.column))
        loc = ":".join(where)
        if self.path:
            loc += f": {self.path}"
        return f"{loc}: {self.message}"


class RenderError(ArgmapError, RuntimeError):
    """A diagram could not be produced (for example, Graphviz is not installed)."""


class UnknownFormatError(ArgmapError, ValueError):
    """Neither a file's name nor its content tells which format it is in."""


class UnknownNameError(ArgmapError, KeyError, ValueError):
    """A name (a claim id, a theme, a semantics, an option) that is not among the known ones.

    It is a ``KeyError`` (a failed lookup) and a ``ValueError`` (a bad argument) too, so
    either ``except`` keeps working; its message is a sentence, with a did-you-mean when a
    known name is close.

    >>> str(UnknownNameError("no claim 'stres' (did you mean 'stress'?)"))
    "no claim 'stres' (did you mean 'stress'?)"
    """

    def __init__(
        self, message: str = "", *, what: str = "", name: str = "", known: object = ()
    ) -> None:
        super().__init__(message or name)
        self.message, self.what, self.name, self.known = message, what, name, known

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument, quotes and all. Without a
        # message the sentence is made here, when shown: a lookup that fails inside a loop
        # (and is caught) does not pay for the did-you-mean.
        if self.message:
            return self.message
        self.message = unknown_name_message(self.what, self.name, self.known)  # type: ignore[arg-type]
        return self.message


class LossError(ArgmapError, ValueError):
    """A conversion would lose something the source holds; nothing was written.

    ``losses`` lists what would be lost, one sentence each (``"3 link weights dropped"``);
    ``file`` names the file being read or written, ``format`` the other format, and
    ``reading`` tells whether the loss is in reading it (what the file holds that argmap
    cannot) or in writing it (what the format cannot hold). Pass ``allow_loss=True`` (or
    ``--allow-loss`` on the command line) to convert anyway.
    """

    def __init__(
        self,
        losses: Iterable[str],
        *,
        file: str | None = None,
        format: str | None = None,
        reading: bool = False,
    ) -> None:
        self.losses = list(losses)
        self.file = file
        self.format = format
        self.reading = reading
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        fmt = f" {self.format}" if self.format else ""
        doing = f"reading{fmt} into argmap" if self.reading else f"writing{fmt}"
        lines = [f"{where}{doing} would lose:", *(f"  - {loss}" for loss in self.losses)]
        if self.reading:
            lines.append("  (pass allow_loss=True, or --allow-loss, to read it anyway)")
        else:
            lines.append(
                "  (nothing written; pass allow_loss=True, or --allow-loss, to write anyway)"
            )
        return "\n".join(lines)


class OptionError(ArgmapError, TypeError, ValueError):
    """An option that the output asked for does not take, or a value it does not allow.

    It is a ``TypeError`` (like a wrong keyword argument) and a ``ValueError`` (a bad value),
    so either ``except`` keeps working; the message names the option and, for a likely typo,
    the option or choice meant.

    >>> str(OptionError("svg has no option 'colour' (did you mean 'color'?)"))
    "svg has no option 'colour' (did you mean 'color'?)"
    """


class UnknownOutputError(UnknownFormatError, RenderError):
    """A file name that tells no output argmap makes (``map.jpeg``).

    An :class:`UnknownFormatError`, and a :class:`RenderError` as well, as
    :meth:`argmap.ArgumentMap.render` raised for an unknown ending before it wrote every
    output.
    """
