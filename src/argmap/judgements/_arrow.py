"""The fast path for blocks without quotes: numpy finds the fields, pyarrow encodes them.

A block with no ``"`` has one row per line and no delimiter inside a field, so every field
ends at the next delimiter or line end. numpy finds those bytes in one pass; the block then
becomes one arrow string array of all its fields, without a copy (each field's offsets are
the byte just past the previous separator, so a field keeps its separator at the end), and
pyarrow dictionary-encodes it with a hash table. What is left per row is integer arithmetic
in numpy; :class:`~argmap.judgements._collect.Collector` sees only the distinct texts, with
the trailing separator taken off.

Without pyarrow, :func:`arrow_block` returns False and the caller reads the block with
Python's ``csv`` module, which gives the same rows, lines and messages.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from ._collect import Collector
    from ._columns import Columns

__all__ = ["arrow_block", "available"]

_MODULES: list[Any] = []
Ints = npt.NDArray[np.int64]


def available() -> bool:
    """Whether pyarrow can be imported (the ``argmap[judge]`` extra)."""
    if not _MODULES:
        try:
            _MODULES.append(import_module("pyarrow"))
        except ImportError:
            _MODULES.append(None)
    return _MODULES[0] is not None


def _ints(array: Any) -> npt.NDArray[np.int32]:
    """An arrow int32 array without nulls as numpy, sharing its buffer.

    (``Array.to_numpy`` would do, but it imports pandas when pandas is installed: a second
    and a half the first time.)
    """
    data = array.buffers()[1]
    return np.frombuffer(data, dtype=np.int32, count=len(array), offset=array.offset * 4)


def arrow_block(chunk: bytes, line: int, columns: Columns, collector: Collector) -> bool:
    """Feed a quote-free block's rows to ``collector``; False when pyarrow is missing."""
    if not available() or not chunk:
        return available()
    pa = _MODULES[0]
    if chunk[-1:] != b"\n":
        chunk += b"\n"  # the file's last line, without a line end: give it one
    data = np.frombuffer(chunk, dtype=np.uint8)
    newline = data == 0x0A
    ends = np.flatnonzero(newline | (data == ord(columns.delimiter))) + 1
    is_line_end = newline[ends - 1]
    line_ends = np.flatnonzero(is_line_end)  # the index of each line's last field
    first_field = np.concatenate([np.zeros(1, dtype=np.int64), line_ends[:-1] + 1])
    widths = line_ends - first_field + 1
    numbers = line + np.arange(line_ends.size, dtype=np.int32)
    width = len(columns.names)
    right = widths == width
    if not right.all():
        wrong = ~right & ~_blank(chunk, ends, first_field, widths)
        collector.add_wrong_width(numbers[wrong], widths[wrong])
        if not right.any():
            return True
    offsets = np.concatenate([np.zeros(1, dtype=np.int64), ends]).astype(np.int32)
    fields = pa.StringArray.from_buffers(ends.size, pa.py_buffer(offsets), pa.py_buffer(chunk))
    encoded = fields.dictionary_encode()
    keys = encoded.dictionary.to_pylist()
    indices = _ints(encoded.indices)
    starts = first_field[right]
    delimiter = columns.delimiter
    roles = []
    for k in (columns.rater, columns.item, columns.rating):
        column = indices[starts + k]
        used = np.flatnonzero(np.bincount(column, minlength=len(keys)))
        remap = np.zeros(len(keys), dtype=np.int32)
        remap[used] = np.arange(used.size, dtype=np.int32)
        texts = [_unseparated(keys[u], delimiter) for u in used.tolist()]
        roles.append((texts, remap[column]))
    collector.add_encoded(numbers[right], roles[0], roles[1], roles[2])
    return True


def _unseparated(text: str, delimiter: str) -> str:
    # Each field was cut just after its separator: take that one character off.
    return text[:-1] if text.endswith(("\n", delimiter)) else text


def _blank(chunk: bytes, ends: Ints, first_field: Ints, widths: Ints) -> npt.NDArray[np.bool_]:
    """Which lines hold nothing but whitespace (they are passed over, as by ``csv``)."""
    single = widths == 1
    if not single.any():
        return np.zeros(widths.size, dtype=bool)
    data = np.frombuffer(chunk, dtype=np.uint8)
    text = ~((data == 0x20) | (data == 0x09) | (data == 0x0D) | (data == 0x0A))
    seen = np.concatenate([np.zeros(1, dtype=np.int32), np.cumsum(text, dtype=np.int32)])
    f = first_field[single]
    start = np.where(f > 0, ends[np.maximum(f - 1, 0)], 0)
    blank = np.zeros(widths.size, dtype=bool)
    blank[single] = seen[ends[f]] == seen[start]  # no byte but whitespace in the line
    return blank
