"""Run the Python blocks of the README and docs/ as a reader would type them.

Used by ``test_code_blocks.py`` in the development environment, and run as a script by
``tests/test_fresh_install.py`` inside a fresh virtual environment that has argmap without
any extra: ``python blocks.py REPO`` prints each failure and exits 1 if there was one.

Blocks on a page run in order in one namespace, in a scratch folder that has the
repository's ``data/`` beside it. A block written as a console session (``>>>``) is checked
as a doctest, so its shown results must be what argmap returns. A block that shows a mistake
on purpose starts its output comment with the error's name (``# MapValidationError: ...``)
and must raise exactly that argmap error. A block that needs an extra starts with
``# needs: MODULE, ...``; where one of them is missing it must raise the argmap error that
names the extra to install (``pip install 'argmap[...]'``), or fail importing that module.
"""

from __future__ import annotations

import doctest
import os
import re
import sys
import tempfile
from pathlib import Path

import argmap

BLOCK = re.compile(r"```python\n(.*?)```", re.S)
EXPECTED_ERROR = re.compile(r"^# (\w+Error)\b", re.M)
NEEDS = re.compile(r"\A# needs: ([\w., ]+)\n")


def pages(repo: Path) -> list[Path]:
    """The README and every docs page with a Python block."""
    found = [repo / "README.md", *sorted((repo / "docs").glob("*.md"))]
    return [p for p in found if BLOCK.search(p.read_text(encoding="utf-8"))]


def run_page(page: Path, repo: Path) -> list[str]:
    """Run a page's blocks in a new scratch folder; the failures, described."""
    folder = Path(tempfile.mkdtemp(prefix="argmap-docs-"))
    (folder / "data").symlink_to(repo / "data")
    names: dict[str, object] = {"argmap": argmap}
    names.update((n, getattr(argmap, n)) for n in argmap.__all__)
    failures: list[str] = []
    here = os.getcwd()
    os.chdir(folder)
    try:
        for i, block in enumerate(BLOCK.findall(page.read_text(encoding="utf-8"))):
            where = f"{page.name}, Python block {i + 1}"
            problem = _run_block(block, names, where)
            if problem:
                failures.append(f"{where}: {problem}")
    finally:
        os.chdir(here)
    return failures


def _run_block(block: str, names: dict[str, object], where: str) -> str | None:
    if block.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(block, names, where, where, 0)
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        runner = doctest.DocTestRunner(optionflags=flags)
        report: list[str] = []
        runner.run(test, out=report.append)
        return "".join(report) if runner.failures else None
    needs = NEEDS.match(block)
    wanted = [m.strip() for m in needs[1].split(",")] if needs else []
    missing = [m for m in wanted if not _importable(m)]
    if missing:
        return _missing_extra(block, names, where, missing)
    expected = EXPECTED_ERROR.search(block)
    try:
        exec(compile(block, where, "exec"), names)
    except argmap.ArgmapError as exc:
        if expected and type(exc).__name__ == expected[1]:
            return None
        return f"{type(exc).__name__}: {exc}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return f"expected {expected[1]}, but the block ran" if expected else None


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _missing_extra(
    block: str, names: dict[str, object], where: str, missing: list[str]
) -> str | None:
    """Without the block's extra, it must fail with argmap's message naming the extra, or
    on importing a module it needs."""
    try:
        exec(compile(block, where, "exec"), names)
    except argmap.ArgmapError as exc:
        return None if "pip install 'argmap[" in str(exc) else f"{type(exc).__name__}: {exc}"
    except ImportError as exc:
        return None if exc.name in missing else f"without its extra: ImportError: {exc}"
    except Exception as exc:
        return f"without its extra: {type(exc).__name__}: {exc}"
    return "ran without the extra it says it needs"


def main(repo: Path) -> int:
    failures = [f for page in pages(repo) for f in run_page(page, repo)]
    for failure in failures:
        print(failure)
    print(f"{len(pages(repo))} pages, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
