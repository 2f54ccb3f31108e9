"""The official Argdown tool reads what argmap writes, and agrees with argmap's parser.

Runs only where the Argdown CLI (``@argdown/cli``) is installed: on ``PATH`` or in
``benchmarks/.cache/argdown`` (where ``benchmarks/bench_formats.py`` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.formats import argdown, argdown_json, writes
from argmap.formats._argdown_doc import unescape

from ..conftest import REPO

FIXTURES = Path(__file__).parent / "fixtures"


def _cli() -> str | None:
    local = REPO / "benchmarks" / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"
    if local.exists():
        return str(local)
    return shutil.which("argdown")


@pytest.fixture(scope="module")
def tool_json(tmp_path_factory) -> dict[str, dict]:
    cli = _cli()
    if cli is None:
        pytest.skip("the Argdown CLI (@argdown/cli) is not installed")
    folder = tmp_path_factory.mktemp("argdown")
    for name in ("constructs", "strict"):
        shutil.copy(FIXTURES / f"{name}.argdown", folder / f"{name}.argdown")
    m = argmap.examples.soviet_socialism()
    (folder / "reference.argdown").write_text(writes(m, "argdown"), encoding="utf-8")
    tricky = argmap.ArgumentMap(title="Tricky")
    tricky.claim("a", "Odd [text] <with> #marks @x {y} *z* _w_ a/b // c \\ d", kind="evidence")
    tricky.claim("b", "Co-premise.", title="A title")
    tricky.claim("c", "Target.", note='quote " and brace }')
    tricky.support(["a", "b"], "c", id="L1")
    tricky.attack("b", "L1")
    (folder / "tricky.argdown").write_text(writes(tricky, "argdown"), encoding="utf-8")
    done = subprocess.run(
        [cli, "json", f"{folder}/*.argdown", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return {
        p.stem: {"json": json.loads(p.read_text()), "source": folder / f"{p.stem}.argdown"}
        for p in folder.glob("*.json")
    }


@pytest.mark.parametrize("name", ["constructs", "strict", "reference", "tricky"])
def test_argmap_parser_agrees_with_the_argdown_tool(tool_json, name):
    mine = argdown.parse(tool_json[name]["source"].read_text(encoding="utf-8"))
    tool = argdown_json.document(tool_json[name]["json"])
    assert list(mine.statements) == list(tool.statements)
    for title, st in mine.statements.items():
        assert " ".join(unescape(st.text).split()) == " ".join(tool.statements[title].text.split())
    assert list(mine.arguments) == list(tool.arguments)
    for title, arg in mine.arguments.items():
        assert [(i.statement, i.role) for i in arg.pcs] == [
            (i.statement, i.role) for i in tool.arguments[title].pcs
        ]
    assert {r.key() for r in mine.relations} == {r.key() for r in tool.relations}


def test_what_argmap_writes_the_tool_reads_back_to_the_same_map(tool_json):
    m = argmap.examples.soviet_socialism()
    via_tool = argdown_json.reads_json(json.dumps(tool_json["reference"]["json"]))
    # Claims survive whole (argmap's fields travel as {data}); links keep their structure.
    assert via_tool.claims == m.claims
    assert len(via_tool.links) == len(m.links)
    data = tool_json["tricky"]["json"]["statements"]["a"]["members"][0]
    assert data["text"].strip() == "Odd [text] <with> #marks @x {y} *z* _w_ a/b // c \\ d"
    assert data["data"] == {"kind": "evidence"}
