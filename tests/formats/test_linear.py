"""Bounded time and memory on hostile input: each worst case found (a line of 4,000 dashes
and a letter, 80,000 ``{``, ...) is read within a small factor of the time of a normal file
of the same size, timed in the same test (ratios, not seconds); an ICCMA header cannot
make a tiny file allocate gigabytes."""

from __future__ import annotations

import contextlib
import json
import time
import tracemalloc
from collections.abc import Callable

import pytest

from argmap.analysis.iccma import MAX_ARGUMENTS, loads_framework
from argmap.errors import ArgmapError, FormatError
from argmap.formats import reads_report

#: How much slower than a normal file of its size a worst case may be read.
FACTOR = 5


def _seconds(text: str, fmt: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        with contextlib.suppress(ArgmapError):  # a located error is as good as a map
            reads_report(text, fmt)
        best = min(best, time.perf_counter() - start)
    return best


def _argdown(size: int) -> str:
    out, i, n = [], 0, 0
    while n < size:
        block = f"[S{i}]: Statement {i} says something. #t{i % 7}\n  + [S{i + 1}]\n  - [X{i}]\n\n"
        out.append(block)
        n += len(block)
        i += 1
    return "".join(out)[:size]


def _kialo(size: int) -> str:
    out, i, n = ["Discussion Title: T\n\n1. The root claim.\n"], 1, 0
    while n < size:
        line = f"1.{i}. Pro: Reason number {i} for the root, in a few words.\n"
        out.append(line)
        n += len(line)
        i += 1
    return "".join(out)


def _aif(size: int) -> str:
    n = size // len(json.dumps({"nodeID": "12345", "type": "I", "text": "A claim in words."}))
    nodes = [{"nodeID": str(i), "type": "I", "text": "A claim in words."} for i in range(n)]
    return json.dumps({"nodes": nodes, "edges": []})


_L_NODE = {"nodeID": "2", "type": "L", "text": " " * 200_000 + "x"}
WORST: dict[str, tuple[str, str, Callable[[int], str]]] = {
    "argdown: lines of 4,000 dashes and a letter": (
        ("-" * 4000 + "a\n") * 40,
        "argdown",
        _argdown,
    ),
    "argdown: 100,000 '{'": ("[A]: text " + "{" * 100_000 + "\n", "argdown", _argdown),
    "argdown: 100,000 '{' closed": ("[A]: t " + "{" * 100_000 + "}\n", "argdown", _argdown),
    "argdown: YAML data of 8,000 keys": (
        "[A]: t {" + ", ".join(f"k{i}: value {i}" for i in range(8000)) + "}\n",
        "argdown",
        _argdown,
    ),
    "argdown: 60,000 '#('": ("[A]: text " + "#(" * 60_000 + "\n", "argdown", _argdown),
    "argdown: 60,000 '/*'": ("/*" * 60_000 + "\n", "argdown", _argdown),
    "argdown: 30,000 '<!--'": ("<!--" * 30_000 + "\n", "argdown", _argdown),
    "argdown: 100,000 '['": ("[" * 100_000 + "\n", "argdown", _argdown),
    "argdown: a title of escapes": ("[" + "\\[" * 60_000 + "]: x\n", "argdown", _argdown),
    "kialo: a chain of 10,000 reuses": (
        "Discussion Title: T\n\n1. Root\n1.1. Pro: base\n"
        + "".join(f"1.{k}. Con: -> See 1.{k - 1}.\n" for k in range(2, 10_000)),
        "kialo",
        _kialo,
    ),
    "kialo: 10,000 wrapped footnotes": (
        "Discussion Title: T\n\n1. Root [1]\n\nSources:\n"
        + "".join(f"[{k}] http://x/{k}\nwrapped\n" for k in range(1, 10_000)),
        "kialo",
        _kialo,
    ),
    "aif: a speaker's line of 200,000 spaces": (
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "type": "I", "text": "x"},
                    _L_NODE,
                    {"nodeID": "3", "type": "YA", "text": "Asserting"},
                ],
                "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
            }
        ),
        "aif",
        _aif,
    ),
}


@pytest.mark.parametrize("case", sorted(WORST))
def test_worst_case_is_read_within_a_small_factor_of_a_normal_file(case: str) -> None:
    text, fmt, normal = WORST[case]
    worst, usual = _seconds(text, fmt), _seconds(normal(len(text)), fmt)
    assert worst <= FACTOR * usual, f"{case}: {worst:.3f}s vs {usual:.3f}s for a normal file"


def test_an_iccma_header_cannot_allocate_what_the_file_does_not_hold() -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FormatError) as info:
            loads_framework("p af 50000000\n", "iccma23")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # bytes: nothing was made for 50 million arguments
    assert (info.value.line, info.value.column) == (1, 6)
    assert f"limit of {MAX_ARGUMENTS:,}" in info.value.message
    assert "--max-arguments" in info.value.message


def test_the_argument_cap_can_be_raised_and_lowered() -> None:
    assert loads_framework("p af 3\n1 2\n", "iccma23", max_arguments=3).n == 3
    for text, fmt in (
        ("p af 3\n", "iccma23"),
        ("arg(a). arg(b). arg(c).", "apx"),
        ("a\nb\nc\n#\n", "tgf"),
    ):
        with pytest.raises(FormatError, match="limit of 2"):
            loads_framework(text, fmt, max_arguments=2)


@pytest.mark.parametrize("header", ["p af ٣", "p af ²", "p af 1" + "0" * 40, "p af -1"])
def test_an_iccma_header_takes_ascii_digits_only(header: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_framework(header + "\n", "iccma23")
    assert info.value.line == 1


def test_af_command_says_how_to_raise_the_cap(tmp_path, capsys) -> None:
    from argmap.cli import main

    path = tmp_path / "big.af"
    path.write_text("p af 50000000\n")
    assert main(["af", "-p", "SE-GR", "-f", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:6:" in err and "--max-arguments N" in err and "Traceback" not in err
    small = tmp_path / "small.af"
    small.write_text("p af 3\n1 2\n")
    assert main(["af", "-p", "SE-GR", "-f", str(small), "--max-arguments", "3"]) == 0
    assert capsys.readouterr().out.strip() == "w 1 3"
    assert main(["af", "-p", "SE-GR", "-f", str(small), "--max-arguments", "-5"]) == 2
    assert "--max-arguments: must be 0 or more, not -5" in capsys.readouterr().err
