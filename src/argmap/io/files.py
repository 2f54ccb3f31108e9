"""Safe file writing: a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import ArgmapError

__all__ = ["atomic_write"]


def atomic_write(path: str | Path, data: str | bytes | Sequence[bytes]) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a mix.

    The bytes go to a temporary file in the same folder (so the final rename stays on one
    file system), are flushed to disk, and then replace the target in one ``os.replace``.
    Text is encoded as UTF-8 with ``\\n`` line endings on every platform; a sequence of
    byte strings is written one after the other (no copy to join them).
    """
    target = Path(path)
    if isinstance(data, str):
        chunks: Sequence[bytes] = [data.encode("utf-8")]
    elif isinstance(data, bytes):
        chunks = [data]
    else:
        chunks = data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ArgmapError(f"{target}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        _match_permissions(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ArgmapError(f"{target}: write failed: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _match_permissions(tmp: str, target: Path) -> None:
    # mkstemp creates 0600; keep an existing file's mode, else the usual umask default.
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
