"""What stands: the report and the brief agree with :mod:`argmap.analysis`."""

from __future__ import annotations

import re

from argmap.analysis import analyze, strengths
from argmap.examples import soviet_socialism
from argmap.summary import summarize

REF = re.compile(r"\((\d+(?:\.\d+)*)\.\)")


def test_report_lists_each_claim_under_its_grounded_label() -> None:
    m = soviet_socialism()
    labels = {cid: str(v) for cid, v in analyze(m, semantics="grounded").claim_labels.items()}
    report = str(summarize(m, "md"))
    section = report[report.index("## What stands") : report.index("## Sources")]
    lines = {line.split(":**")[0][2:]: line for line in section.splitlines() if ":**" in line}
    for label, heading in (
        ("accepted", "Accepted"),
        ("rejected", "Rejected"),
        ("undecided", "Undecided"),
    ):
        expected = sum(1 for v in labels.values() if v == label)
        assert len(REF.findall(lines[heading])) == expected, heading
    # The strongest claim shown is the one the gradual semantics ranks first.
    scores = strengths(m, method="dfquad").claims
    best = max(scores.values())
    strongest = section[section.index("**Strongest claims**") :].splitlines()[1]
    assert strongest.endswith(f": {best:.2f}")


def test_report_without_analysis_has_no_section() -> None:
    report = str(summarize(soviet_socialism(), "md", analysis=False))
    assert "## What stands" not in report


def test_brief_ends_each_paragraph_with_the_verdict() -> None:
    m = soviet_socialism()
    labels = analyze(m, semantics="grounded").claim_labels
    verdict = {
        "accepted": "stands (accepted).",
        "rejected": "falls (rejected).",
        "undecided": "is undecided.",
    }
    paragraphs = str(summarize(m, "brief")).strip().split("\n\n")
    positions = [c for c in m.claims if c.kind == "position"]
    assert len(paragraphs) == len(positions)
    for claim, paragraph in zip(positions, paragraphs, strict=True):
        assert paragraph.startswith(f"{claim.title}: ")
        assert paragraph.endswith(verdict[str(labels[claim.id])])
