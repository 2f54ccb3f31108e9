"""The judgement as JSON, Markdown, plain text and CSV.

Every output lists items in map order (claims, then links), the disagreement table by how
split the class is, and students by how far they are from the others, each with a fixed
tie-break, so the same ratings give the same bytes. User text (claim text, rater names, the
cells of a bad row quoted in messages) is escaped for Markdown and HTML, shown with control
characters made visible in text, and kept from reading as a formula in CSV.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._words import counted
from ..summary._common import clean, short
from ..summary.markdown import md_escape
from .sensitivity import compare_strengths
from .stats import DISAGREEMENT, SPREAD, ItemStats
from .students import student_summaries

if TYPE_CHECKING:
    from .sensitivity import StrengthComparison
    from .stats import JudgementStats
    from .students import StudentView

__all__ = [
    "REPORT_FORMATS",
    "describe",
    "format_judgement",
    "format_student",
    "spreadsheet_safe",
    "to_csv",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]

REPORT_FORMATS = ("text", "json", "md", "csv")
#: Rows of the disagreement table and of the students' table in text and Markdown.
TOP = 10
#: Skipped rows listed in text and Markdown (JSON lists them all).
ROWS_SHOWN = 50
STAT_NAMES = ("n", "mean", "median", "spread", "iqr", "disagreement", "convincing")
_NOTHING = "No rating counts: every row was skipped (see below). Are these the ratings of this map?"
CONVINCING = "share of raters whose rating is at least the scale's convincing threshold"


def describe(j: JudgementStats, item_id: str) -> str:
    """A claim's title or text, or a link as ``sources -> target``, on one line."""
    m = j.map
    kind = j[item_id].kind
    if kind == "claim":
        claim = m.get_claim(item_id)
        return clean(claim.title or claim.text)
    link = m.get_link(item_id)
    on_link = link.target in {x.id for x in m.links}
    verb = {
        ("support", False): "support",
        ("attack", False): "attack",
        ("support", True): "warrant",
        ("attack", True): "undercut",
    }[(link.kind, on_link)]
    if len(link.sources) == 1:
        verb += "s"
    return f"{' + '.join(link.sources)} {verb} {link.target}"


# -- JSON -------------------------------------------------------------------------------------


def to_dict(
    j: JudgementStats, *, strengths: str | None = "dfquad", step: float = 1.0
) -> dict[str, Any]:
    r = j.ratings
    out: dict[str, Any] = {
        "map": j.map.title,
        "files": [f for f in r.files if f is not None],
        "format": r.source_format,
        "scale": j.scale.to_dict(),
        "measures": {"spread": SPREAD, "disagreement": DISAGREEMENT, "convincing": CONVINCING},
        "raters": len(r.raters),
        "valid_rows": r.valid_rows,
        "invalid_rows": [p.to_dict() for p in r.invalid],
        "duplicate_rows": [p.to_dict() for p in r.superseded],
        "claims": [s.to_dict() for s in j.claims],
        "links": [s.to_dict() for s in j.links],
        "most_split": [s.id for s in j.disagreements(limit=TOP)],
    }
    if strengths:
        out["strengths"] = compare_strengths(j, strengths, step=step).to_dict()
    out["students"] = [s.to_dict() for s in student_summaries(j)]
    return out


def to_json(j: JudgementStats, *, strengths: str | None = "dfquad", step: float = 1.0) -> str:
    return (
        json.dumps(to_dict(j, strengths=strengths, step=step), indent=2, ensure_ascii=False) + "\n"
    )


# -- shared wording ---------------------------------------------------------------------------


def _num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _signed(x: float) -> str:
    """``+0.12`` / ``-0.12``; a change that rounds to nothing is ``+0.00``, never ``-0.00``."""
    text = f"{x:+.2f}"
    return "+0.00" if text == "-0.00" else text


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{round(100 * x)}%"


def _counts(j: JudgementStats) -> list[str]:
    r = j.ratings
    named = [clean(f) for f in r.files if f is not None]
    where = f" in {' and '.join(named)}" if named else ""
    lines = [
        f"{counted(r.valid_rows, 'rating{|s}')} by {counted(len(r.raters), 'rater{|s}')} "
        f"count{where}; scale {j.scale.describe()}."
    ]
    if r.invalid:
        lines.append(f"{counted(len(r.invalid), 'row{|s}')} skipped: listed at the end.")
    if r.superseded:
        lines.append(
            f"{counted(len(r.superseded), 'rating{|s}')} replaced by another from the same "
            "rater for the same item: listed at the end."
        )
    rated = sum(1 for s in j.items if s.n)
    lines.append(f"{rated} of {len(j.items)} claims and links rated.")
    return lines


def _stat_cells(s: ItemStats) -> list[str]:
    return [
        str(s.n),
        _num(s.mean),
        _num(s.median),
        _num(s.spread),
        _num(s.disagreement),
        _pct(s.convincing),
    ]


_HEAD = ["n", "mean", "median", "spread", "disagreement", "convincing"]


def _strength_lines(c: StrengthComparison, item: Callable[[str], str]) -> list[str]:
    lines = []
    for p in c.positions:
        line = (
            f"{item(p.id)}: {p.map_strength:.2f} from the map, {p.class_strength:.2f} from the "
            f"class ({_signed(p.change)})"
        )
        top = p.most_sensitive
        if top is not None:
            which = "higher" if top.largest == top.up else "lower"
            line += (
                f"; most sensitive to {item(top.item)}: rated {c.step:g} point"
                f"{'' if c.step == 1 else 's'} {which}, {_signed(top.largest)}"
            )
        lines.append(line)
    if not c.converged:
        lines.append("(the strengths did not converge: the map has cycles; last iterate shown)")
    if c.skipped:
        lines.append(f"({c.skipped}; in Python, j.strengths(budget=None) computes it)")
    return lines


# -- plain text -------------------------------------------------------------------------------


def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], left: Sequence[int] = (0,)
) -> list[str]:
    """Columns padded to their widest cell: those in ``left`` to the left, numbers right."""
    rows = [list(head), *[list(r) for r in rows]]
    widths = [max(len(r[k]) for r in rows) for k in range(len(head))]
    out = []
    for row in rows:
        cells = [c.ljust(widths[k]) if k in left else c.rjust(widths[k]) for k, c in enumerate(row)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def to_text(
    j: JudgementStats, *, strengths: str | None = "dfquad", step: float = 1.0, width: int = 100
) -> str:
    title = clean(j.map.title or "the map")
    lines = [f"How the class judged {title}", *_counts(j), ""]
    if not j.valid_rows:
        lines += [_NOTHING, ""]
    for label, items in (("Claims", j.claims), ("Links", j.links)):
        rated = [s for s in items if s.n]
        if rated:
            lines.append(f"{label}:")
            lines += _table(["id", *_HEAD], ([s.id, *_stat_cells(s)] for s in rated))
            lines.append("")
        unrated = [s.id for s in items if not s.n]
        if unrated and j.valid_rows:
            what = label.lower()
            lines += textwrap.wrap(
                f"{what.capitalize()} nobody rated: {', '.join(unrated)}.",
                width,
                subsequent_indent="  ",
                break_on_hyphens=False,
            )
            lines.append("")
    split = j.disagreements(limit=TOP)
    if split:
        lines.append(
            "Where the class disagrees most (disagreement 0 = all agree, 1 = split "
            "in two at the ends):"
        )
        for k, s in enumerate(split, 1):
            text = short(describe(j, s.id), max(20, width - 40))
            lines.append(f"  {k}. {s.id} {s.disagreement:.2f}: {text}")
        lines.append("")
    if strengths and j.valid_rows:
        c = compare_strengths(j, strengths, step=step)
        lines.append(
            f"Positions by {c.method}, from the map's confidences and the class's ratings:"
        )
        for x in _strength_lines(c, lambda x: x):
            lines += textwrap.wrap(
                x, width, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False
            )
        lines.append("")
    lines += _students_text(j)
    lines += _problems_text(j)
    return "\n".join(lines).rstrip("\n") + "\n"


def _students_text(j: JudgementStats) -> list[str]:
    students = [s for s in student_summaries(j) if s.mean_abs_difference is not None][:TOP]
    if not students:
        return []
    lines = ["Students furthest from the rest of the class (mean difference; where most):"]
    rows = [
        [
            clean(s.name),
            str(s.n),
            _num(s.mean_abs_difference),
            s.most_different or "",
            _signed(s.difference) if s.difference is not None else "",
        ]
        for s in students
    ]
    lines += _table(["rater", "n", "mean diff", "most different", "by"], rows, left=(0, 3))
    lines.append("")
    return lines


def _problems_text(j: JudgementStats) -> list[str]:
    r = j.ratings
    lines = []
    for label, problems in (("Skipped rows", r.invalid), ("Replaced ratings", r.superseded)):
        if problems:
            lines.append(f"{label}:")
            lines += [f"  {p.where()}: {clean(p.message)}" for p in problems[:ROWS_SHOWN]]
            if len(problems) > ROWS_SHOWN:
                lines.append(f"  ... and {len(problems) - ROWS_SHOWN} more (all in --format json)")
            lines.append("")
    return lines


# -- Markdown ---------------------------------------------------------------------------------


def _md_table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _code(item_id: str) -> str:
    return f"`{item_id}`"  # ids are slugs: no backtick can be in them


def to_markdown(j: JudgementStats, *, strengths: str | None = "dfquad", step: float = 1.0) -> str:
    title = md_escape(j.map.title or "the map")
    lines = [f"## How the class judged {title}", "", *[md_escape(x) for x in _counts(j)], ""]
    if not j.valid_rows:
        lines += [md_escape(_NOTHING), ""]
    lines += _md_items(j)
    lines += _md_split(j)
    if strengths and j.valid_rows:
        c = compare_strengths(j, strengths, step=step)
        lines += [f"### Positions by {c.method}: the map's confidences and the class's ratings", ""]
        lines += [f"- {x}" for x in _strength_lines(c, _code)]
        lines.append("")
    lines += _md_students(j)
    r = j.ratings
    for label, problems in (("Skipped rows", r.invalid), ("Replaced ratings", r.superseded)):
        if problems:
            lines += [f"### {label}", ""]
            lines += [
                f"- {md_escape(p.where())}: {md_escape(p.message)}" for p in problems[:ROWS_SHOWN]
            ]
            if len(problems) > ROWS_SHOWN:
                lines.append(f"- ... and {len(problems) - ROWS_SHOWN} more")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_items(j: JudgementStats) -> list[str]:
    lines: list[str] = []
    for label, items in (("Claims", j.claims), ("Links", j.links)):
        rated = [s for s in items if s.n]
        if rated:
            lines += [f"### {label}", ""]
            rows = (
                [_code(s.id), md_escape(short(describe(j, s.id), 60)), *_stat_cells(s)]
                for s in rated
            )
            lines += _md_table(["id", "text", *_HEAD], rows)
            lines.append("")
        unrated = [_code(s.id) for s in items if not s.n]
        if unrated and j.valid_rows:
            lines += [f"{label} nobody rated: {', '.join(unrated)}.", ""]
    return lines


def _md_split(j: JudgementStats) -> list[str]:
    split = j.disagreements(limit=TOP)
    if not split:
        return []
    rows = (
        [
            str(k),
            _code(s.id),
            md_escape(short(describe(j, s.id), 80)),
            _num(s.disagreement),
            _num(s.spread),
            str(s.n),
        ]
        for k, s in enumerate(split, 1)
    )
    return [
        "### Where the class disagrees most",
        "",
        *_md_table(["#", "id", "text", "disagreement", "spread", "n"], rows),
        "",
        f"Disagreement: {md_escape(DISAGREEMENT)}; spread: {SPREAD}.",
        "",
    ]


def _md_students(j: JudgementStats) -> list[str]:
    students = [s for s in student_summaries(j) if s.mean_abs_difference is not None][:TOP]
    if not students:
        return []
    rows = (
        [
            md_escape(s.name),
            str(s.n),
            _num(s.mean_abs_difference),
            _code(s.most_different) if s.most_different else "",
            _signed(s.difference) if s.difference is not None else "",
        ]
        for s in students
    )
    head = ["rater", "n", "mean difference", "most different", "by"]
    return ["### Students furthest from the rest of the class", "", *_md_table(head, rows), ""]


# -- CSV --------------------------------------------------------------------------------------


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula (OWASP's advice: a leading ``'``).

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("fine")
    ("'=HYPERLINK(1)", 'fine')
    """
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(rows)
    return buf.getvalue()


def _cell(x: float | None) -> str:
    return "" if x is None else repr(round(x, 6))


def to_csv(j: JudgementStats) -> str:
    head = ["kind", "id", *STAT_NAMES, "text"]
    rows: list[Sequence[object]] = [head]
    for s in j.items:
        stats = [str(s.n)] + [_cell(getattr(s, name)) for name in STAT_NAMES[1:]]
        rows.append([s.kind, s.id, *stats, spreadsheet_safe(describe(j, s.id))])
    return _csv(rows)


# -- one student ------------------------------------------------------------------------------


def format_student(j: JudgementStats, view: StudentView, fmt: str) -> str:
    """One student's view in ``fmt`` (text, json, md or csv)."""
    if fmt == "json":
        return json.dumps(view.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        rows: list[Sequence[object]] = [
            ["kind", "id", "rating", "others_mean", "difference", "line"]
        ]
        for row in view.rows:
            rows.append(
                [
                    row.kind,
                    row.id,
                    _cell(row.rating),
                    _cell(row.others),
                    _cell(row.difference),
                    row.line,
                ]
            )
        return _csv(rows)
    cells = [
        [
            row.id,
            _num(row.rating),
            _num(row.others),
            "" if row.difference is None else _signed(row.difference),
        ]
        for row in view.rows
    ]
    head = ["id", "rating", "others' mean", "difference"]
    mad = _num(view.mean_abs_difference)
    n_items = counted(len(view.rows), "item{|s}")
    if fmt == "md":
        name = md_escape(view.name)
        lines = [
            f"## {name} and the rest of the class",
            "",
            f"{n_items} rated; mean difference from the others {mad}.",
            "",
        ]
        lines += _md_table(head, ([_code(c[0]), *c[1:]] for c in cells))
        return "\n".join(lines) + "\n"
    lines = [
        f"{clean(view.name)} and the rest of the class: {n_items} rated, mean difference "
        f"from the others {mad} (largest first)"
    ]
    lines += _table(head, cells)
    return "\n".join(lines) + "\n"


def format_judgement(
    j: JudgementStats, fmt: str, *, strengths: str | None = "dfquad", step: float = 1.0
) -> str:
    """The whole judgement in ``fmt`` (text, json, md or csv)."""
    if fmt == "json":
        return to_json(j, strengths=strengths, step=step)
    if fmt == "md":
        return to_markdown(j, strengths=strengths, step=step)
    if fmt == "csv":
        return to_csv(j)
    return to_text(j, strengths=strengths, step=step)
