"""Writing a worksheet: the sheet, its key beside it, and the starter file.

It sits on top of :mod:`argmap.classroom.worksheet` (which chooses what the sheet holds)
and :mod:`argmap.classroom.worksheet_output` (which typesets it), so neither of those
reaches back for the other.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ArgmapError
from ..formats import write as write_format
from ..io.files import atomic_write
from ..model import ArgumentMap
from ..render.pdfpage import page_size
from .worksheet import Worksheet, make_worksheet
from .worksheet_output import worksheet_html, worksheet_pdf

__all__ = ["write_files", "write_worksheet"]


def write_worksheet(
    reference: ArgumentMap,
    path: str | Path,
    kind: str,
    *,
    seed: int = 0,
    blanks: int | None = None,
    paper: str = "a4",
    starter: str | Path | None = None,
) -> list[Path]:
    """Write the worksheet to ``path`` (``.pdf`` or ``.html``), its key beside it
    (``NAME-key.pdf``) and the starter file (``NAME-starter.json``, or ``starter``: a
    ``.json`` or ``.argdown`` name). Returns the three paths, each written atomically."""
    sheet = make_worksheet(reference, kind, seed=seed, blanks=blanks)
    return write_files(sheet, Path(path), paper=paper, starter=starter)


def write_files(
    sheet: Worksheet, path: Path, *, paper: str = "a4", starter: str | Path | None = None
) -> list[Path]:
    """The worksheet at ``path``, its key beside it, and the starter file; their paths."""
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise ArgmapError(f"{path}: worksheets are written as .pdf or .html (got {suffix!r})")
    key = path.with_name(f"{path.stem}-key{path.suffix}")
    start = Path(starter) if starter else path.with_name(f"{path.stem}-starter.json")
    if start.suffix.lower() not in (".json", ".argdown", ".ad"):
        raise ArgmapError(f"{start}: the starter file is .json (argmap) or .argdown")
    page_size(paper)  # a wrong paper fails before anything is drawn
    if suffix == ".pdf":
        atomic_write(path, worksheet_pdf(sheet, paper=paper))
        atomic_write(key, worksheet_pdf(sheet, paper=paper, key=True))
    else:
        atomic_write(path, worksheet_html(sheet, paper=paper))
        atomic_write(key, worksheet_html(sheet, paper=paper, key=True))
    starter_map = sheet.starter()
    if start.suffix.lower() == ".json":
        starter_map.dump(start)
    else:
        write_format(starter_map, start, "argdown")
    return [path, key, start]
