"""``argmap grade --reference REF FILES...``: a gradebook for a class, feedback, class view."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import ArgmapError
from ..io.files import atomic_write
from ._common import EXIT_OK

VIEW_ENDINGS = (".html", ".md", ".svg", ".png", ".pdf", ".dot")


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "grade",
        help="grade a class's maps against a reference: gradebook CSV, feedback, class view",
        description=(
            "Compare every student's map with the reference and write a gradebook: one CSV "
            "row per file, sorted by name, with status 'ok' or 'invalid' (a file that is not "
            "a map, is broken or is unsafe gets an invalid row saying why; the others are "
            "still graded). Folders are searched for files argmap reads, except under "
            "'sources' folders. The exit status is 0 when the gradebook was written, even "
            "with invalid rows."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE_OR_FOLDER", help="the students' maps")
    p.add_argument("--reference", required=True, metavar="REF", help="the reference map")
    p.add_argument("--rubric", metavar="FILE", help="a rubric (.toml or .json); default: argmap's")
    p.add_argument("-o", "--output", metavar="CSV", help="the gradebook CSV (default: stdout)")
    p.add_argument("--feedback", metavar="DIR", help="write each student's feedback page into DIR")
    p.add_argument("--reveal", action="store_true", help="feedback shows the reference's text")
    p.add_argument(
        "--class-view",
        metavar="FILE",
        help="write the class view: .html (tables and heat map), .md (tables), "
        ".svg/.png/.pdf/.dot (the heat map)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..classroom.grade import grade, write_feedback_page

    view_file = Path(args.class_view) if args.class_view else None
    if view_file is not None and view_file.suffix.lower() not in VIEW_ENDINGS:
        raise ArgmapError(f"{view_file}: the class view is written as {', '.join(VIEW_ENDINGS)}")
    folder = Path(args.feedback) if args.feedback else None

    def on_comparison(name: str, comparison: Any) -> None:
        if folder is not None:
            write_feedback_page(folder, name, comparison, reveal=args.reveal)

    book = grade(args.reference, args.files, rubric=args.rubric, on_comparison=on_comparison)
    if not book.rows:
        raise ArgmapError(
            "no map files found to grade (argmap reads .json .argdown .ad .kialo .txt ...)"
        )
    if args.output:
        atomic_write(args.output, book.to_csv())
    else:
        sys.stdout.write(book.to_csv())
    if view_file is not None:
        _write_view(book.view, view_file)
    invalid = [r for r in book.rows if r.status == "invalid"]
    print(f"argmap grade: {book.view.headline()}", file=sys.stderr)
    for row in invalid:
        print(f"argmap grade: invalid: {row.student}: {row.message}", file=sys.stderr)
    return EXIT_OK


def _write_view(view: Any, path: Path) -> None:
    from ..classroom.heatmap import class_page, render_heatmap

    ending = path.suffix.lower()
    if ending == ".html":
        atomic_write(path, class_page(view))
    elif ending == ".md":
        atomic_write(path, view.to_markdown())
    else:
        render_heatmap(view, path)
