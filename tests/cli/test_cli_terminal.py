"""On a terminal, argmap shows control characters from a map; it never sends them (issue 19)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli._terminal import shown

HOSTILE = "Clear \x1b[2J\x1b]0;pwned\x07 the screen \u202eevil\x9b31m"


def hostile_map(tmp_path: Path) -> Path:
    m = argmap.ArgumentMap(title="Title \x1b[31mred")
    m.claim("p", HOSTILE, kind="position")
    m.claim("r", "A reason.")
    m.support("r", "p")
    path = tmp_path / "m.json"
    argmap.dump(m, path)
    return path


def on_terminal(*args: str) -> tuple[int, str]:
    """Run ``argmap ARGS`` with standard output and error on a pseudo-terminal."""
    main, child = pty.openpty()
    done = subprocess.Popen(
        [sys.executable, "-m", "argmap", *args], stdout=child, stderr=child, close_fds=True
    )
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    return done.wait(timeout=60), out.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "command", [["analyze"], ["info"], ["summary"], ["summary", "--format", "outline"]]
)
def test_a_terminal_sees_code_points_not_controls(tmp_path: Path, command: list[str]) -> None:
    code, out = on_terminal(command[0], str(hostile_map(tmp_path)), *command[1:])
    assert code == 0, out
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out, (command, repr(out))
    # Shown somehow: as a code point (<U+001B>) or a summary's visible symbol (␛).
    assert "<U+001B>" in out or "\u241b" in out, out


def test_errors_on_a_terminal_are_shown_too(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": [{"id": "x\\u001b[2Jy", "text": "t"}]}', encoding="utf-8")
    code, out = on_terminal("validate", str(bad))
    assert code == 1 and "\x1b" not in out and ("<U+001B>" in out or "\\x1b" in out), out


def test_a_pipe_gets_the_text_as_it_is(tmp_path: Path) -> None:
    # For programs reading the output (here: JSON escapes what JSON must).
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "summary", str(hostile_map(tmp_path)), "--format", "txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "<U+001B>" not in done.stdout


def test_shown_keeps_ordinary_text() -> None:
    text = "Prices rose.\n\tשלום — «citation» ✓"
    assert shown(text) == text
