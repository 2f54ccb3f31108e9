"""The HTML report as an output: one self-contained page (:func:`argmap.html_report`)."""

from __future__ import annotations

from ..model import ArgumentMap
from ..report import html_report
from . import Output, Product
from .summaries import TextOptions, text_options

__all__ = ["OUTPUTS"]

#: The options the report takes.
REPORT_OPTIONS = ("depth", "themes", "quotes", "diagram", "analysis")


def _report(m: ArgumentMap, opts: TextOptions) -> Product:
    page = html_report(
        m,
        depth=opts.depth,
        themes=opts.themes,
        quotes=opts.quotes,
        diagram=opts.diagram,
        analysis=opts.analysis,
    )
    return Product(page)


OUTPUTS: tuple[Output[TextOptions], ...] = (
    Output(
        "html",
        "report",
        (".html", ".htm"),
        "one offline HTML page: diagram, summary, outline, sources",
        text_options("report", REPORT_OPTIONS),
        _report,
        ("report",),
    ),
)
