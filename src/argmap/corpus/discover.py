"""Finding the maps of a corpus: files, folders, glob patterns and zip archives.

Discovery runs on the client and reads no map: it walks folders (sorted, so every run sees
the same order), expands glob patterns, and lists the members of zip archives from their
central directory. What it finds wrong without reading a map (an archive that is not a zip,
one with too many members or too many bytes once unpacked, a link out of the folder) comes
out as an :class:`Item` with a ``problem``, which becomes an ``invalid`` row: a corpus run
reports every file it was pointed at and stops for none of them.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b.argdown", "a.json", "notes.md", ".hidden.json"):
...     _ = (root / name).write_text("x")
>>> [pathlib.Path(item.name).name for item in discover([root])]
['a.json', 'b.argdown']
"""

from __future__ import annotations

import glob
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .._words import counted
from ..errors import ArgmapError

__all__ = ["MAP_ENDINGS", "Item", "Limits", "count", "discover"]

#: File-name endings of the formats argmap reads (argmap JSON, AIF and SADFace share
#: ``.json``; Kialo exports are ``.txt``); a folder's other files are not maps.
MAP_ENDINGS = (".json", ".argdown", ".ad", ".txt", ".kialo")
_ARCHIVE = ".zip"
#: Bytes read from a ``.txt`` file to tell a Kialo export from a source text.
_HEAD = 1024


@dataclass(frozen=True)
class Limits:
    """What one untrusted file may cost: bytes read, archive members, seconds of work.

    Parameters
    ----------
    max_bytes : int
        A map file (or zip member, once unpacked) larger than this is not read.
    max_members : int
        A zip archive with more members than this is not opened.
    max_archive_bytes : int
        A zip archive whose members unpack to more than this in all is not opened.
    timeout : float or None
        Seconds one map may take to read, check and analyse (where the worker runs it in
        its main thread; see ``docs/batch.md``).
    """

    max_bytes: int = 64 << 20
    max_members: int = 100_000
    max_archive_bytes: int = 4 << 30
    timeout: float | None = 60.0


@dataclass(frozen=True)
class Item:
    """One map to read: a file, or a member of a zip archive.

    ``name`` is what the output's ``file`` column shows (``archive.zip/inner/path`` for a
    member); ``path`` is the file on disk (the archive, for a member); ``size`` is in bytes
    (unpacked, for a member); ``problem``, when set, is why it cannot be read at all.
    """

    name: str
    path: str
    member: str | None = None
    size: int = 0
    problem: str | None = None


def discover(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[Item]:
    """The maps under ``paths``, in a stable order, one :class:`Item` each.

    A path is a map file (read whatever its name), a folder (walked for files whose names end
    in one of :data:`MAP_ENDINGS` or ``.zip``, hidden ones skipped, and ``.txt`` files only
    when they start like a Kialo export), a zip archive (its members chosen the same way),
    or a glob pattern (``**`` crosses folders). Items come in the order of ``paths``, and within a
    folder or archive sorted by name. Nothing is held beyond the folder being listed, so a
    corpus of any size streams through.

    Raises
    ------
    ArgmapError
        A path that is neither a file, a folder nor a pattern matching anything (checked
        for every path before any item is produced, so a typo fails at once).
    """
    expanded = [path for p in paths for path in _expand(str(p))]
    return _items(expanded, limits or Limits())


def count(paths: Iterable[str | Path], limits: Limits | None = None) -> int:
    """How many items :func:`discover` yields (for a progress bar's total)."""
    return sum(1 for _ in discover(paths, limits))


def _items(paths: list[str], limits: Limits) -> Iterator[Item]:
    for path in paths:
        if os.path.isdir(path):
            try:
                yield from _walk(path, limits)
            except RecursionError:  # os.walk recurses once per level before Python 3.12
                problem = "folders nested too deeply to walk; the rest of it was not read"
                yield Item(path, path, problem=problem)
        else:
            yield from _file(path, limits)


def _expand(path: str) -> list[str]:
    if os.path.lexists(path):
        return [path]
    if glob.has_magic(path):
        found = sorted(glob.glob(path, recursive=True))
        if found:
            return found
        raise ArgmapError(f"{path}: the pattern matches no file")
    raise ArgmapError(f"{path}: no such file or folder")


def _walk(folder: str, limits: Limits) -> Iterator[Item]:
    """Files under ``folder``, each folder's files before its sub-folders, all sorted."""
    root = os.path.realpath(folder)
    unreadable: list[OSError] = []
    for here, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _unreadable_folders(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith((*MAP_ENDINGS, _ARCHIVE)):
                continue
            path = os.path.join(here, name)
            if not _inside(path, root):
                # A student's folder may hold a link to any file of the machine running
                # the batch; it is reported, not followed (nor its first bytes read).
                yield Item(path, path, problem="a symbolic link to outside the folder; not read")
            elif not _plain_text(name) or _kialo_file(path):
                yield from _file(path, limits)
    yield from _unreadable_folders(unreadable)


def _unreadable_folders(errors: list[OSError]) -> Iterator[Item]:
    # A folder that cannot be listed is reported like a file that cannot be read.
    for exc in errors:
        name = str(exc.filename)
        yield Item(name, name, problem=f"cannot list folder: {exc.strerror or exc}")
    errors.clear()


def _plain_text(name: str) -> bool:
    """A ``.txt`` file that does not say it is a Kialo export: a map only if it starts like one.

    A map's source texts are ``.txt`` files beside it; they are not maps, and a folder of
    maps with their sources should not give a row for each of them.
    """
    lower = name.lower()
    return lower.endswith(".txt") and not lower.endswith(".kialo.txt")


def _starts_like_kialo(head: bytes) -> bool:
    from ..formats import get_format

    sniff = get_format("kialo").sniff
    return sniff is not None and sniff(head.decode("utf-8-sig", "replace"))


def _kialo_file(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return _starts_like_kialo(handle.read(_HEAD))
    except OSError:
        return True  # kept, so that its row says why it cannot be read


def _kialo_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if not _plain_text(info.filename) or info.flag_bits & 0x1:
        return True
    try:
        with archive.open(info) as handle:
            return _starts_like_kialo(handle.read(_HEAD))
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return True


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _file(path: str, limits: Limits) -> Iterator[Item]:
    if path.lower().endswith(_ARCHIVE):
        yield from _archive(path, limits)
        return
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        yield Item(path, path, problem=f"cannot read file: {exc.strerror or exc}")
        return
    problem = _too_big(size, limits) if os.path.isfile(path) else "not a regular file"
    yield Item(path, path, size=size, problem=problem)


def _too_big(size: int, limits: Limits) -> str | None:
    if size > limits.max_bytes:
        return f"{size} bytes, over the limit of {limits.max_bytes} for one map"
    return None


def _archive(path: str, limits: Limits) -> Iterator[Item]:
    """An archive's map members, sorted by name; one problem item if it cannot be opened."""
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:  # a damaged archive fails in many ways
        # (BadZipFile, NotImplementedError for a version byte, struct and value errors);
        # each is one invalid row, never the end of the run.
        yield Item(path, path, problem=f"not a readable zip archive: {exc or type(exc).__name__}")
        return
    with archive:
        members = archive.infolist()
        problem = _archive_problem(members, limits)
        if problem:
            yield Item(path, path, problem=problem)
            return
        found = False
        for info in sorted(members, key=lambda i: i.filename):
            if _is_map_member(info.filename) and _kialo_member(archive, info):
                found = True
                yield _member(path, info, limits)
    if not found:
        # A submission that holds no map (a .docx instead, an empty zip) is worth a row.
        files = [m for m in members if not m.is_dir()]
        held = f"only {counted(len(files), 'other file{|s}')}" if files else "it is empty"
        yield Item(path, path, problem=f"no map in this archive ({held})")


def _archive_problem(members: list[zipfile.ZipInfo], limits: Limits) -> str | None:
    # The central directory declares every member's unpacked size, and zipfile never
    # unpacks more than that, so a zip bomb is refused here before anything is inflated.
    if len(members) > limits.max_members:
        return (
            f"an archive of {counted(len(members), 'member{|s}')}, over the limit of "
            f"{limits.max_members}; not opened"
        )
    total = sum(i.file_size for i in members)
    if total > limits.max_archive_bytes:
        return (
            f"its members unpack to {total} bytes, over the limit of "
            f"{limits.max_archive_bytes}; not opened"
        )
    return None


def _is_map_member(name: str) -> bool:
    parts = name.split("/")
    if name.endswith("/") or any(p.startswith(".") or p == "__MACOSX" for p in parts):
        return False
    return name.lower().endswith((*MAP_ENDINGS, _ARCHIVE))


def _member(path: str, info: zipfile.ZipInfo, limits: Limits) -> Item:
    name = f"{path}/{info.filename}"
    problem = _too_big(info.file_size, limits)
    if info.filename.lower().endswith(_ARCHIVE):
        problem = "an archive inside an archive; not opened"
    elif info.flag_bits & 0x1:
        problem = "an encrypted member; not read"
    return Item(name, path, info.filename, info.file_size, problem)
