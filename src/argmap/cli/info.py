"""``argmap info FILE``: what a map holds, counted by kind, theme, perspective and link."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from .._words import counted
from ..model import ArgumentMap
from ._common import EXIT_OK, add_from_option, emit_json, open_map


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "info", help="count claims and links by kind, theme and perspective"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_from_option(p)
    p.set_defaults(func=run)


def counts(m: ArgumentMap) -> dict[str, Any]:
    """Plain counts of a map, in a stable order."""
    claim_ids = {c.id for c in m.claims}
    link_kinds: Counter[str] = Counter()
    for link in m.links:
        if link.target not in claim_ids:
            link_kinds["undercut" if link.kind == "attack" else "warrant"] += 1
        else:
            link_kinds[link.kind] += 1
        if len(link.sources) > 1:
            link_kinds["co-premise"] += 1
    themes = Counter(t for c in m.claims for t in c.themes)
    who = Counter(p for c in m.claims for p in c.asserted_by)
    return {
        "title": m.title,
        "question": m.question,
        "claims": len(m.claims),
        "links": len(m.links),
        "claim_kinds": dict(sorted(Counter(c.kind for c in m.claims).items())),
        "link_kinds": dict(sorted(link_kinds.items())),
        "themes": {t.id: themes.get(t.id, 0) for t in m.themes},
        "perspectives": {p.id: who.get(p.id, 0) for p in m.perspectives},
        "quotes": sum(len(c.quotes) for c in m.claims),
        "sources": len(m.sources),
    }


def run(args: argparse.Namespace) -> int:
    report = open_map(args.file, args.from_format, announce=False, allow_outside=args.allow_outside)
    data = counts(report.map)
    if args.format == "json":
        emit_json(data)
        return EXIT_OK
    labels = {t.id: t.label for t in report.map.themes}
    labels.update({p.id: p.label for p in report.map.perspectives})
    print(f"{data['title'] or args.file}")
    if data["question"]:
        print(f"Question: {data['question']}")
    print(
        ", ".join(
            counted(data[key], f"{key[:-1]}{{|s}}")
            for key in ("claims", "links", "quotes", "sources")
        )
    )
    for heading in ("claim_kinds", "link_kinds", "themes", "perspectives"):
        print(f"\n{heading.replace('_', ' ').capitalize()}:")
        for key, n in data[heading].items():
            name = f"{labels[key]} ({key})" if key in labels else key
            print(f"  {n:>5}  {name}")
    if report.warnings:
        print(
            f"\n{counted(len(report.warnings), 'warning{|s}')}; "
            f"run 'argmap validate {args.file}' to list them"
        )
    return EXIT_OK
