"""Where a quote stands in its source text, in words a student can follow to find it.

Feedback that hints rather than reveals says *where* to look: "in the second paragraph
under 'What to keep in mind'". The text is read as blocks separated by blank lines; a
short block without a closing full stop is a heading; a bulleted line is a point of its
own. Offsets are the quote's character offsets, as in the map.

>>> text = "In brief\\n\\n  • First point.\\n  • Second point.\\n\\nMore\\n\\nA paragraph. Another."
>>> place(text, text.index("Second"))
"the second point under 'In brief'"
>>> place(text, text.index("Another"))
"the first paragraph under 'More'"
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ORDINALS", "ordinal", "place"]

ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth",
)  # fmt: skip
_BULLET = re.compile(r"^\s*(?:[•*\-–]|\d+[.)])\s+")
_HEADING_MAX = 70


def ordinal(n: int) -> str:
    """``1`` -> ``first``; past ten, ``11th``."""
    if 1 <= n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class _Part:
    start: int
    heading: str | None
    number: int
    point: bool


def place(text: str, offset: int) -> str | None:
    """The paragraph (or point) that holds ``offset``, and the heading above it."""
    parts = _parts(text)
    starts = [p.start for p in parts]
    i = bisect_right(starts, offset) - 1
    if i < 0:
        return None
    part = parts[i]
    what = "point" if part.point else "paragraph"
    where = f"the {ordinal(part.number)} {what}"
    return f"{where} under '{part.heading}'" if part.heading else f"{where} of the text"


@lru_cache(maxsize=8)
def _parts(text: str) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    heading: str | None = None
    number = 0
    for start, block in _blocks(text):
        lines = block.splitlines()
        if _is_heading(block):
            heading, number = " ".join(block.split()), 0
            continue
        offset = start
        bullets = [line for line in lines if _BULLET.match(line)]
        if bullets and len(bullets) == len([line for line in lines if line.strip()]):
            for line in lines:
                number += 1
                parts.append(_Part(offset, heading, number, True))
                offset += len(line) + 1
        else:
            number += 1
            parts.append(_Part(start, heading, number, False))
    return tuple(parts)


def _blocks(text: str) -> list[tuple[int, str]]:
    out = []
    for found in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        out.append((found.start(), found.group().rstrip("\n")))
    return out


def _is_heading(block: str) -> bool:
    line = " ".join(block.split())
    return (
        "\n" not in block.strip()
        and len(line) <= _HEADING_MAX
        and not line.endswith((".", "!", "?", ":", ",", ";"))
        and not _BULLET.match(block)
    )
