"""Statistics per theme and per position."""

from __future__ import annotations

import pytest

from argmap.analysis.stats import statistics
from argmap.examples import soviet_socialism


def test_reference_map_statistics() -> None:
    s = statistics(soviet_socialism())
    by_theme = {t["id"]: t for t in s.themes}
    # 13 claims carry the state-capitalism theme; the only attack in the map targets
    # pos-failed-solidarity, which is in culture-character but not in state-capitalism
    assert by_theme["state-capitalism"]["claims"] == 13
    assert by_theme["state-capitalism"]["attacks"] == 0
    assert by_theme["culture-character"]["attacks"] == 1
    by_pos = {p["id"]: p for p in s.positions}
    assert by_pos["pos-failed-solidarity"]["attacks"] == 1
    assert by_pos["pos-failed-solidarity"]["balance"] == pytest.approx((9 - 1) / 10)
    assert by_pos["pos-state-capitalism"]["depth"] == 2
    assert s.contested[0]["id"] == "pos-failed-solidarity"
    assert s.contested[0]["strength_drop"] > 0
    assert "| `pos-state-capitalism` |" in s._repr_markdown_()


def test_dataframe_when_pandas_is_installed() -> None:
    pd = pytest.importorskip("pandas")
    frame = statistics(soviet_socialism()).to_dataframe("positions")
    assert isinstance(frame, pd.DataFrame) and len(frame) == 5
