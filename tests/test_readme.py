"""The README's Python examples run as written, and its first screen has the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_first_screen_gives_exactly_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == [
        "bash scripts/demo.sh",
        "bash scripts/test.sh",
    ]
    assert README.index("```sh") < 1200  # on the first screen
    assert "scripts/test.sh" in (REPO / ".ci" / "run").read_text()


def test_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").symlink_to(REPO / "data")
    monkeypatch.chdir(tmp_path)
    for block in re.findall(r"```python\n(.*?)```", README, re.S):
        exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "homework.json").is_file()


def test_the_main_job_runs_every_step(tmp_path: Path) -> None:
    # The README's first command: each argmap step of scripts/demo.sh, run as it is written
    # (set up aside), must succeed and write its file.
    import shlex
    import shutil
    import subprocess
    import sys

    pytest.importorskip("graphviz")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz dot not installed")
    (tmp_path / "data").symlink_to(REPO / "data")
    steps = [
        shlex.split(line)[1:]
        for line in (REPO / "scripts" / "demo.sh").read_text().splitlines()
        if line.startswith(".venv/bin/argmap ")
    ]
    assert len(steps) >= 8
    (tmp_path / "build").mkdir()
    for step in steps:
        argv = [a.replace("$MAP", "data/claims.json") for a in step]
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *argv],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (argv, done.stderr[-2000:])
    for name in ("claims.svg", "claims.png", "claims.md", "report.html", "claims.graphml"):
        assert (tmp_path / "build" / name).stat().st_size > 0, name
