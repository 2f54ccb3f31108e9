"""Mutations for ``fuzz_formats.py``: how an input is made from a seed file.

Each mutation takes the random source, the format, the data and the pool of seeds of the
format, and returns new data. ``make_input`` applies a few to a piece of a seed.
"""

from __future__ import annotations

import json
import random
from typing import Any

__all__ = ["FRAMEWORK_FORMATS", "JSON_FORMATS", "make_input"]

FRAMEWORK_FORMATS = ["iccma23", "apx", "tgf"]
JSON_FORMATS = {"argmap", "argdown-json", "aif", "sadface"}
WINDOW = 16_384  # bytes of a big text seed kept per input
SAMPLE = 40  # items of a long JSON list kept per input

TOKENS: dict[str, list[str]] = {
    "argdown": [
        "[A]",
        "[B]: b",
        "<C>",
        "<C>: c",
        "\n  + ",
        "\n  - ",
        "\n  _ ",
        "\n    <_ ",
        "\n  +> ",
        "\n  >< ",
        "\n(1) ",
        "\n(2) ",
        "\n----\n",
        "\n-- rule --\n",
        "\n# H\n",
        " #tag",
        " #(t",
        " {x: 1}",
        ' {"id": "a\\nb"}',
        " {kind: nope, confidence: 7}",
        "{",
        "}",
        "/*",
        "*/",
        "<!--",
        "-->",
        " // ",
        "\\",
        "\t",
        "===\n",
        "@[A]",
        "-" * 4000 + "a",
        "{" * 3000,
        "#(" * 2000,
        "[" * 2000,
        "\n" + "  " * 500 + "+ [D]",
    ],
    "kialo": [
        "1.",
        "1.1.",
        "1.1.1.",
        "2.",
        " Pro: ",
        " Con: ",
        " Thesis: ",
        " Question: ",
        "-> See 1.",
        "-> See 1.1.",
        "-> See 9.9.",
        "\nSources:\n",
        "[1] ",
        "[99999999999] ",
        "\\",
        "\\-",
        "Discussion Title: ",
        "Discussion Name:\n",
        "1." * 300,
        "\n\n",
    ],
    "json": [
        '"',
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "null",
        "true",
        "1e999",
        "-1",
        "0",
        '""',
        '"\\u0000"',
        '"\\ud800"',
        "[" * 2000,
        "9" * 5000,
        '"nodeID"',
        '"type"',
        '"I"',
        '"RA"',
        '"CA"',
        '"L"',
        '"YA"',
        '"TA"',
        '"atom"',
        '"scheme"',
        '"conflict"',
        '"statements"',
        '"arguments"',
        '"relations"',
        '"pcs"',
        '"members"',
        '"claims"',
        '"links"',
        '"id"',
    ],
    "framework": [
        "p af ",
        "p af 50000000\n",
        "p af ٣\n",
        "p af ²\n",
        "#",
        "arg(",
        "att(",
        ").",
        ",",
        " ",
        "\n",
        "%",
        "9" * 40,
        "-1",
        "a b\n",
        "#\n",
    ],
}


def make_input(rng: random.Random, fmt: str, pool: list[bytes]) -> bytes:
    """A seed of ``fmt`` (a piece of it, if big) changed by a few mutations. JSON is mostly
    changed inside its structure: a byte flipped there makes it invalid JSON, which every
    reader refuses at once, and the reader behind the parse would go untried."""
    data = _cut(rng, fmt, rng.choice(pool))
    mutators = _JSON_MUTATORS if fmt in JSON_FORMATS else _MUTATORS
    for _ in range(rng.choice((1, 1, 2, 3, 5, 8))):
        data = rng.choice(mutators)(rng, fmt, data, pool)
    return data


def _cut(rng: random.Random, fmt: str, data: bytes) -> bytes:
    """A small piece of a big seed: a sample of each long JSON list, or a text window."""
    if len(data) <= WINDOW:
        return data
    if fmt in JSON_FORMATS:
        try:
            return json.dumps(_sample(rng, json.loads(data))).encode()
        except (ValueError, RecursionError):
            pass
    start = rng.randrange(len(data) - WINDOW)
    piece = data[start : start + WINDOW]
    if fmt == "kialo":
        piece = data[: data.find(b"\n") + 1] + b"\n" + piece  # keep the header line
    if fmt == "iccma23":
        piece = data[: data.find(b"\n") + 1] + piece
    return piece


def _sample(rng: random.Random, value: Any) -> Any:
    if isinstance(value, list):
        kept = value if len(value) <= SAMPLE else rng.sample(value, SAMPLE)
        return [_sample(rng, v) for v in kept]
    if isinstance(value, dict):
        return {k: _sample(rng, v) for k, v in value.items()}
    return value


def _tokens(fmt: str) -> list[str]:
    if fmt in JSON_FORMATS:
        return TOKENS["json"]
    return TOKENS["framework"] if fmt in FRAMEWORK_FORMATS else TOKENS[fmt]


def _flip(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    i = rng.randrange(len(data))
    return data[:i] + bytes([rng.randrange(256)]) + data[i + 1 :]


def _delete(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 64) :]


def _insert_token(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(_tokens(fmt)).encode() + data[i:]


def _repeat(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.randint(1, 40)]
    return data[:i] + chunk * rng.choice((2, 10, 300)) + data[i:]


def _lines(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    lines = data.split(b"\n")
    other = rng.choice(pool).split(b"\n")
    action = rng.randrange(3)
    i = rng.randrange(len(lines))
    if action == 0:
        lines.insert(i, rng.choice(other))  # a line of another seed
    elif action == 1 and len(lines) > 1:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i : i + 1] = [lines[i]] * rng.choice((2, 3, 50))
    return b"\n".join(lines)


def _encoding(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:
        return b"\xef\xbb\xbf" + data
    if choice == 1:
        return data.replace(b"\n", b"\r\n")
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00")) + data[i:]


def _json_value(rng: random.Random, fmt: str, data: bytes, pool: list[bytes]) -> bytes:
    """Replace, drop or rename something inside parsed JSON (structure-aware)."""
    if fmt not in JSON_FORMATS:
        return _insert_token(rng, fmt, data, pool)
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return _flip(rng, fmt, data, pool)
    spots: list[tuple[Any, Any]] = []
    todo = [doc]
    while todo and len(spots) < 2000:
        node = todo.pop()
        keys = (
            list(node)
            if isinstance(node, dict)
            else range(len(node))
            if isinstance(node, list)
            else []
        )
        for k in keys:
            spots.append((node, k))
            todo.append(node[k])
    if not spots:
        return json.dumps(_random_json(rng, 3)).encode()
    node, key = rng.choice(spots)
    action = rng.randrange(4)
    if action == 0 and isinstance(node, dict):
        del node[key]
    elif action == 1 and isinstance(node, dict):
        node[rng.choice(_tokens(fmt)).strip('"') or "x"] = node.pop(key)
    elif action == 2:
        node[key] = rng.choice([[node[key]] * 3, {"x": node[key]}, _deep(rng)])
    else:
        node[key] = _random_json(rng, 2)
    try:
        return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    except RecursionError:  # nested deeper than json.dumps goes: as deep as it gets
        return data


def _deep(rng: random.Random) -> Any:
    value: Any = "x"
    for _ in range(rng.choice((50, 500, 5000))):
        value = [value] if rng.random() < 0.5 else {"k": value}
    return value


def _random_json(rng: random.Random, depth: int) -> Any:
    kind = rng.randrange(8 if depth else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice((True, False, 0, -1, 10**30, 1.5, 1e308))
    if kind in (2, 3, 4):
        return rng.choice(
            [
                "",
                "a",
                "1",
                "x y",
                "a\nb",
                "\u202e",
                "Bob : hi",
                "Asserting",
                "RA",
                "I",
                "atom",
                "x" * 300,
            ]
        )
    if kind in (5, 6):
        return [_random_json(rng, depth - 1) for _ in range(rng.randrange(4))]
    return {
        rng.choice(_tokens("json")).strip('"') or "k": _random_json(rng, depth - 1)
        for _ in range(rng.randrange(4))
    }


_MUTATORS = [_flip, _delete, _insert_token, _insert_token, _repeat, _lines, _encoding]
_JSON_MUTATORS = [*_MUTATORS, *[_json_value] * 20]
