"""``argmap compare STUDENT REFERENCE``: a student's map against the reference, with feedback."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..io.files import atomic_write
from ._common import EXIT_OK

FORMATS = ("text", "json", "md", "html")


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "compare",
        help="compare a student's map with a reference map: score, verdicts, feedback",
        description=(
            "Pair the student's claims with the reference's (by quotes, text, paraphrase and "
            "structure), judge every link, score the map under a rubric, and write feedback "
            "the student can act on: text, Markdown, a self-contained HTML page with the "
            "overlay diagram, or the JSON form other tools read. Feedback hints by default; "
            "--reveal shows the reference's text."
        ),
    )
    p.add_argument("student", metavar="STUDENT", help="the student's map (any format argmap reads)")
    p.add_argument("reference", metavar="REFERENCE", help="the reference map")
    p.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    p.add_argument("--rubric", metavar="FILE", help="a rubric (.toml or .json); default: argmap's")
    p.add_argument("--reveal", action="store_true", help="show the reference's text in feedback")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..classroom import Reference

    # The student's file is untrusted: held to a submission's size and claim limits.
    comparison = Reference(args.reference, args.rubric).compare(args.student, submission=True)
    if args.format == "json":
        text = comparison.to_json()
    else:
        feedback = comparison.feedback(reveal=args.reveal)
        text = {"text": feedback.to_text, "md": feedback.to_markdown, "html": feedback.to_html}[
            args.format
        ]()
    for note in comparison.notes:
        print(f"argmap compare: note: {args.student}: {note}", file=sys.stderr)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
