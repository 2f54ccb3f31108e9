"""The ``styles`` option: per-item Graphviz attributes over the usual look, checked and quoted."""

from __future__ import annotations

import pytest

import argmap
from argmap.render import to_dot


def _map() -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title="Homework")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.")
    m.claim("sleep", "Stress costs sleep.")
    m.support(["stress", "sleep"], "ban")
    m.claim("practice", "Practice needs time.")
    m.attack("practice", "ban")
    return m


def _line(source: str, start: str) -> str:
    return next(line for line in source.splitlines() if line.strip().startswith(start))


def test_claim_and_link_styles_land_on_their_own_lines() -> None:
    source = to_dot(
        _map(),
        legend=False,
        styles={"stress": {"style": "rounded,dashed", "color": "#AA0000"}, "a1": {"penwidth": "4"}},
    ).source
    stress = _line(source, '"stress" [')
    assert 'style="rounded,dashed"' in stress and 'color="#AA0000"' in stress
    assert "dashed" not in _line(source, '"sleep" [')
    attack = _line(source, '"practice" -> "ban"')
    assert attack.rstrip().endswith("]") and "penwidth=4" in attack.replace('"4"', "4")


def test_co_premise_link_styles_every_part() -> None:
    source = to_dot(_map(), legend=False, styles={"s1": {"color": "#00AA00"}}).source
    parts = [line for line in source.splitlines() if 'id="edge-s1' in line]
    assert len(parts) == 3 and all('color="#00AA00"' in line for line in parts)


def test_values_are_quoted_so_no_attribute_can_be_injected() -> None:
    hostile = '#000" label="owned'
    source = to_dot(_map(), legend=False, styles={"stress": {"color": hostile}}).source
    assert 'label="owned"' not in source
    assert r"\"" in _line(source, '"stress" [')


@pytest.mark.parametrize(
    ("styles", "message"),
    [
        ({"stress": {"label": "x"}}, "set by argmap"),
        ({"stress": {"bad name": "x"}}, "not a Graphviz attribute name"),
        ({"no such id!": {"color": "red"}}, "not a claim or link id"),
        ({"stress": "red"}, "must map attribute names"),
        (["stress"], "must map claim or link ids"),
    ],
)
def test_bad_styles_are_render_errors(styles: object, message: str) -> None:
    with pytest.raises(argmap.RenderError, match=message):
        to_dot(_map(), styles=styles)
