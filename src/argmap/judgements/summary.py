"""Per-item statistics of a class's ratings, and the :class:`Judgement` that holds them.

For every claim and link of the map:

* ``n``: how many raters rated it (after duplicates are resolved);
* ``mean`` and ``median`` of their ratings; the median is the middle rating, or the mean of
  the two middle ones;
* ``spread``: the standard deviation of the ratings, as of a whole population (divided by
  ``n``, not ``n - 1``: the class is the population, not a sample of one);
* ``iqr``: the interquartile range, the third quartile minus the first (quartiles by linear
  interpolation between ratings, numpy's default and Hyndman & Fan's definition 7);
* ``disagreement``: the variance divided by the largest variance the scale allows,
  ``(max - min)² / 4`` (Popoviciu's inequality on variances, 1935). 0 when everyone gave the
  same rating, 1 when the class split into two equal halves at the two ends of the scale; a
  class spread evenly over 0–4 scores 0.5;
* ``convincing``: the share of raters whose rating is at least the scale's ``convincing``
  threshold.

Items nobody rated have ``n = 0`` and no statistics (``None``; ``null`` in JSON).

When the ratings take few distinct values (a 0–4 scale has five) everything is computed from a
histogram per item, so no rating is sorted; otherwise the ratings are sorted by item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from .diagram import JudgementView, judgement_dot, render_judgement
from .report import to_csv, to_dict, to_json, to_markdown, to_text
from .sensitivity import StrengthComparison, compare_strengths
from .stats import DISAGREEMENT, SPREAD, ItemStats, JudgementStats, item_statistics
from .students import StudentSummary, StudentView, student_summaries, student_view

if TYPE_CHECKING:
    from ..render.options import DiagramKeywords

__all__ = ["DISAGREEMENT", "SPREAD", "ItemStats", "Judgement", "item_statistics"]


class Judgement(JudgementStats):
    """What a class made of a map: per-item statistics, and views built on them.

    Made by :func:`argmap.judge`. ``claims`` and ``links`` list every claim and link of the
    map in map order (``n = 0`` for those nobody rated). The views: :meth:`disagreements`
    (sorted by how split the class is), :meth:`student` and :meth:`students` (where a student
    differs from the rest of the class), :meth:`strengths` (the positions' gradual strength
    from the class's ratings against the map's own confidences, with what it is most
    sensitive to), and :meth:`to_dot` / :meth:`render` (the diagram shaded by the class).
    """

    def student(self, name: str) -> StudentView:
        """Where one rater's ratings differ from the rest of the class, most first."""
        return student_view(self, name)

    def students(self) -> list[StudentSummary]:
        """Every rater: how far from the rest of the class, and where most."""
        return student_summaries(self)

    def strengths(
        self, method: str = "dfquad", *, step: float = 1.0, budget: int | None = 20_000_000
    ) -> StrengthComparison:
        """The positions' strength from the class's ratings vs the map's confidences, and
        the rating each hinges on (see :mod:`argmap.judgements.sensitivity`)."""
        return compare_strengths(self, method, step=step, budget=budget)

    def to_dict(self, *, strengths: str | None = "dfquad") -> dict[str, Any]:
        """Everything as plain data, in a stable order (the JSON output)."""
        return to_dict(self, strengths=strengths)

    def to_json(self, *, strengths: str | None = "dfquad") -> str:
        """:meth:`to_dict` as JSON text: two-space indents, keys in a fixed order."""
        return to_json(self, strengths=strengths)

    def to_markdown(self, *, strengths: str | None = "dfquad") -> str:
        """The report in Markdown (claim text and names escaped)."""
        return to_markdown(self, strengths=strengths)

    def to_text(self, *, strengths: str | None = "dfquad", width: int = 100) -> str:
        """The report as plain text for a terminal."""
        return to_text(self, strengths=strengths, width=width)

    def to_csv(self) -> str:
        """One row per claim and link: its statistics (spreadsheet-safe text)."""
        return to_csv(self)

    def to_dot(self, **options: Unpack[DiagramKeywords]) -> Any:
        """The map's diagram with each box filled by the class's mean and bordered by its
        spread (a ``graphviz.Digraph``; options as for :func:`argmap.to_dot`)."""
        return judgement_dot(self, **options)

    def render(self, path: str, **options: Unpack[DiagramKeywords]) -> None:
        """Write the shaded diagram to ``path`` (.svg .png .pdf .dot)."""
        render_judgement(self, path, **options)

    def view(self, **options: Any) -> Any:
        """The shaded diagram for a notebook cell, fitted to its width in a zoomable viewer.

        ``options`` as for :func:`argmap.to_dot`, e.g. ``j.view(focus="pos-x", depth=1)``.
        """
        return JudgementView(self, options)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        return (
            f"<Judgement of {len(self.claims)} claims and {len(self.links)} links: "
            f"{self.valid_rows} ratings by {len(self.raters)} raters>"
        )
