"""The documentation: built with MkDocs in strict mode, and complete where it must be."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from argmap.cli import COMMANDS
from argmap.errors import Code
from argmap.schema import schema_text

from ..conftest import REPO

DOCS = REPO / "docs"


def test_every_problem_code_is_documented() -> None:
    page = (DOCS / "validation.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(AM\d{3})` \| `([a-z-]+)` \|", page, flags=re.M))
    assert rows == {code.value: code.slug for code in Code}


def test_published_schema_matches_the_model() -> None:
    # The format page is generated from this file, so it must be the model's schema.
    published = DOCS / "schema" / "argmap-1.schema.json"
    assert published.read_text(encoding="utf-8") == schema_text(), (
        "run `argmap schema > docs/schema/argmap-1.schema.json`"
    )


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    # Generated parts came out: schema tables, every command's help, API from docstrings.
    fmt = (site / "format" / "index.html").read_text(encoding="utf-8")
    for name in ("Claim", "Link", "Quote", "Source", "Theme", "Perspective"):
        assert f'id="{name.lower()}"' in fmt
    assert "asserted_by" in fmt and "<!-- argmap:schema-tables -->" not in fmt
    cli = (site / "cli" / "index.html").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"usage: argmap {command}" in cli
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "summarize" in api and "html_report" in api
    # The lessons are pages with their stored outputs (diagrams too), and downloadable.
    lesson = site / "notebooks" / "04-judging-as-a-class"
    assert (lesson / "04-judging-as-a-class.ipynb").is_file()
    page = (lesson / "index.html").read_text(encoding="utf-8")
    assert "Learning goals" in page and "655 ratings by 24 raters" in page
    assert page.count("<svg") >= 1 and "class 1.7/4" in page  # the judged diagram, drawn


def test_format_page_example_is_a_valid_map() -> None:
    import argmap

    page = (DOCS / "format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", page, re.S)
    assert example is not None
    m = argmap.loads(example[1])
    assert m.check() == []  # no warnings either: every claim is connected
    assert [link.kind for link in m.links] == ["support", "attack"]


def test_every_page_is_in_the_nav() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s*([\w-]+\.md)\s*$", config, flags=re.M))
    pages = {p.name for p in DOCS.glob("*.md")}
    assert pages == listed, (pages - listed, listed - pages)
