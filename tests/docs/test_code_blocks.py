"""Every Python block in the README and docs/ runs as written, after a plain `import argmap`.

Blocks on a page run in order in one namespace, in a scratch folder that has the
repository's ``data/`` beside it, as a reader would type them. A block written as a console
session (``>>>``) is checked as a doctest, so its shown results must be what argmap returns.
A block that shows a mistake on purpose starts its output comment with the error's name
(``# MapValidationError: ...``) and must raise exactly that argmap error.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import argmap

from ..conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
EXPECTED_ERROR = re.compile(r"^# (\w+Error)\b", re.M)


def _pages_with_code() -> list[Path]:
    return [p for p in PAGES if BLOCK.search(p.read_text(encoding="utf-8"))]


def test_the_docs_have_python_to_run() -> None:
    assert len(_pages_with_code()) >= 5


@pytest.mark.parametrize("page", _pages_with_code(), ids=lambda p: p.name)
def test_code_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").symlink_to(REPO / "data")
    monkeypatch.chdir(tmp_path)
    names: dict[str, object] = {"argmap": argmap}
    names.update((n, getattr(argmap, n)) for n in argmap.__all__)
    for i, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8"))):
        where = f"{page.name}, Python block {i + 1}"
        if block.lstrip().startswith(">>>"):
            _run_doctest(block, names, where)
            continue
        expected = EXPECTED_ERROR.search(block)
        code = compile(block, where, "exec")
        if expected is None:
            exec(code, names)
            continue
        with pytest.raises(argmap.ArgmapError) as caught:
            exec(code, names)
        assert type(caught.value).__name__ == expected[1], where


def _run_doctest(block: str, names: dict[str, object], where: str) -> None:
    test = doctest.DocTestParser().get_doctest(block, names, where, where, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)
