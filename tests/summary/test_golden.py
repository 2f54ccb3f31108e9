"""Golden files: the summaries of the reference map, reviewed by eye once, then locked.

After an intended change, regenerate with ``ARGMAP_UPDATE_GOLDEN=1 pytest tests/summary``
and review the diff in git before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.examples import soviet_socialism
from argmap.summary import summarize

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    "claims.md": {"format": "md", "analysis": False},
    "claims.txt": {"format": "txt", "width": 72},
    "claims.outline.txt": {"format": "outline"},
    "claims.brief.txt": {"format": "brief", "analysis": False},
    "claims.long.txt": {"format": "long"},
    "claims.depth2.outline.txt": {"format": "outline", "depth": 2},
    "claims.state-capitalism.md": {
        "format": "md",
        "themes": ["state-capitalism"],
        "quotes": False,
        "analysis": False,
    },
    "claims.root-label-not-fair.outline.txt": {"format": "outline", "root": "c-label-not-fair"},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    options = dict(CASES[name])
    fmt = str(options.pop("format"))
    text = str(summarize(soviet_socialism(), fmt, **options))  # type: ignore[arg-type]
    path = GOLDEN / name
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_same_map_same_bytes() -> None:
    # Determinism across loads: a fresh load of the map gives identical text.
    for fmt in ("md", "txt", "outline", "brief", "long"):
        assert str(summarize(soviet_socialism(), fmt)) == str(summarize(soviet_socialism(), fmt))
