"""Reading and writing maps: argmap JSON here; other formats register beside it."""

from .files import atomic_write
from .json import dump, dumps, load, load_report, loads

__all__ = ["atomic_write", "dump", "dumps", "load", "load_report", "loads"]
