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
