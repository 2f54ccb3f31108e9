"""The published JSON Schema of the argmap format, generated from the pydantic model."""

from __future__ import annotations

import json
from typing import Any

from .model import FORMAT_VERSION, ArgumentMap

__all__ = ["SCHEMA_ID", "json_schema", "schema_text"]

SCHEMA_ID = "https://argmap.dev/schema/argmap-1.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that argmap files follow."""
    schema = ArgumentMap.model_json_schema(mode="validation")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"argmap map ({FORMAT_VERSION})",
    }
    schema.pop("title", None)
    return {**head, **schema}


def schema_text() -> str:
    """The schema as stable, indented JSON text with a trailing newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
