"""Every Python block in the README and docs/ runs as written (see ``blocks.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import REPO
from .blocks import pages, run_page


def test_the_docs_have_python_to_run() -> None:
    assert len(pages(REPO)) >= 5


@pytest.mark.parametrize("page", pages(REPO), ids=lambda p: p.name)
def test_code_blocks_run(page: Path) -> None:
    assert run_page(page, REPO) == []


def test_a_wrong_result_or_a_missing_error_is_caught(tmp_path: Path) -> None:
    # The runner itself: a doctest with a wrong result, and a block that should raise.
    (tmp_path / "data").mkdir()
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n>>> 1 + 1\n3\n```\n\n```python\nx = 1\n# MapValidationError: no\n```\n",
        encoding="utf-8",
    )
    failures = run_page(page, tmp_path)
    assert len(failures) == 2 and "Expected:\n    3" in failures[0]
    assert "expected MapValidationError, but the block ran" in failures[1]


def test_a_block_that_needs_a_missing_extra_must_name_it(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n# needs: no_such_module_here\n"
        "raise argmap.ArgmapError(\"it needs x: pip install 'argmap[x]'\")\n```\n\n"
        "```python\n# needs: no_such_module_here\nx = 1\n```\n\n"
        "```python\n# needs: no_such_module_here\nraise argmap.ArgmapError('no hint')\n```\n",
        encoding="utf-8",
    )
    failures = run_page(page, tmp_path)
    assert len(failures) == 2
    assert failures[0].endswith("Python block 2: ran without the extra it says it needs")
    assert failures[1].endswith("Python block 3: ArgmapError: no hint")
