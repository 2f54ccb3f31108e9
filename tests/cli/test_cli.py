"""The argmap command: exit codes, located messages, machine output, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.schema import schema_text

MALFORMED = Path(__file__).parents[1] / "malformed"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, check=False
    )


def test_validate_valid_file(reference_map_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(reference_map_path)]) == 0
    assert "valid" in capsys.readouterr().err


def test_validate_lists_problems_as_file_path_code(capsys: pytest.CaptureFixture[str]) -> None:
    bad = MALFORMED / "dangling_source.json"
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:links[0].sources[0]: AM101 dangling-reference:" in out


def test_validate_many_files_fails_if_any_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MALFORMED / "valid.json"), str(MALFORMED / "bad_id.json")]) == 1
    assert "AM014" in capsys.readouterr().out


def test_validate_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(MALFORMED / "link_cycle.json")]) == 1
    [result] = json.loads(capsys.readouterr().out)
    assert result["valid"] is False
    assert result["errors"][0]["code"] == "AM103"
    assert result["errors"][0]["path"] == "links[0].target"


def test_usage_errors_exit_2() -> None:
    assert run("validate").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2


def test_info_counts(reference_map_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--format", "json", str(reference_map_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    m = json.loads(reference_map_path.read_text())
    assert data["claims"] == len(m["claims"])
    assert data["links"] == len(m["links"])
    assert sum(data["claim_kinds"].values()) == len(m["claims"])
    assert data["link_kinds"]["undercut"] >= 1


def test_info_text(reference_map_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(reference_map_path)]) == 0
    out = capsys.readouterr().out
    assert "State capitalism (state-capitalism)" in out


def test_info_on_bad_file_is_located_not_a_traceback() -> None:
    done = run("info", str(MALFORMED / "invalid_json.json"))
    assert done.returncode == 1
    assert "invalid_json.json:5:3: AM001" in done.stderr
    assert "Traceback" not in done.stderr


def test_debug_shows_traceback() -> None:
    done = run("--debug", "info", str(MALFORMED / "invalid_json.json"))
    assert done.returncode == 1
    assert "Traceback" in done.stderr


def test_schema_command_prints_the_schema() -> None:
    done = run("schema")
    assert done.returncode == 0
    assert done.stdout == schema_text()


def test_a_command_loads_only_what_it_needs(tmp_path: Path) -> None:
    # `argmap convert` registers its own command only, so it does not import the analysis
    # stack (networkx, numpy): that import was most of the time of a small conversion.
    src = tmp_path / "in.argdown"
    src.write_text("[A]: Homework helps.\n  - [B]: Homework stresses.\n", encoding="utf-8")
    code = (
        "import sys; from argmap.cli import main\n"
        f"status = main(['convert', {str(src)!r}, {str(tmp_path / 'out.json')!r}])\n"
        "print(status, 'networkx' in sys.modules, 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1].split() == ["0", "False", "False"]
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["claims"]


def test_help_and_unknown_commands_still_list_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in ("validate", "convert", "analyze", "af"))
    assert main(["no-such-command"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_program_exit_keeps_output_status_and_exit_handlers(
    reference_map_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The program ends without the interpreter's teardown (argmap.cli.run): all it printed
    # must still arrive, its status must be main()'s, and exit handlers must still run.
    assert main(["summary", str(reference_map_path)]) == 0
    expected = capsys.readouterr().out
    piped = run("summary", str(reference_map_path))
    assert piped.returncode == 0 and piped.stdout == expected
    assert run("validate", str(MALFORMED / "bad_id.json")).returncode == 1
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        f"sys.argv = ['argmap', 'info', {str(reference_map_path)!r}]\n"
        "from argmap.cli import run\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stderr.endswith("handler ran\n")
    assert str(len(json.loads(reference_map_path.read_text())["claims"])) in done.stdout
