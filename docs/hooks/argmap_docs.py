"""MkDocs hooks for argmap's docs: pages generated from the code, so they cannot go stale.

* ``<!-- argmap:schema-tables -->`` in a page becomes field tables generated from the
  committed JSON Schema (``docs/schema/argmap-1.schema.json``, itself checked against the
  model by the test suite);
* ``<!-- argmap:cli-help -->`` becomes the ``--help`` text of every ``argmap`` command;
* ``<!-- argmap:schemes-table -->`` becomes the table of the scheme catalogue, and
  ``<!-- argmap:schemes-detail -->`` every scheme with its premises and critical questions,
  both made from the package's ``catalogue.toml``.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "argmap-1.schema.json"
SLUG = "^[A-Za-z0-9_-]+$"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if "<!-- argmap:schema-tables -->" in markdown:
        markdown = markdown.replace("<!-- argmap:schema-tables -->", schema_tables())
    if "<!-- argmap:cli-help -->" in markdown:
        markdown = markdown.replace("<!-- argmap:cli-help -->", cli_help())
    if "<!-- argmap:schemes-table -->" in markdown:
        markdown = markdown.replace("<!-- argmap:schemes-table -->", schemes_table())
    if "<!-- argmap:schemes-detail -->" in markdown:
        markdown = markdown.replace("<!-- argmap:schemes-detail -->", schemes_detail())
    return markdown


def schemes_table() -> str:
    """The catalogue as one table, as ``argmap schemes --format md`` prints it."""
    from argmap.cli.schemes import catalogue_markdown
    from argmap.schemes import catalogue

    return catalogue_markdown(list(catalogue()))


def schemes_detail() -> str:
    """Each scheme as ``argmap schemes ID --format md`` prints it, one level deeper."""
    from argmap.cli.schemes import scheme_markdown
    from argmap.schemes import catalogue

    return "\n".join("#" + scheme_markdown(s) for s in catalogue())


def schema_tables() -> str:
    """One Markdown table per object of the schema: field, type, required, default."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    parts = [_table("ArgumentMap (the file)", schema, schema.get("description", ""))]
    for name, definition in sorted(schema["$defs"].items()):
        parts.append(_table(name, definition, definition.get("description", "")))
    return "\n\n".join(parts)


def _table(name: str, obj: dict[str, Any], description: str) -> str:
    first = description.split("\n\n")[0].replace("\n", " ").replace("``", "`")
    lines = [
        f"### {name}",
        "",
        first,
        "",
        "| Field | Type | Required | Default |",
        "|---|---|---|---|",
    ]
    required = set(obj.get("required", []))
    for field, prop in obj["properties"].items():
        default = f"`{json.dumps(prop['default'])}`" if "default" in prop else ""
        need = "yes" if field in required else ""
        lines.append(f"| `{field}` | {_type(prop)} | {need} | {default} |")
    return "\n".join(lines)


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        text = " or ".join(_type(p) for p in options)
        return text + (" or null" if len(options) < len(prop["anyOf"]) else "")
    if "const" in prop:
        return f"`{json.dumps(prop['const'])}`"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type", "any")
    if kind == "array":
        least = f" (at least {prop['minItems']})" if prop.get("minItems") else ""
        return f"list{least} of {_type(prop.get('items', {}))}"
    if kind == "string":
        if prop.get("pattern") == SLUG:
            return "id (letters, digits, `-`, `_`)"
        if "pattern" in prop:
            return f"string matching `{prop['pattern']}`"
        return "non-empty string" if prop.get("minLength") else "string"
    if kind in ("number", "integer"):
        low, high = prop.get("minimum"), prop.get("maximum")
        if low is not None and high is not None:
            return f"{kind} from {low:g} to {high:g}"
        if low is not None:
            return f"{kind} ≥ {low:g}"
    return str(kind)


def cli_help() -> str:
    """``argmap --help`` and each command's ``--help``, as code blocks under headings."""
    from argmap.cli import COMMANDS

    parts = ["### `argmap`", "", "```text", _help([]), "```"]
    for name in COMMANDS:
        parts += ["", f"### `argmap {name}`", "", "```text", _help([name]), "```"]
    return "\n".join(parts)


def _help(args: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        from argmap.cli import main

        main([*args, "--help"])
    return out.getvalue().rstrip()
