"""Example maps shipped with argmap."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..io.json import load
from ..model import ArgumentMap

__all__ = ["data_path", "soviet_socialism"]


def data_path() -> Path:
    """Folder holding the reference map and its source text.

    In an installed wheel it is package data (built from the repository's ``data/``); in a
    source checkout it is ``data/`` itself, so the repository keeps one copy.
    """
    packaged = Path(str(resources.files(__name__))) / "data"
    if (packaged / "claims.json").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def soviet_socialism() -> ArgumentMap:
    """The reference map of the article "What was wrong with Soviet socialism".

    Examples
    --------
    >>> m = soviet_socialism()
    >>> sorted({"shortages", "state-capitalism"} & {t.id for t in m.themes})
    ['shortages', 'state-capitalism']
    """
    return load(data_path() / "claims.json")
