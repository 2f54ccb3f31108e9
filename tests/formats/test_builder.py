"""MapBuilder.finish: the map validated in chunks is the map validated whole."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from argmap._pydantic_problems import problems_from_pydantic
from argmap.errors import MapValidationError
from argmap.formats import _common
from argmap.formats._common import MapBuilder
from argmap.model import ArgumentMap, Claim, Link


def _builder(n: int) -> MapBuilder:
    b = MapBuilder(title="Chunks")
    b.claims = [{"id": f"c{i}", "text": f"Claim {i}.", "themes": []} for i in range(n)]
    b.links = [
        {"id": f"s{i}", "kind": "support", "sources": [f"c{i}"], "target": f"c{i - 1}"}
        for i in range(1, n)
    ]
    return b


def _whole(b: MapBuilder) -> dict[str, Any]:
    return {"title": b.title, "claims": list(b.claims), "links": list(b.links)}


def test_chunked_validation_gives_the_whole_maps_result() -> None:
    n = 2 * _common._CHUNK + 7  # a part chunk at the end
    b = _builder(n)
    expected = ArgumentMap.model_validate(_whole(b), strict=False)
    m = b.finish().map
    assert m == expected
    assert all(type(c) is Claim for c in m.claims) and all(type(x) is Link for x in m.links)


@pytest.mark.parametrize("bad", [3, _common._CHUNK + 5])
def test_an_invalid_item_is_reported_at_its_path_in_the_map(bad: int) -> None:
    b = _builder(2 * _common._CHUNK)
    b.claims[bad]["text"] = "   "  # (a bad id would make the import drop a link first)
    b.links[-1]["kind"] = "endorse"
    with pytest.raises(ValidationError) as whole:
        ArgumentMap.model_validate(_whole(b), strict=False)
    # A reader's map that does not validate is a typed, located error, never pydantic's.
    with pytest.raises(MapValidationError) as chunked:
        b.finish("import.txt")
    assert chunked.value.file == "import.txt"
    paths = [p.path for p in chunked.value.problems]
    assert f"claims[{bad}].text" in paths
    assert f"links[{len(b.links) - 1}].kind" in paths
    assert chunked.value.problems == problems_from_pydantic(whole.value, model=ArgumentMap)
