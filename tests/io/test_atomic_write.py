"""``atomic_write`` and every command that writes: links, devices, pipes, modes, failures."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.io.files import atomic_write

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "data" / "claims.json"

needs_posix = pytest.mark.skipif(os.name != "posix", reason="POSIX files and devices")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_new_file_gets_the_umask_default(tmp_path: Path) -> None:
    atomic_write(tmp_path / "new" / "out.txt", "hello\n")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "new" / "out.txt").read_bytes() == b"hello\n"
    assert stat.S_IMODE((tmp_path / "new" / "out.txt").stat().st_mode) == 0o666 & ~umask


@needs_posix
def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@needs_posix
def test_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    # Even for root, who could replace it: a read-only file stays as it is.
    target = tmp_path / "out.txt"
    target.write_text("precious")
    os.chmod(target, 0o444)
    with pytest.raises(ArgmapError, match="read-only"):
        atomic_write(target, "new")
    assert target.read_text() == "precious"
    assert _leftovers(tmp_path) == []


@needs_posix
def test_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "site" / "report.html"
    real.parent.mkdir()
    real.write_text("old")
    os.chmod(real, 0o604)
    link = tmp_path / "report.html"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


@needs_posix
def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to(tmp_path / "target.txt")
    atomic_write(link, "made")
    assert link.is_symlink() and (tmp_path / "target.txt").read_text() == "made"


@needs_posix
def test_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, [b"through ", b"the pipe"])
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert _leftovers(tmp_path) == []


@needs_posix
def test_character_device_is_written_through(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    atomic_write("/dev/null", "discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="is a directory"):
        atomic_write(tmp_path, "x")


def test_failing_producer_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def chunks() -> Iterator[bytes]:
        yield b"half of the "
        raise ValueError("the writer failed")

    with pytest.raises(ValueError, match="the writer failed"):
        atomic_write(target, chunks())
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_interrupt_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def chunks() -> Iterator[bytes]:
        yield b"partial"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, chunks())
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_os_error_becomes_a_typed_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ArgmapError, match=r"out\.txt: write failed: No space left on device"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def _argmap(*args: str, stdout: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=stdout is None,
        stdout=stdout,
        stderr=subprocess.PIPE if stdout is not None else None,
        check=False,
    )


@needs_posix
@pytest.mark.parametrize(
    "words",
    [
        ["summary", str(CLAIMS), "-o", "/dev/stdout"],
        ["analyze", str(CLAIMS), "-o", "/dev/stdout"],
        ["report", str(CLAIMS), "--no-diagram", "-o", "/dev/stdout"],
        ["convert", str(CLAIMS), "/dev/stdout", "--to", "argdown"],
        ["render", str(CLAIMS), "-o", "/dev/stdout", "--mermaid"],
    ],
    ids=lambda w: w[0],
)
def test_dev_stdout_continues_a_redirected_file(tmp_path: Path, words: list[str]) -> None:
    # The shell's file must neither be replaced by a new one nor written from offset 0.
    out = tmp_path / "redirected.txt"
    with out.open("wb") as handle:
        handle.write(b"BEFORE\n")
        handle.flush()
        done = _argmap(*words, stdout=handle.fileno())
        handle.write(b"AFTER\n")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"BEFORE\n") and data.endswith(b"AFTER\n")
    assert len(data) > 200
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "words",
    [
        ["summary", str(CLAIMS), "-o", "-"],
        ["analyze", str(CLAIMS), "-o", "-"],
        ["report", str(CLAIMS), "--no-diagram", "-o", "-"],
        ["convert", str(CLAIMS), "-", "--to", "argdown"],
        ["render", str(CLAIMS), "-o", "-"],
    ],
    ids=lambda w: w[0],
)
def test_dash_output_is_stdout(
    tmp_path: Path,
    words: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(words) == 0
    out = capsys.readouterr().out
    assert "Soviet" in out or "soviet" in out
    assert list(tmp_path.iterdir()) == []  # no file named '-'


@needs_posix
def test_commands_refuse_a_read_only_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("keep me")
    os.chmod(target, 0o444)
    assert main(["summary", str(CLAIMS), "-o", str(target)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert target.read_text() == "keep me"
