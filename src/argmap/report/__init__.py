"""The HTML report: one self-contained page a teacher can hand out or print.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Homework")
>>> _ = m.claim("ban", "Homework should be banned <now>.", kind="position")
>>> page = html_report(m, diagram=False)
>>> "Homework should be banned &lt;now&gt;." in page
True
"""

from __future__ import annotations

from .html import html_report, write_report

__all__ = ["html_report", "write_report"]
