"""Every command reads ``-`` as standard input and pipes such as ``<(cat map.json)``.

A pipe can be read once: telling its format from its first bytes must not use them up.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "data" / "claims.json"
FIXTURES = REPO / "tests" / "formats" / "fixtures"

#: One file per format argmap reads, and a word its summary must contain.
INPUTS = {
    "argmap": (CLAIMS, "Soviet"),
    "argdown": (FIXTURES / "constructs.argdown", "Homework"),
    "kialo": (FIXTURES / "kialo_current.txt", "traffic"),
    "aif": (FIXTURES / "ova3.json", "rain"),
}


@pytest.fixture
def stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    yield feed


def _pipe(data: bytes) -> str:
    """A ``/dev/fd/N`` path to a pipe that yields ``data`` once, like bash's ``<(...)``."""
    read_end, write_end = os.pipe()

    def writer() -> None:
        with os.fdopen(write_end, "wb") as handle:
            handle.write(data)

    threading.Thread(target=writer, daemon=True).start()
    return f"/dev/fd/{read_end}"


@pytest.mark.parametrize("fmt", list(INPUTS))
def test_summary_reads_stdin_in_every_format(
    fmt: str, stdin_bytes: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path, word = INPUTS[fmt]
    stdin_bytes(path.read_bytes())  # type: ignore[operator]
    assert main(["summary", "-", "--format", "outline"]) == 0
    assert word in capsys.readouterr().out


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
@pytest.mark.parametrize("fmt", list(INPUTS))
def test_summary_reads_a_pipe_in_every_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    path, word = INPUTS[fmt]
    assert main(["summary", _pipe(path.read_bytes()), "--format", "outline"]) == 0
    assert word in capsys.readouterr().out


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
@pytest.mark.parametrize(
    "words",
    [
        ["validate", "IN"],
        ["info", "IN"],
        ["analyze", "IN"],
        ["lint", "IN", "--fail-on", "error"],
        ["render", "IN", "-o", "-"],
        ["report", "IN", "--no-diagram", "-o", "-"],
        ["convert", "IN", "-", "--to", "argdown"],
    ],
    ids=lambda w: w[0],
)
@pytest.mark.parametrize("how", ["stdin", "pipe"])
def test_every_command_reads_stdin_and_pipes(
    words: list[str], how: str, stdin_bytes: object, capsys: pytest.CaptureFixture[str]
) -> None:
    data = CLAIMS.read_bytes()
    if how == "stdin":
        stdin_bytes(data)  # type: ignore[operator]
        source = "-"
    else:
        source = _pipe(data)
    assert main([source if w == "IN" else w for w in words]) == 0
    captured = capsys.readouterr()
    expected = {"validate": ": valid", "lint": "AL103 unanswered-objection"}
    assert expected.get(words[0], "Soviet") in captured.out + captured.err


def test_stdin_errors_name_stdin(stdin_bytes: object, capsys: pytest.CaptureFixture[str]) -> None:
    stdin_bytes(b'{"format": "argmap/1", "claims": [], "links": [], "bogus": 1}')  # type: ignore[operator]
    assert main(["validate", "-"]) == 1
    assert "<stdin>:bogus: AM011 unknown-field" in capsys.readouterr().out


def test_af_reads_stdin_and_pipes(stdin_bytes: object, capsys: pytest.CaptureFixture[str]) -> None:
    stdin_bytes(b"p af 3\n1 2\n2 3\n")  # type: ignore[operator]
    assert main(["af", "-p", "SE-GR", "-f", "-"]) == 0
    assert capsys.readouterr().out == "w 1 3\n"
    # No suffix to tell the format by: the content does (ASPARTIX here).
    assert main(["af", "-p", "SE-GR", "-f", _pipe(b"arg(a). arg(b). att(a,b).\n")]) == 0
    assert capsys.readouterr().out == "w a\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_process_substitution_from_a_shell() -> None:
    # The very command of the issue, run as a user would.
    done = subprocess.run(
        [
            "bash",
            "-c",
            'cat "$2" | "$1" -m argmap summary - && "$1" -m argmap summary <(cat "$2")',
            "_",
            sys.executable,
            str(FIXTURES / "constructs.argdown"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("# Homework") == 2


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
@pytest.mark.parametrize("fmt", list(INPUTS))
def test_library_read_takes_a_pipe(fmt: str) -> None:
    import argmap

    path, word = INPUTS[fmt]
    # The fixtures hold constructs argmap cannot keep: reading them is a loss, allowed here.
    m = argmap.read(_pipe(path.read_bytes()), allow_loss=True)
    assert word.lower() in (m.title + " ".join(c.text for c in m.claims)).lower()


def test_convert_to_stdout_asks_for_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(CLAIMS), "-"]) == 1
    err = capsys.readouterr().err
    assert "standard output (-) has no file name" in err and "--to FORMAT" in err
