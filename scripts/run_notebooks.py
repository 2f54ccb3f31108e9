"""Execute the lesson notebooks in docs/notebooks/ and store them with their outputs.

    .venv/bin/python scripts/run_notebooks.py            # run all, write back the changed ones
    .venv/bin/python scripts/run_notebooks.py --check    # run all, fail if a stored output is stale
    .venv/bin/python scripts/run_notebooks.py docs/notebooks/04-*.ipynb

Each notebook runs in a fresh kernel from its own folder (so ``data/...`` paths work), then is
normalised so that running it again gives the same bytes: no timings or timestamps, stream
output joined as one block per cell and stream (how the kernel splits it depends on timing),
memory addresses and this machine's folders replaced by placeholders, and the notebook's
metadata reduced to the kernel and the Graphviz version that drew the diagrams (a diagram's
coordinates depend on it, so a test on a machine with another Graphviz compares the text
outputs only). The test suite (tests/docs/test_notebooks.py) uses the same functions.
"""

from __future__ import annotations

import argparse
import copy
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from argmap.io.files import atomic_write

__all__ = ["GRAPHVIZ_KEY", "execute", "graphviz_version", "normalise", "render", "run"]

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "docs" / "notebooks"
#: Where in the notebook's metadata the Graphviz version that drew its diagrams is kept.
GRAPHVIZ_KEY = "argmap_graphviz"
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}
#: Cell metadata that a run or an editor adds and that says nothing about the lesson.
_VOLATILE_CELL_KEYS = ("execution", "collapsed", "scrolled", "ExecuteTime")
_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
#: A folder from tempfile.mkdtemp(), after the temporary folder became <tmp>.
_TEMP_DIR = re.compile(r"<tmp>/tmp[A-Za-z0-9_]{8}")


def graphviz_version() -> str:
    """``dot -V``'s version, or ``"none"`` where Graphviz is not installed."""
    try:
        done = subprocess.run(["dot", "-V"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "none"
    found = re.search(r"version (\S+)", done.stderr + done.stdout)
    return found[1] if found else "unknown"


def execute(path: Path, timeout: int = 120) -> Any:
    """Run the notebook at ``path`` in a fresh kernel from its folder; return it run."""
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return book


def _placeholders() -> list[tuple[str, str]]:
    # Longest first, so the notebook folder is not half-replaced by the repository's.
    places = [
        (str(NOTEBOOKS), "<notebooks>"),
        (str(REPO), "<repo>"),
        (tempfile.gettempdir().rstrip("/") + "/", "<tmp>/"),
        (str(Path.home()), "<home>"),
        (sys.prefix, "<python>"),
    ]
    return sorted(places, key=lambda p: -len(p[0]))


def _clean_text(text: str) -> str:
    for real, stand_in in _placeholders():
        text = text.replace(real, stand_in)
    text = _TEMP_DIR.sub("<tmp>/…", text)
    return _ADDRESS.sub("0x…", text)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


def _outputs(outputs: list[Any]) -> list[Any]:
    merged: list[Any] = []
    for out in outputs:
        out = copy.deepcopy(out)
        if out.get("output_type") == "stream":
            out["text"] = _clean_text(out["text"])
            # Consecutive stream chunks: one block per stream, stdout before stderr. How the
            # kernel cuts them, and how the two streams interleave, depends on timing.
            run = []
            while merged and merged[-1].get("output_type") == "stream":
                run.insert(0, merged.pop())
            run.append(out)
            for name in ("stdout", "stderr"):
                texts = [o["text"] for o in run if o["name"] == name]
                if texts:
                    merged.append(nbformat.v4.new_output("stream", name=name, text="".join(texts)))
            continue
        if "data" in out:
            out["data"] = {k: _clean_value(v) for k, v in sorted(out["data"].items())}
        if "metadata" in out:
            out["metadata"] = {}
        if out.get("output_type") == "error":
            out["traceback"] = [_clean_text(line) for line in out["traceback"]]
            out["evalue"] = _clean_text(out["evalue"])
        merged.append(out)
    return merged


def normalise(book: Any, graphviz: str | None = None) -> Any:
    """The notebook with everything a run varies removed (see the module's notes)."""
    book = copy.deepcopy(book)
    book.metadata = nbformat.from_dict(
        {
            "kernelspec": KERNEL,
            "language_info": {"name": "python"},
            GRAPHVIZ_KEY: graphviz or graphviz_version(),
        }
    )
    for number, cell in enumerate(book.cells):
        cell["id"] = f"cell-{number:02d}"  # stable ids instead of random ones
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = _outputs(cell.outputs)
    return book


def render(book: Any) -> str:
    """The notebook as the text stored in the repository (nbformat's own layout)."""
    return str(nbformat.writes(book)) + "\n"


def run(path: Path) -> str:
    """Execute and normalise ``path``; return the text to store."""
    return render(normalise(execute(path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all lessons)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    stale = []
    for path in paths:
        text = run(path.resolve())
        if text == path.read_text(encoding="utf-8"):
            print(f"{path.name}: up to date")
            continue
        stale.append(path)
        if args.check:
            print(f"{path.name}: stored outputs are stale (run scripts/run_notebooks.py)")
        else:
            atomic_write(path, text)
            print(f"{path.name}: written")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
