"""``argmap lint FILE...``: map-quality findings with stable rule codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._words import counted
from ..analysis.quality import RULES, lint
from ..io.json import read_sources
from ._common import EXIT_INVALID, EXIT_OK, add_from_option, emit_json, open_map

_ORDER = {"info": 0, "warning": 1, "error": 2}


def register(commands: Any) -> None:
    rules = "; ".join(f"{r.code} {r.name} ({r.severity})" for r in RULES.values())
    p: argparse.ArgumentParser = commands.add_parser(
        "lint",
        help="find weaknesses in a map (unanswered objections, isolated claims, ...)",
        description="Lint argument maps. Rules: " + rules + ". A finding is acknowledged when "
        "the note of its claim or link mentions the rule code. Exit 1 if any finding at or "
        "above --fail-on (default: warning) is not acknowledged; notes (info) alone exit 0.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--select", default="", help="comma-separated rule codes, prefixes or names")
    p.add_argument("--ignore", default="", help="comma-separated rule codes, prefixes or names")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument(
        "--fail-on",
        choices=list(_ORDER),
        default="warning",
        help="the least severity that fails the run (default warning: notes never do)",
    )
    add_from_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    select = [s for s in args.select.split(",") if s.strip()] or None
    ignore = [s for s in args.ignore.split(",") if s.strip()]
    failed = False
    out: list[dict[str, Any]] = []
    for file in args.files:
        # Quotes are the lint's own business (AL109): load without failing on them.
        m = open_map(file, args.from_format, check_quotes=False).map
        texts, _ = read_sources(m, Path(file).parent)
        findings = lint(m, select=select, ignore=ignore, source_texts=texts)
        for f in findings:
            if not f.acknowledged and _ORDER[f.severity] >= _ORDER[args.fail_on]:
                failed = True
        if args.format == "json":
            out += [{"file": file, **f.as_dict()} for f in findings]
        else:
            for f in findings:
                print(f"{file}:{f}")
            open_ = sum(not f.acknowledged for f in findings)
            print(
                f"{file}: {counted(len(findings), 'finding{|s}')}, {open_} not acknowledged",
                file=sys.stderr,
            )
    if args.format == "json":
        emit_json(out)
    return EXIT_INVALID if failed else EXIT_OK
