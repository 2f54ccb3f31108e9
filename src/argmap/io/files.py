"""Safe file reading and writing: a crash or a full disk never leaves half a file behind.

Writing follows one rule per kind of thing the path names:

* nothing yet, or a regular file: the bytes go to a temporary file beside it, which then
  replaces it in one rename, so a reader sees the old file or the new one, never a mix. An
  existing file keeps its permission bits (and, where allowed, its owner); a read-only
  file is refused rather than replaced.
* a symbolic link: it is **followed**, and its final target is written as above; the link
  stays a link. (``-o /dev/stdout`` is such a link, and so are outputs linked into a
  website's folder.)
* one of the process's own open files (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``,
  ``/proc/self/fd/N``): the bytes go to that descriptor, where it stands, whatever it has
  open (a terminal, a pipe, or a file the shell redirected to).
* a character device or a FIFO (``/dev/null``, ``/dev/tty``, a named pipe): the bytes are
  written through to it, since a device or pipe cannot be replaced by a file.
* a directory, a block device or a socket: refused.

If writing fails or is interrupted (an error, ``KeyboardInterrupt``, a chunk producer that
raises), the temporary file is removed and the old file is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ArgmapError

__all__ = ["UTF8_BOM", "atomic_write", "keep_mode", "read_input", "wrong_encoding"]

#: The byte-order mark some editors put before UTF-8 text; readers drop it.
UTF8_BOM = b"\xef\xbb\xbf"


def atomic_write(path: str | Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a mix.

    The bytes go to a temporary file in the target's folder (so the final rename stays on
    one file system), are flushed to disk, and then replace the target in one
    ``os.replace``. Text is encoded as UTF-8 with ``\\n`` line endings on every platform;
    an iterable of byte strings is written one after the other (no copy to join them), and
    may be a generator: if it raises, nothing is replaced. See the module's docstring for
    symbolic links, devices and FIFOs.

    Raises
    ------
    ArgmapError
        The path names a directory, a block device or a read-only file, or the write
        failed; the message names the path.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(folder / "out.txt", "one\\n")
    >>> os.chmod(folder / "out.txt", 0o640)
    >>> atomic_write(folder / "out.txt", [b"two", b"\\n"])
    >>> (folder / "out.txt").read_text(), oct((folder / "out.txt").stat().st_mode & 0o777)
    ('two\\n', '0o640')
    >>> sorted(p.name for p in folder.iterdir())  # no temporary file left behind
    ['out.txt']
    """
    shown = str(path)
    chunks: Iterable[bytes]
    if isinstance(data, str):
        chunks = [data.encode("utf-8")]
    elif isinstance(data, bytes):
        chunks = [data]
    else:
        chunks = data
    descriptor = _own_descriptor(path)
    if descriptor is not None:
        _write_descriptor(shown, descriptor, chunks)
        return
    try:
        existing = os.stat(path)  # through any links
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise ArgmapError(f"{shown}: cannot write here: {exc.strerror or exc}") from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(shown, Path(path), existing.st_mode, chunks)
        return
    if existing is not None and _read_only(Path(path), existing.st_mode):
        raise ArgmapError(
            f"{shown}: the file is read-only; not replacing it (make it writable first, "
            "or write to another file)"
        )
    # The link's final target: replacing the link itself with a file is what a user who
    # pointed it somewhere does not want.
    target = Path(os.path.realpath(path))
    _replace(shown, target, existing, chunks)


def _own_descriptor(path: str | Path) -> int | None:
    """The descriptor number when ``path`` names one of this process's open files.

    ``/dev/stdout``, ``/dev/fd/3`` and ``/proc/self/fd/1`` are links to what the
    descriptor has open. Opening them again would start a second write at offset 0 of a
    redirected file (over what the shell wrote before), and replacing them would swap the
    shell's file for a new one; writing to the descriptor itself continues where it is.
    """
    own = re.compile(rf"/(?:dev/fd|proc/(?:self|thread-self|{os.getpid()})/fd)/(\d+)")
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on links in a row
        if current in _STANDARD:
            return _STANDARD[current]
        found = own.fullmatch(current)
        if found:
            return int(found[1])
        try:
            link = os.readlink(current)
        except OSError:  # not a link (or not there): an ordinary path
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def _write_descriptor(shown: str, descriptor: int, chunks: Iterable[bytes]) -> None:
    import sys

    for stream in (sys.stdout, sys.stderr):  # what was printed before comes first
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    try:
        with os.fdopen(os.dup(descriptor), "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ArgmapError(f"{shown}: write failed: {exc.strerror or exc}") from None


def _read_only(target: Path, mode: int) -> bool:
    # The write bits, not only access(): root may write anything, but a file someone made
    # read-only should stay as it is whoever runs argmap.
    return not mode & 0o222 or not os.access(target, os.W_OK)


def _write_through(shown: str, target: Path, mode: int, chunks: Iterable[bytes]) -> None:
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        kind = (
            "a directory"
            if stat.S_ISDIR(mode)
            else "a block device"
            if stat.S_ISBLK(mode)
            else "not a regular file"
        )
        raise ArgmapError(f"{shown}: is {kind}; name a file to write")
    try:
        # No O_TRUNC and no O_CREAT: the device or pipe exists and is written as it is.
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ArgmapError(f"{shown}: write failed: {exc.strerror or exc}") from None


def _replace(
    shown: str, target: Path, existing: os.stat_result | None, chunks: Iterable[bytes]
) -> None:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ArgmapError(f"{shown}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        _match_owner_and_mode(tmp, existing)
        os.replace(tmp, target)
    except BaseException as exc:  # KeyboardInterrupt too: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ArgmapError(f"{shown}: write failed: {exc.strerror or exc}") from None
        raise
    _sync_folder(folder)


def keep_mode(tmp: str | Path, target: str | Path) -> None:
    """Give ``tmp`` the owner and mode of ``target`` (a new file's default if there is none),
    before ``tmp`` replaces it: for writers that stream to a temporary file themselves."""
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    _match_owner_and_mode(str(tmp), existing)


def _match_owner_and_mode(tmp: str, existing: os.stat_result | None) -> None:
    if existing is None:
        # mkstemp creates 0600; a new file gets the usual default, 0666 less the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    # Only root may give a file away; for anyone else the owner is theirs already.
    if hasattr(os, "geteuid") and existing.st_uid != os.geteuid():
        with contextlib.suppress(OSError):
            os.chown(tmp, existing.st_uid, existing.st_gid)
    # Permission bits only: set-user-id and the like are not carried to new content.
    os.chmod(tmp, existing.st_mode & 0o777)


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable once the folder's entry is on disk (POSIX only).
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_input(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path`` in one bounded read: a file, a pipe or a device alike.

    A pipe (``<(cat map.json)``, ``/dev/stdin``) can be read once only, so callers read the
    whole input here and look at its start afterwards, instead of opening it twice.

    Raises
    ------
    OSError
        The path cannot be read, is a directory, or holds more than ``limit`` bytes
        (``errno.EFBIG``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.json"
    >>> _ = p.write_text("{}")
    >>> read_input(p, 100)
    b'{}'
    >>> read_input(p, 1)
    Traceback (most recent call last):
    ...
    OSError: [Errno 27] over the 1 byte limit
    """
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise _too_large(limit)
        # limit + 1 tells "exactly the limit" from "more" on inputs that have no size.
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _too_large(limit: int) -> OSError:
    return OSError(errno.EFBIG, f"over the {limit} byte limit")


# UTF-32 first: its little-endian mark starts with UTF-16's.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def wrong_encoding(data: bytes) -> str | None:
    """A plain message when ``data`` starts with a UTF-16 or UTF-32 byte-order mark.

    Such files (Notepad's "Unicode") are not UTF-8; saying so beats "invalid JSON at
    byte 0".

    >>> wrong_encoding("{}".encode("utf-16"))
    'the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8'
    >>> wrong_encoding(b"{}") is None
    True
    """
    for mark, name in _OTHER_BOMS:
        if data.startswith(mark):
            return (
                f"the file is {name} text (it starts with a {name} byte-order mark); "
                "save it as UTF-8"
            )
    return None
