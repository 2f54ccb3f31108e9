"""``argmap analyze FILE``: which claims stand, how strong they are, and why."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .._words import counted, unknown_name
from ..analysis.bipolar import DEFAULT_SUPPORT, SUPPORTS, analyze, reading
from ..analysis.explanation import explain
from ..analysis.gradual import METHODS, strengths
from ..analysis.semantics import SEMANTICS
from ..analysis.stats import statistics
from ..errors import ArgmapError
from ..render.quoting import Markdown, markdown_cell, one_line
from ._common import EXIT_OK, add_from_option, open_map, write_output


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "analyze",
        aliases=["analyse"],
        help="label claims accepted/rejected/undecided and compute their strength",
        description="Turn the map into an argumentation framework and label every claim "
        "accepted, rejected or undecided; optionally compute gradual strengths and explain "
        "one claim.",
        epilog="Readings of support: "
        + "; ".join(f"{s}: {reading(s)}" for s in SUPPORTS)
        + f". The default is {DEFAULT_SUPPORT}.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--semantics", choices=list(SEMANTICS), default="grounded")
    p.add_argument(
        "--support",
        choices=list(SUPPORTS),
        default=DEFAULT_SUPPORT,
        help=f"how support links count (default {DEFAULT_SUPPORT}; see below)",
    )
    p.add_argument("--strength", choices=list(METHODS), help="also compute gradual strength")
    p.add_argument(
        "--explain", metavar="CLAIM", help="explain why one claim stands or falls (only that)"
    )
    p.add_argument("--stats", action="store_true", help="add statistics per theme and position")
    p.add_argument("--backend", choices=["auto", "python", "sat"], default="auto")
    p.add_argument("--format", choices=["text", "md", "json"], default="text")
    p.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    add_from_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    m = open_map(args.file, args.from_format, allow_outside=args.allow_outside).map
    result = analyze(m, args.semantics, args.support, backend=args.backend)
    power = strengths(m, args.strength) if args.strength else None
    if args.explain is not None and args.explain not in result.claim_labels:
        error = unknown_name("claim", args.explain, result.claim_labels)
        raise ArgmapError(f"{args.file}: {error}")
    why = (
        explain(m, args.explain, strength=args.strength, analysis=result) if args.explain else None
    )
    if args.format == "json":
        data = result.to_dict()
        if power is not None:
            data["strength"] = power.to_dict()
        if why is not None:
            data["explanation"] = {"claim": args.explain, "text": why}
        if args.stats:
            data["statistics"] = statistics(m).to_dict()
        return _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", args.output)
    if why is not None and not args.stats:
        # One claim asked about: its explanation (which names the semantics and reading).
        return _emit(why + "\n", args.output)
    labels = {c.id: c.label for c in m.claims}
    head = result.headline()
    if power is not None and not power.converged:
        head += f"; {power.method} strengths did NOT converge (last iterate shown)"
    lines = []
    if args.format == "md":
        cols = "| claim | label | text |" + (" strength |" if power else "")
        lines += [f"**{head}**", "", cols, "|---|---|---|" + ("---|" if power else "")]
        for cid, lab in result.claim_labels.items():
            text = _md_escape(labels[cid])
            extra = f" {power.claims[cid]:.3f} |" if power else ""
            lines.append(f"| `{cid}` | {lab} | {text} |{extra}")
    else:
        lines.append(head)
        for cid, lab in result.claim_labels.items():
            extra = f"  {power.claims[cid]:.3f}" if power else ""
            lines.append(f"  {lab:<9}{extra}  {cid}: {labels[cid]}")
    if args.stats:
        lines += ["", *_stats_lines(statistics(m).to_dict())]
    if why is not None:
        lines += ["", why]
    return _emit("\n".join(lines) + "\n", args.output)


def _md_escape(text: str) -> Markdown:
    # Claim text is user text: keep it from becoming HTML or breaking the table row.
    return markdown_cell(one_line(text))


def _stats_lines(data: dict[str, Any]) -> list[str]:
    lines = ["Positions (claims, supports, attacks, depth, balance):"]
    for p in data["positions"]:
        lines.append(
            f"  {p['id']}: {p['claims']} claims, {p['supports']} supports, "
            f"{p['attacks']} attacks, depth {p['depth']}, balance {p['balance']:+.2f}"
        )
    lines.append("Themes (claims, supports, attacks, balance):")
    for t in data["themes"]:
        lines.append(
            f"  {t['id']}: {t['claims']} claims, {t['supports']} supports, "
            f"{t['attacks']} attacks, balance {t['balance']:+.2f}"
        )
    lines.append("Most contested (attacks, strength drop):")
    for c in data["contested"]:
        attacks = counted(c["attacks"], "attack{|s}")
        lines.append(f"  {c['id']}: {attacks}, drop {c['strength_drop']:.2f}")
    return lines


def _emit(text: str, output: str | None) -> int:
    write_output(output or "-", text)
    return EXIT_OK
