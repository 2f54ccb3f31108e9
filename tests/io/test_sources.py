"""Source texts are read from the map's folder (and below) only, and only from regular files.

The map is the attacker here: every test builds a map whose ``sources[].path`` tries to
reach a "secret" file beside the map's folder, and checks that no loader, no command and no
error message reads or shows it, unless the caller opted in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import MapValidationError
from argmap.io.json import read_sources

SECRET = "TOP-SECRET-PASSWORD-hunter2 and more private text after it"
PUBLIC = "Homework causes stress. Practice needs time outside class."


def _map(path: str, quote: str = "Homework", end: int | None = None) -> dict[str, object]:
    """A small valid map whose one quote cites the source at ``path``."""
    return {
        "format": "argmap/1",
        "title": "Homework",
        "sources": [{"id": "text", "title": "Class text", "path": path}],
        "claims": [
            {"id": "ban", "text": "Homework should be banned.", "kind": "position"},
            {
                "id": "stress",
                "text": "Homework causes stress.",
                "quotes": [
                    {
                        "source": "text",
                        "start": 0,
                        "end": len(quote) if end is None else end,
                        "text": quote,
                    }
                ],
            },
        ],
        "links": [{"id": "s1", "kind": "support", "sources": ["stress"], "target": "ban"}],
    }


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """``tmp/secret.txt`` outside, ``tmp/class/`` the map's folder with a public text."""
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "class"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "homework.txt").write_text(PUBLIC, encoding="utf-8")
    return folder


def _write(folder: Path, data: dict[str, object], name: str = "map.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refused(exc: MapValidationError) -> list[str]:
    return [p.path for p in exc.problems if p.code.value == "AM112"]


@pytest.mark.parametrize(
    "how",
    ["parent", "absolute", "dotdot-inside", "symlink-file", "symlink-folder"],
)
def test_paths_leading_outside_are_refused(layout: Path, how: str) -> None:
    secret = layout.parent / "secret.txt"
    if how == "parent":
        path = "../secret.txt"
    elif how == "absolute":
        path = str(secret)
    elif how == "dotdot-inside":
        path = "texts/../../secret.txt"
    elif how == "symlink-file":
        (layout / "innocent.txt").symlink_to(secret)
        path = "innocent.txt"
    else:
        (layout / "more").symlink_to(layout.parent)
        path = "more/secret.txt"
    # A quote with a wide span, so a leak would print the secret's first 40 characters.
    file = _write(layout, _map(path, quote="Homework", end=40))
    with pytest.raises(MapValidationError) as info:
        argmap.load(file)
    assert _refused(info.value) == ["sources[0].path"]
    assert "outside the map's folder" in info.value.problems[0].message
    assert "hunter2" not in str(info.value)
    assert "hunter2" not in "".join(str(w) for w in info.value.warnings)


def test_opting_in_reads_outside(layout: Path) -> None:
    secret = layout.parent / "secret.txt"
    file = _write(layout, _map(str(secret), quote="TOP-SECRET"))
    m = argmap.load(file, allow_outside=True)
    assert m.sources[0].path == str(secret)
    texts, problems = read_sources(m, layout, allow_outside=True)
    assert texts == {"text": SECRET} and problems == []


def test_paths_inside_the_folder_still_work(layout: Path) -> None:
    (layout / "linked.txt").symlink_to(layout / "texts" / "homework.txt")
    for path in ("texts/homework.txt", "./texts/../texts/homework.txt", "linked.txt"):
        m = argmap.load(_write(layout, _map(path)))
        assert read_sources(m, layout)[0] == {"text": PUBLIC}


def test_a_missing_file_outside_is_refused_not_probed(layout: Path) -> None:
    # Refused by its words alone: the map cannot learn which outside files exist.
    file = _write(layout, _map("../no-such-file.txt"))
    with pytest.raises(MapValidationError) as info:
        argmap.load(file)
    assert _refused(info.value) == ["sources[0].path"]


def test_a_missing_file_inside_stays_a_warning(layout: Path) -> None:
    report = argmap.io.load_report(_write(layout, _map("texts/gone.txt")))
    assert [w.code.value for w in report.warnings] == ["AM201"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_non_regular_files_are_refused(layout: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(layout / "source")  # nobody writes to it: opening it would hang
        path = "source"
    elif kind == "directory":
        path = "texts"
    else:
        (layout / "zero").symlink_to("/dev/zero")  # never ends
        path = "zero"
    file = _write(layout, _map(path))
    # Even a caller who trusts the map gets only regular files read.
    with pytest.raises(MapValidationError) as info:
        argmap.load(file, allow_outside=True)
    [problem] = [p for p in info.value.problems if p.code.value == "AM112"]
    assert "only regular files are read" in problem.message


def test_loads_confines_to_its_base_dir(layout: Path) -> None:
    text = json.dumps(_map("../secret.txt", end=40))
    with pytest.raises(MapValidationError) as info:
        argmap.loads(text, base_dir=layout)
    assert _refused(info.value) == ["sources[0].path"]
    # Without a base folder, the current folder is the limit.
    with pytest.raises(MapValidationError):
        argmap.loads(json.dumps(_map(str(layout.parent / "secret.txt"))))


def test_mismatch_message_shows_no_more_than_the_quote(layout: Path) -> None:
    # A two-letter quote over a wide span of a text inside the folder.
    (layout / "long.txt").write_text("ab" + "PRIVATE" * 50, encoding="utf-8")
    file = _write(layout, _map("long.txt", quote="xy", end=300))
    with pytest.raises(MapValidationError) as info:
        argmap.load(file)
    [problem] = info.value.problems
    assert problem.code.value == "AM107"
    shown = problem.message.split("which reads ", 1)[1].split("; ", 1)[0]
    assert len(eval(shown)) <= len("xy") + 3  # the quote's length, plus "..."
    assert "PRIVATE" not in problem.message


COMMANDS = [
    ["validate"],
    ["info"],
    ["summary"],
    ["analyze"],
    ["lint"],
    ["render", "-o", "OUT.dot"],
    ["report", "-o", "OUT.html"],
    ["convert", "INPUT", "OUT.argdown"],
]


def _command(words: list[str], file: Path, out: Path) -> list[str]:
    args = [w.replace("OUT", str(out / "out")) for w in words]
    if "INPUT" in args:
        return [args[0], str(file), *args[2:]]
    return [*args, str(file)]


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: w[0])
def test_every_command_refuses_and_opts_in(
    layout: Path, tmp_path: Path, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # Were the secret read, the mismatch would show its first eight characters.
    file = _write(layout, _map("../secret.txt", quote="Homework"))
    assert main(_command(words, file, out)) == 1
    captured = capsys.readouterr()
    assert "AM112" in captured.out + captured.err
    assert "TOP-SECR" not in captured.out + captured.err
    assert not any(out.iterdir())  # nothing written from a refused map
    # Opted in, the map is read: its quote (now right) matches the outside text.
    good = _write(layout, _map("../secret.txt", quote="TOP-SECRET"))
    assert main([*_command(words, good, out), "--allow-outside"]) == 0


def test_lint_reports_a_refused_source(layout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # lint reads sources itself (for its own quote rule, AL109), with the same limits.
    file = _write(layout, _map("../secret.txt", quote="Homework"))
    assert main(["lint", str(file), "--select", "AL109"]) == 1
    captured = capsys.readouterr()
    assert "sources[0].path: AM112 source-refused" in captured.err
    assert "TOP-SECR" not in captured.out + captured.err
    assert main(["lint", str(file), "--select", "AL109", "--allow-outside"]) == 1
    assert "AL109" in capsys.readouterr().out  # read when allowed: the quote is wrong


def test_a_trusted_map_saved_again_is_confined_again(layout: Path) -> None:
    # Trust given once is not written into the file: loading the copy refuses again.
    file = _write(layout, _map("../secret.txt", quote="TOP-SECRET"))
    m = argmap.load(file, allow_outside=True)
    converted = layout / "copy.json"
    m.dump(converted)
    with pytest.raises(MapValidationError):
        argmap.load(converted)


def test_cli_prints_no_secret_without_traceback(layout: Path) -> None:
    file = _write(layout, _map(str(layout.parent / "secret.txt"), quote="Homework", end=40))
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "AM112 source-refused" in done.stdout
    assert "--allow-outside" in done.stdout
    assert "hunter2" not in done.stdout + done.stderr and "Traceback" not in done.stderr
