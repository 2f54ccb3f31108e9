"""Did-you-mean hints stay helpful and bounded, however many names are misspelt.

3,000 misspelt references once took 113 s to validate: each was compared with every claim.
"""

from __future__ import annotations

import difflib
import json
import time
from unittest import mock

import pytest

import argmap
from argmap import _suggest
from argmap._suggest import COMPARISON_BUDGET, Budget, Suggester
from argmap.errors import MapValidationError

N = 4000


def _map_text(n: int, misspelt: bool) -> bytes:
    """n claims and n - 1 links; with ``misspelt``, every link's source has a typo."""
    claims = [{"id": f"claim-{i:05d}", "text": f"Claim number {i}."} for i in range(n)]
    links = [
        {
            "id": f"l{i}",
            "kind": "support",
            "sources": [f"cliam-{i:05d}" if misspelt else f"claim-{i:05d}"],
            "target": "claim-00000",
        }
        for i in range(1, n)
    ]
    return json.dumps({"format": "argmap/1", "claims": claims, "links": links}).encode()


def _problems(data: bytes) -> list[str]:
    try:
        argmap.loads(data)
    except MapValidationError as exc:
        return [p.message for p in exc.problems]
    return []


def _fastest(data: bytes, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        _problems(data)
        best = min(best, time.perf_counter() - start)
    return best


def test_thousands_of_misspellings_cost_little_more_than_none() -> None:
    clean, misspelt = _map_text(N, False), _map_text(N, True)
    assert len(clean) == len(misspelt)
    messages = _problems(misspelt)
    assert len(messages) == N - 1  # every problem reported...
    assert "(did you mean 'claim-00001'?)" in messages[0]  # ...the first ones with a hint
    ratio = _fastest(misspelt) / _fastest(clean)
    # Comparing every name with every claim took thousands of times as long; the hints'
    # budget and each problem's message leave a small factor.
    assert ratio < 40, ratio


def test_comparisons_are_bounded_whatever_the_count() -> None:
    made = 0
    real = difflib.SequenceMatcher.ratio

    def counting(self: difflib.SequenceMatcher[str]) -> float:
        nonlocal made
        made += 1
        return real(self)

    with mock.patch.object(difflib.SequenceMatcher, "ratio", counting):
        for n in (1000, N):
            made = 0
            _problems(_map_text(n, True))
            assert made <= COMPARISON_BUDGET, (n, made)


def test_small_maps_keep_the_best_match_in_the_whole_map() -> None:
    known = ["stress", "sleep", "practice", "homework-ban"]
    hint = Suggester(known)
    assert hint("stres") == "stress"
    assert hint("homework_ban") == "homework-ban"  # the separator and case: one lookup
    assert hint("zzz") is None
    for name in ("pratice", "slep", "homework"):
        assert hint(name) == (difflib.get_close_matches(name, known, n=1) or [None])[0]


@pytest.mark.parametrize(
    "typo",
    [
        "sate-capitalism",  # near the start: the backwards list finds it
        "state-capitalsim",  # near the end: the forwards list finds it
        "state-captalism",  # in the middle: either
        "State_Capitalism",  # case and separator: one lookup
        "cliam-01234",
    ],
)
def test_large_maps_find_typos_anywhere(typo: str) -> None:
    known = [f"claim-{i:05d}" for i in range(20_000)]
    known += ["state-capitalism", "state-control", "capitalism-today", "elite-privilege"]
    hint = Suggester(known)
    expected = "claim-01234" if typo.startswith("cliam") else "state-capitalism"
    assert hint(typo) == expected


def test_past_the_budget_only_exact_lookups_remain() -> None:
    budget = Budget(10)
    hint = Suggester([f"claim-{i:05d}" for i in range(5000)], budget)
    assert hint("cliam-00001") == "claim-00001"
    assert budget.left <= 0
    assert hint("cliam-00002") is None  # no comparisons left...
    assert hint("Claim-00002") == "claim-00002"  # ...but case and separators still match


def test_the_same_misspelling_is_looked_up_once() -> None:
    with mock.patch.object(_suggest, "_closest", wraps=_suggest._closest) as closest:
        hint = Suggester([f"claim-{i}" for i in range(500)])
        assert hint("claim-x1") == hint("claim-x1")
    assert closest.call_count == 1


def test_validate_cli_hints_and_finishes(tmp_path: object) -> None:
    from pathlib import Path

    from argmap.cli import main

    path = Path(str(tmp_path)) / "typos.json"
    path.write_bytes(_map_text(3000, True))
    start = time.perf_counter()
    assert main(["validate", "--format", "json", str(path)]) == 1
    assert time.perf_counter() - start < 60  # 113 s before, on this very shape
