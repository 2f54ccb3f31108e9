"""``argmap batch`` on the command line: exit codes, the summary, usage errors, the extra."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

from .conftest import EXPECTED


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_corpus_with_invalid_maps_is_written_and_exits_0(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.csv"
    code, stdout, err = run_cli(capsys, "batch", str(mixed), "-o", str(out), "--scheduler", "sync")
    assert code == 0 and stdout == ""
    lines = err.splitlines()
    assert lines[0] == f"10 maps: 7 ok, 3 invalid; written to {out}"
    assert lines[1].startswith(f"{mixed}/e_truncated.json: invalid: ")
    assert lines[3] == f"{mixed}/sub/h_class.zip/carol/map.json: invalid: " + (
        "1:1: AM001 invalid-json: invalid JSON: Expecting value"
    )
    with out.open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["status"] for r in table] == [e[2] for e in EXPECTED]


def test_strict_fails_on_an_invalid_map(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["batch", "-o", str(tmp_path / "t.csv"), "--scheduler", "sync", "--strict"]
    assert run_cli(capsys, *argv, str(mixed))[0] == 1
    assert (tmp_path / "t.csv").exists()  # the table is written all the same
    assert run_cli(capsys, *argv, str(mixed / "a_homework.json"))[0] == 0


def test_more_invalid_maps_than_shown_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(8):
        (tmp_path / f"bad{i}.json").write_text("{")
    code, _, err = run_cli(
        capsys, "batch", str(tmp_path), "-o", str(tmp_path / "t.csv"), "--scheduler", "sync"
    )
    assert code == 0
    assert err.splitlines()[-1] == "... and 3 more invalid (the table's message column says why)"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-o", "t.xlsx"], "t.xlsx: cannot tell the table's format; name it ending in .csv"),
        (["-o", "t.csv", "--workers", "0"], "--workers must be at least 1, not 0"),
        (["-o", "t.csv", "--retries", "-1"], "--retries must be 0 or more, not -1"),
        (["-o", "t.csv", "--timeout", "0"], "--timeout must be more than 0 seconds, not 0"),
        (["-o", "t.csv", "--scheduler", "proces"], "(did you mean 'processes'?)"),
        (
            ["-o", "t.csv", "--scheduler", "tcp://10.0.0.1:8786", "--workers", "2"],
            "--workers is for a local run; a cluster has the workers it was started with",
        ),
    ],
)
def test_wrong_options_exit_2_before_anything_is_read(
    mixed: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    code, _, err = run_cli(capsys, "batch", str(mixed), *options)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_missing_path_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "batch", str(tmp_path / "nope"), "-o", str(tmp_path / "t.csv"))
    assert code == 1
    assert err == f"argmap: error: {tmp_path / 'nope'}: no such file or folder\n"
    assert not (tmp_path / "t.csv").exists()


def test_without_the_extra_it_exits_1_naming_the_install(tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text("{}")
    # As if Dask were not installed: an import of it finds nothing.
    script = (
        "import sys; sys.modules['dask'] = None\n"
        "from argmap.cli import main\n"
        f"sys.exit(main(['batch', {str(tmp_path)!r}, '-o', {str(tmp_path / 't.csv')!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr == "argmap: error: argmap batch needs dask: pip install 'argmap[batch]'\n"


def test_help_lists_the_command_and_its_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "batch" in out
    code, out, _ = run_cli(capsys, "batch", "--help")
    flat = " ".join(out.split())
    assert code == 0 and "pip install 'argmap[batch]'" in flat and "Exit status: 0" in flat
    assert "--scheduler NAME|ADDRESS" in flat


def test_a_progress_bar_only_when_asked_or_on_a_terminal(mixed: Path, tmp_path: Path) -> None:
    def stderr_of(*extra: str) -> str:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "argmap",
                "batch",
                str(mixed),
                "-o",
                str(tmp_path / "t.csv"),
                "--scheduler",
                "sync",
                *extra,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    quiet = stderr_of()
    assert quiet.startswith("10 maps: 7 ok, 3 invalid") and "10/10" not in quiet
    shown = stderr_of("--progress")
    assert "maps" in shown and "10/10" in shown and "100%" in shown


def test_a_folder_without_maps_gives_an_empty_table_and_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "t.csv"
    code, _, err = run_cli(
        capsys, "batch", str(tmp_path / "empty"), "-o", str(out), "--scheduler", "sync"
    )
    assert code == 0 and "no map found" in err
    assert out.read_text().splitlines() == [
        "file,format,status,message,claims,links,positions,accepted,rejected,undecided,"
        "lint_errors,lint_warnings"
    ]


def test_ctrl_c_stops_the_run_and_its_workers_and_keeps_the_old_table(tmp_path: Path) -> None:
    import os
    import signal
    import time

    from .test_engine import many_maps

    folder = many_maps(tmp_path / "maps", 12000)  # minutes of work: still running at Ctrl-C
    out = tmp_path / "t.csv"
    out.write_text("the previous table\n")
    # A session of its own, so that Ctrl-C reaches the command and its workers as a
    # terminal would send it to the whole foreground group.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap",
            "batch",
            str(folder),
            "-o",
            str(out),
            "--workers",
            "2",
            "--chunk-size",
            "20",
        ],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".t.csv.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # the workers are busy
    assert process.poll() is None, "the run ended before Ctrl-C: give it more maps"
    os.killpg(process.pid, signal.SIGINT)
    try:
        code = process.wait(timeout=180)  # a loaded CI machine stops slowly; it must stop
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert code == 130, process.stderr.read() if process.stderr else ""
    assert out.read_text() == "the previous table\n"
    assert not list(tmp_path.glob(".t.csv.*"))
    time.sleep(0.5)
    # No worker, fork server or tracker of the session goes on (exited processes that
    # nothing has reaped yet, state Z, are not running).
    listing = subprocess.run(
        ["ps", "-s", str(process.pid), "-o", "stat=,args="],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert [line for line in listing.splitlines() if not line.strip().startswith("Z")] == []
