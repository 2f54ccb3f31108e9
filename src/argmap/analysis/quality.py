"""Lint for argument maps: stable rule codes for the usual weaknesses of a map.

Each rule has a code that never changes meaning, a name and a default severity (``error``,
``warning`` or ``info``). A finding can be *acknowledged* in the map itself: when the note of
the claim or link it is about mentions the rule code (for example ``"lint AL103: the text
leaves this objection unanswered"``), the finding is still reported but marked acknowledged,
and ``argmap lint`` does not fail on it. That is how a map records that a finding is a fact
about the source text rather than a mistake in the map.

The rules themselves (code, name, severity, explanation, fix hint and check) are registered
in :mod:`argmap.analysis.lint_rules`; this module runs them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import ArgumentMap
from .lint_rules import RULES, Rule, Severity

__all__ = ["RULES", "Finding", "Rule", "lint", "select_rules"]


@dataclass(frozen=True)
class Finding:
    """One lint finding about the claim or link ``target``."""

    code: str
    target: str
    message: str
    acknowledged: bool = False

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def fix(self) -> str:
        """How to fix the finding (the rule's hint, Markdown)."""
        return self.rule.fix

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.rule.name,
            "severity": self.severity,
            "target": self.target,
            "message": self.message,
            "acknowledged": self.acknowledged,
        }

    def __str__(self) -> str:
        ack = " (acknowledged in the map's notes)" if self.acknowledged else ""
        return f"{self.target}: {self.code} {self.rule.name} [{self.severity}]: {self.message}{ack}"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(str(self))}</code>"


def lint(
    m: ArgumentMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    source_texts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings about a map's quality, ordered by rule code and then map order.

    ``select`` and ``ignore`` take rule codes, names or code prefixes (``"AL1"``).
    ``source_texts`` (source id → text) enables the quote check.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stray", "An unrelated remark.")
    'stray'
    >>> for f in lint(m):
    ...     print(f)
    ban: AL101 isolated-claim [warning]: claim has no links
    stray: AL101 isolated-claim [warning]: claim has no links
    ban: AL102 unsupported-position [warning]: position has no supporting link
    """
    notes = {c.id: c.note or "" for c in m.claims}
    notes.update({link.id: link.note or "" for link in m.links})
    findings: list[Finding] = []
    for rule in select_rules(select, ignore):
        for target, message in rule.findings(m, source_texts or {}):
            ack = bool(re.search(rf"\b{rule.code}\b", notes.get(target, "")))
            findings.append(Finding(rule.code, target, message, ack))
    return findings


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules ``lint`` runs for ``select`` and ``ignore`` (codes, code prefixes, names).

    Examples
    --------
    >>> [r.code for r in select_rules(["AL10"], ignore=["AL101", "support-cycle"])]
    ['AL102', 'AL103', 'AL104', 'AL106', 'AL107', 'AL108', 'AL109']
    """
    chosen = [r for r in RULES.values() if _matches(r, select, default=True)]
    return [r for r in chosen if not _matches(r, ignore, default=False)]


def _matches(rule: Rule, patterns: Iterable[str] | None, default: bool) -> bool:
    if patterns is None:
        return default
    pats = [p.strip() for p in patterns if p.strip()]
    if not pats:
        return default
    return any(rule.code.startswith(p.upper()) or rule.name == p.lower() for p in pats)
