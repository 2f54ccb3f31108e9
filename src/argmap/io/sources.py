"""Reading the texts a map's quotes are taken from, confined to the map's own folder.

A map file is often someone else's: a student's hand-in, a file shared in class, one
downloaded with a data set. Its sources name files by ``path``, and a quote that does not
match prints part of the text found there, so a path that may point anywhere would let a map
read (and show) any file its reader can: ``/etc/passwd``, ``/proc/self/environ``, another
student's work. So a source path must stay inside the map's folder (or below it), after
following symbolic links, unless the caller trusts the map and opts in
(``allow_outside=True``, ``--allow-outside``); and only regular files are read, never a FIFO
(which could block for ever), a device (``/dev/zero`` never ends) or a directory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Code, Problem, Severity
from ..model import ArgumentMap

__all__ = ["MAX_SOURCE_BYTES", "SourceRefused", "open_source", "read_sources"]

#: Source texts above this size are not read for quote checks.
MAX_SOURCE_BYTES = 64 << 20

# O_NOFOLLOW: the checked path is final, so a link swapped in after the check is not
# followed; O_NONBLOCK: opening a FIFO that replaced the file cannot hang. (Both absent on
# Windows, where the other checks still hold.)
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class SourceRefused(Exception):
    """A source path argmap will not read: outside the folder, or not a regular file."""


def read_sources(
    m: ArgumentMap, base_dir: str | Path | None, *, allow_outside: bool = False
) -> tuple[dict[str, str], list[Problem]]:
    """Read the text of each source that has a ``path``, relative to ``base_dir``.

    Parameters
    ----------
    m : ArgumentMap
        The map whose sources to read.
    base_dir : str or Path or None
        The map file's folder (the current folder when None). Paths resolve against it.
    allow_outside : bool
        Also read paths that lead outside ``base_dir`` (absolute paths, ``..``, symbolic
        links pointing elsewhere). Only for maps you trust.

    Returns
    -------
    texts : dict
        Source id to its text, for the sources that could be read.
    problems : list of Problem
        ``AM112 source-refused`` errors for paths outside the folder and for files that are
        not regular files; ``AM201 source-unavailable`` warnings for missing, too large or
        undecodable files (their quotes are then not checked).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from argmap import ArgumentMap, Source
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "article.txt").write_text("Prices rose.")
    >>> m = ArgumentMap(sources=[
    ...     Source(id="art", title="Article", path="article.txt"),
    ...     Source(id="pw", title="Passwords", path="../../../etc/passwd"),
    ... ])
    >>> texts, problems = read_sources(m, folder)
    >>> texts
    {'art': 'Prices rose.'}
    >>> [p.code.value for p in problems]
    ['AM112']
    """
    folder = Path(base_dir) if base_dir is not None else Path(".")
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for i, source in enumerate(m.sources):
        if not source.path:
            continue
        where = f"sources[{i}].path"
        try:
            data = open_source(folder, source.path, allow_outside=allow_outside)
            texts[source.id] = data.decode("utf-8")
        except SourceRefused as exc:
            problems.append(Problem(Code.SOURCE_REFUSED, where, str(exc)))
        except (OSError, UnicodeDecodeError) as exc:
            reason = _reason(exc)
            problems.append(
                Problem(
                    Code.SOURCE_UNAVAILABLE,
                    where,
                    f"cannot read {source.path!r} ({reason}); its quotes were not checked",
                    Severity.WARNING,
                )
            )
    return texts, problems


def _reason(exc: OSError | UnicodeDecodeError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text at byte {exc.start}"
    return exc.strerror or str(exc)


def open_source(folder: Path, path: str, *, allow_outside: bool = False) -> bytes:
    """The bytes of source ``path`` relative to ``folder``, if argmap may read it.

    Raises :class:`SourceRefused` for a path outside ``folder`` (unless ``allow_outside``)
    or a file that is not a regular file, :class:`OSError` for a file that is missing,
    unreadable or larger than :data:`MAX_SOURCE_BYTES`.
    """
    base = folder.resolve()
    # First by the words of the path alone, before touching the file system: a refused
    # path is never looked at, so a map cannot even probe which outside files exist.
    candidate = Path(os.path.normpath(base / path))
    if not allow_outside and not candidate.is_relative_to(base):
        raise SourceRefused(_outside(path))
    real = candidate.resolve(strict=True)  # FileNotFoundError, or RuntimeError on a loop
    if not allow_outside and not real.is_relative_to(base):
        raise SourceRefused(_outside(path, via_link=True))
    before = real.stat()
    _must_be_regular(path, before.st_mode)
    if before.st_size > MAX_SOURCE_BYTES:
        raise OSError(f"larger than {MAX_SOURCE_BYTES} bytes")
    fd = os.open(real, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        after = os.fstat(handle.fileno())
        _must_be_regular(path, after.st_mode)
        if (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
            raise SourceRefused(f"source path {path!r} changed while it was being read")
        data = handle.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise OSError(f"larger than {MAX_SOURCE_BYTES} bytes")
    return data


def _outside(path: str, *, via_link: bool = False) -> str:
    how = " through a symbolic link" if via_link else ""
    return (
        f"source path {path!r} leads outside the map's folder{how}; argmap reads sources "
        "only from the map's folder and below (pass allow_outside=True, or --allow-outside "
        "on the command line, for a map you trust)"
    )


def _must_be_regular(path: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    raise SourceRefused(f"source path {path!r} is {kind}; only regular files are read")
