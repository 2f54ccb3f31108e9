"""The tutorial's code runs as written, and the output it shows is the output it gives."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from argmap.errors import MapValidationError

from ..conftest import REPO

BLOCK = re.compile(r"```(python|text|bash)\n(.*?)```", re.S)


def test_tutorial_code_runs_and_shows_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the tutorial saves homework.json
    blocks = BLOCK.findall((REPO / "docs" / "tutorial.md").read_text(encoding="utf-8"))
    namespace: dict[str, object] = {}
    printed = ""
    checked = 0
    for i, (lang, code) in enumerate(blocks):
        if lang == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                if "# MapValidationError" in code:
                    # The block shows a mistake; the comment under it quotes the error.
                    with pytest.raises(MapValidationError) as caught:
                        exec(code, namespace)
                    quoted = " ".join(line.lstrip("# ").strip() for line in code.splitlines()[1:])
                    shown = f"{type(caught.value).__name__}: {caught.value}"
                    assert " ".join(shown.split()) == quoted
                else:
                    exec(code, namespace)
            printed = out.getvalue()
        elif lang == "text" and blocks[i - 1][0] == "python":
            assert printed.rstrip("\n") == code.rstrip("\n")
            checked += 1
    assert checked >= 1 and (tmp_path / "homework.json").is_file()
