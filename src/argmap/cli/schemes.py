"""``argmap schemes [ID]``: the catalogue of argumentation schemes, or one scheme."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..schemes.catalogue import GROUPS, KIND_MEANING, Catalogue, Scheme, catalogue, get_scheme
from ._common import EXIT_OK, emit_json


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "schemes",
        help="list the argumentation schemes, or show one with its critical questions",
        description="The argumentation schemes a link's 'scheme' can name (Walton, Reed and "
        "Macagno 2008; Walton 1996), with their premises, conclusion and critical questions. "
        "Without ID, the whole catalogue; with an id, a name or another tool's name for a "
        "scheme (Expert Opinion, argument_from_sign), that scheme. An unknown name exits 1 "
        "with a did-you-mean.",
    )
    p.add_argument("scheme", nargs="?", metavar="ID", help="a scheme id, name or alias")
    p.add_argument("--format", choices=["text", "json", "md"], default="text")
    p.add_argument("--group", choices=list(GROUPS), help="list only the schemes of this group")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.scheme is not None:
        scheme = get_scheme(args.scheme)  # UnknownNameError: main() prints it, exit 1
        if args.format == "json":
            emit_json(scheme.as_dict())
        else:
            show = scheme_markdown if args.format == "md" else scheme_text
            sys.stdout.write(show(scheme))
        return EXIT_OK
    schemes = [s for s in catalogue() if args.group in (None, s.group)]
    if args.format == "json":
        emit_json([s.as_dict() for s in schemes])
    elif args.format == "md":
        sys.stdout.write(catalogue_markdown(schemes))
    else:
        sys.stdout.write(catalogue_text(schemes))
    return EXIT_OK


def catalogue_text(schemes: list[Scheme]) -> str:
    """The listing for a terminal: one scheme a line, in aligned columns."""
    rows = [("ID", "GROUP", "PREMISES", "QUESTIONS", "NAME")]
    rows += [(s.id, s.group, str(len(s.premises)), str(len(s.questions)), s.name) for s in schemes]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join([*(r[i].ljust(w) for i, w in enumerate(widths)), r[4]]) for r in rows]
    n = len(schemes)
    lines.append(
        f"\n{n} scheme{'s' if n != 1 else ''}; 'argmap schemes ID' shows one with its "
        "premises and critical questions."
    )
    return "\n".join(line.rstrip() for line in lines) + "\n"


def scheme_text(s: Scheme) -> str:
    """One scheme for a terminal: premises, conclusion, questions by kind, other names."""
    out = [f"{s.id}: {s.name}", f"group: {s.group} ({GROUPS[s.group]})", "", "Premises:"]
    out += [f"  {p.role}: {p.text}" for p in s.premises]
    out += [f"Conclusion: {s.conclusion}", "", "Critical questions:"]
    for q in s.questions:
        kind = f"{q.kind}: {q.premise}" if q.premise else q.kind
        out.append(f"  {q.id} [{kind}] {q.text}")
    out += ["", f"In AIF: {s.aif}"]
    if s.aliases:
        out.append("Also called: " + "; ".join(f"{a.name} ({a.source})" for a in s.aliases))
    out.append("Sources:")
    out += [f"  - {_source(key)}" for key in s.sources]
    return "\n".join(out) + "\n"


def scheme_markdown(s: Scheme) -> str:
    """One scheme as Markdown: a heading, the premises, and a table of its questions."""
    out = [f"## {s.name} (`{s.id}`)", "", "**Premises:**", ""]
    out += [f"- *{p.role}*: {p.text}" for p in s.premises]
    out += ["", f"**Conclusion:** {s.conclusion}", "", "| id | kind | question |", "|---|---|---|"]
    for q in s.questions:
        kind = f"{q.kind} ({q.premise})" if q.premise else q.kind
        out.append(f"| {q.id} | {kind} | {_cell(q.text)} |")
    names = ", ".join(f"{_cell(a.name)} ({a.source})" for a in s.aliases)
    out += ["", f"AIF name: {_cell(s.aif)}." + (f" Also called: {names}." if names else "")]
    out += ["", "Sources:", ""]
    out += [f"- {_cell(_source(key))}" for key in s.sources]
    return "\n".join(out) + "\n"


def catalogue_markdown(schemes: list[Scheme]) -> str:
    """The catalogue as one Markdown table (the docs' table is made by this function)."""
    out = [
        "| id | name | group | premises | critical questions | AIF name |",
        "|---|---|---|---|---|---|",
    ]
    for s in schemes:
        premises = "<br>".join(f"*{p.role}*: {_cell(p.text)}" for p in s.premises)
        counts = ", ".join(f"{sum(q.kind == k for q in s.questions)} {k}" for k in KIND_MEANING)
        out.append(
            f"| `{s.id}` | {_cell(s.name)} | {s.group} | {premises} | {counts} | {_cell(s.aif)} |"
        )
    return "\n".join(out) + "\n"


def _source(key: str, cat: Catalogue | None = None) -> str:
    return (cat or catalogue()).sources.get(key, key)


def _cell(text: str) -> str:
    # Table cells: a bar would end the cell, and the catalogue is data, not Markdown.
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
