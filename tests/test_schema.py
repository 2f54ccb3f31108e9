"""The published JSON Schema is current and describes real maps."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from argmap.schema import json_schema, schema_text

from .conftest import REPO

PUBLISHED = REPO / "docs" / "schema" / "argmap-1.schema.json"


def test_published_schema_is_not_stale() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema/argmap-1.schema.json is stale: run "
        "`argmap schema > docs/schema/argmap-1.schema.json`"
    )


def test_reference_map_satisfies_the_schema(reference_map_path: Path) -> None:
    jsonschema.validate(json.loads(reference_map_path.read_text()), json_schema())


def test_schema_rejects_unknown_keys() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    errors = list(validator.iter_errors({"claims": [{"id": "a", "text": "A", "colour": "red"}]}))
    assert errors
