"""The test class and the reference map it was written from."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.classroom import Reference

from ..conftest import DATA

CLASS = Path(__file__).resolve().parent / "data" / "class"
REFERENCE = DATA / "claims.json"


@pytest.fixture(scope="session")
def reference() -> Reference:
    """The reference map, prepared once, with the default rubric."""
    return Reference(REFERENCE)
