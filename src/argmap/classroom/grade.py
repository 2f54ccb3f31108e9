"""Grade a class: one gradebook row per submission, and the class view across them.

:func:`grade` compares every submission with one prepared reference, streaming: each
comparison is reduced to its row and its counts in the class view and then dropped, so
memory stays flat however many files there are. A file that is not a map, is truncated,
is too large or is hostile becomes an ``invalid`` row whose ``message`` says why; the
batch goes on and no other row changes.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

from ..errors import ArgmapError, MapValidationError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .compare import Comparison, Reference
from .loading import load_map
from .rubric import Rubric

__all__ = ["COLUMNS", "ClassView", "Gradebook", "Row", "grade", "submissions"]

#: The gradebook's columns, in order.
COLUMNS = (
    "student",
    "status",
    "score",
    "claims_found",
    "claims_missing",
    "claims_extra",
    "links_ok",
    "links_missing",
    "link_errors",
    "message",
)
#: Folders of this name hold a submission's source texts, not submissions.
SOURCE_FOLDERS = frozenset({"sources"})


@dataclass(frozen=True)
class Row:
    """One gradebook line (numbers are empty for an invalid submission)."""

    student: str
    status: str
    score: float | None = None
    claims_found: int | None = None
    claims_missing: int | None = None
    claims_extra: int | None = None
    links_ok: int | None = None
    links_missing: int | None = None
    link_errors: int | None = None
    message: str = ""

    def cells(self) -> list[str]:
        """The row as CSV cells; text a spreadsheet would run as a formula is defused."""
        out = []
        for value in astuple(self):
            text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
            out.append("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text)
        return out


@dataclass
class ClassView:
    """Across the class: how many found each reference claim, and how each link fared."""

    reference: ArgumentMap
    graded: int = 0
    invalid: int = 0
    scores: list[float] = field(default_factory=list)
    found: Counter[str] = field(default_factory=Counter)
    verdicts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, c: Comparison) -> None:
        self.graded += 1
        self.scores.append(c.score.value)
        self.found.update(p.reference for p in c.claims if p.reference and p.student)
        best: dict[str, str] = {}
        for v in c.links:
            if v.reference and (v.reference not in best or v.verdict == "ok"):
                best[v.reference] = v.verdict
        for link_id, verdict in best.items():
            self.verdicts.setdefault(link_id, Counter())[verdict] += 1

    def share_found(self) -> dict[str, float]:
        """Each reference claim's share of the graded students who found it, in [0, 1]."""
        n = max(self.graded, 1)
        return {c.id: self.found[c.id] / n for c in self.reference.claims}

    def headline(self) -> str:
        if not self.graded:
            return f"No submission could be graded ({self.invalid} invalid)."
        scores = self.scores
        return (
            f"{self.graded} maps graded ({self.invalid} invalid): mean score "
            f"{statistics.fmean(scores):.1f}, median {statistics.median(scores):.1f}, "
            f"range {min(scores):g}-{max(scores):g}."
        )

    def claim_head(self) -> tuple[str, ...]:
        return ("claim", "kind", "found by", "missed by")

    def claim_rows(self) -> list[tuple[str, str, str, str]]:
        """Reference claims, most missed first (ties in the reference's order)."""
        order = sorted(
            enumerate(self.reference.claims), key=lambda ic: (self.found[ic[1].id], ic[0])
        )
        return [
            (c.title or c.text, c.kind, f"{self.found[c.id]}", f"{self.graded - self.found[c.id]}")
            for _, c in order
        ]

    def link_head(self) -> tuple[str, ...]:
        return ("link", "kind", "right", "missing", "wrong")

    def link_rows(self) -> list[tuple[str, str, str, str, str]]:
        """Reference links, fewest right first, with how many got each wrong."""
        titles = {c.id: c.title or c.text for c in self.reference.claims}
        rows = []
        for i, link in enumerate(self.reference.links):
            counts = self.verdicts.get(link.id, Counter())
            wrong = {k: n for k, n in counts.items() if k not in ("ok", "missing")}
            detail = ", ".join(f"{n} {k}" for k, n in sorted(wrong.items()))
            target = titles.get(link.target, "a link")
            name = f"{' + '.join(titles[s] for s in link.sources)} → {target}"
            rows.append(
                (
                    counts["ok"],
                    i,
                    (name, link.kind, f"{counts['ok']}", f"{counts['missing']}", detail or "0"),
                )
            )
        rows.sort(key=lambda r: (r[0], r[1]))
        return [r[2] for r in rows]

    def to_markdown(self) -> str:
        """The two tables as Markdown."""
        from ..summary.markdown import md_escape

        out = [f"# Class view: {md_escape(self.reference.title)}", "", self.headline(), ""]
        tables: list[tuple[tuple[str, ...], Sequence[Sequence[str]]]] = [
            (self.claim_head(), self.claim_rows()),
            (self.link_head(), self.link_rows()),
        ]
        for head, rows in tables:
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + " --- |" * len(head))
            out += ["| " + " | ".join(md_escape(str(x)) for x in row) + " |" for row in rows]
            out.append("")
        return "\n".join(out)


@dataclass
class Gradebook:
    """The rows, in the order of the submissions, and the class view."""

    rows: list[Row]
    view: ClassView

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(row.cells() for row in self.rows)
        return buffer.getvalue()


def submissions(
    paths: Iterable[str | Path], *, skip: Iterable[Path] = ()
) -> list[tuple[str, Path]]:
    """The files to grade, as (student name, path), sorted by name.

    A file given by name is graded whatever it is; a folder contributes, at any depth, the
    files whose name ends in an extension argmap reads, except hidden ones, those under a
    folder named ``sources`` and the files in ``skip`` (the reference itself). The name is
    the path below the folder given.
    """
    skipped = {p.resolve() for p in skip}
    found: dict[str, Path] = {}
    for given in map(Path, paths):
        if given.is_dir():
            for file in sorted(given.rglob("*")):
                rel = file.relative_to(given)
                if _is_submission(file, rel) and file.resolve() not in skipped:
                    found.setdefault(rel.as_posix(), file)
        else:
            found.setdefault(given.name if given.name not in found else str(given), given)
    return sorted(found.items(), key=lambda item: (item[0].casefold(), item[0]))


def _is_submission(file: Path, rel: Path) -> bool:
    if not file.is_file() or any(part.startswith(".") for part in rel.parts):
        return False
    if any(part in SOURCE_FOLDERS for part in rel.parts[:-1]):
        return False
    return file.name.lower().endswith(_extensions())


def _extensions() -> tuple[str, ...]:
    from ..formats import formats

    return tuple(sorted({ext for f in formats() if f.reader for ext in f.extensions}))


def grade(
    reference: ArgumentMap | str | Path,
    paths: Iterable[str | Path],
    *,
    rubric: Rubric | str | Path | None = None,
    on_comparison: Callable[[str, Comparison], None] | None = None,
) -> Gradebook:
    """Grade every submission under ``paths`` against ``reference``.

    ``on_comparison(name, comparison)`` is called for each valid submission (to write its
    feedback page, say) before the comparison is dropped.

    Examples
    --------
    >>> import tempfile, pathlib, argmap
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> m = argmap.ArgumentMap()
    >>> m.claim("x", "The Soviet state owned the factories and the land.")
    'x'
    >>> m.dump(folder / "ann.json")
    >>> _ = (folder / "bea.json").write_text("{ not json")
    >>> book = grade(argmap.examples.soviet_socialism(), [folder])
    >>> [(r.student, r.status, r.claims_found) for r in book.rows]
    [('ann.json', 'ok', 1), ('bea.json', 'invalid', None)]
    >>> book.rows[1].message
    '1:3: AM001 invalid-json: invalid JSON: Expecting property name enclosed in double quotes'
    """
    ref = reference if isinstance(reference, Reference) else Reference(reference, rubric)
    skip = [Path(reference)] if isinstance(reference, str | Path) else []
    view = ClassView(ref.map)
    rows = []
    for name, path in submissions(paths, skip=skip):
        row, comparison = grade_one(ref, name, path)
        rows.append(row)
        if comparison is None:
            view.invalid += 1
            continue
        view.add(comparison)
        if on_comparison is not None:
            on_comparison(name, comparison)
    return Gradebook(rows, view)


def grade_one(ref: Reference, name: str, path: Path) -> tuple[Row, Comparison | None]:
    """One submission's row, and its comparison when it could be read."""
    try:
        loaded = load_map(path, submission=True)
        c = ref.compare(loaded.map, texts=loaded.texts, name=name)
    except ArgmapError as exc:
        return Row(name, "invalid", message=_reason(exc, path)), None
    except (RecursionError, MemoryError, UnicodeError, ValueError, OSError) as exc:
        return Row(name, "invalid", message=f"could not read the file ({type(exc).__name__})"), None
    ok = len({v.reference for v in c.links if v.verdict == "ok"})
    missing = sum(1 for v in c.links if v.verdict == "missing")
    row = Row(
        name, "ok", c.score.value, c.claims_found, c.claims_missing, c.claims_extra,
        ok, missing, c.link_errors, " ".join(c.notes),
    )  # fmt: skip
    return row, c


def _reason(exc: ArgmapError, path: Path) -> str:
    if isinstance(exc, MapValidationError):
        shown = "; ".join(str(p) for p in exc.problems[:3])
        more = len(exc.problems) - 3
        return shown + (f"; and {more} more" if more > 0 else "")
    text = " ".join(str(exc).split())
    # The row names the file already: drop the path the message starts with.
    return re.sub(r"^" + re.escape(str(path)) + r":\s*", "", text)


def write_feedback_page(folder: Path, name: str, c: Comparison, *, reveal: bool) -> Path:
    """Write a student's feedback page into ``folder``; the file name comes from ``name``."""
    target = folder / (_safe_name(name) + ".html")
    atomic_write(target, c.feedback(reveal=reveal).to_html())
    return target


def _safe_name(name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9.]+$", "", name)
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem.replace("/", "--")).strip("._") or "student"


def rows_csv(rows: Sequence[Row]) -> Iterator[str]:
    """The gradebook's lines one by one (the header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for cells in (COLUMNS, *(row.cells() for row in rows)):
        writer.writerow(cells)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
