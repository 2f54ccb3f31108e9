"""Shared fixtures: the repository's data and the optional shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


def _shared_dir() -> Path:
    # CI lays a copy of shared/ beside the clone; ARGMAP_SHARED overrides for other layouts.
    override = os.environ.get("ARGMAP_SHARED")
    return Path(override) if override else REPO.parent / "shared"


SHARED = _shared_dir()
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real files (formats/, iccma/); the test skips when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present (../shared/corpus)")
    return CORPUS


@pytest.fixture
def reference_map_path() -> Path:
    return DATA / "claims.json"
