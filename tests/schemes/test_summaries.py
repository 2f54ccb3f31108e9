"""The Markdown summary and the HTML report show the open critical questions, by scheme,
with user text escaped; maps without schemes get no such section."""

from __future__ import annotations

from html.parser import HTMLParser

from argmap.report import html_report
from argmap.summary import summarize

from .maps import expert_map


def test_markdown_lists_open_questions_by_scheme() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    text = str(summarize(m, "md", analysis=False))
    section = text.split("## Open critical questions", 1)[1]
    assert "### Argument from expert opinion (`expert-opinion`)" in section
    assert "open: cq1, cq2, cq3, cq5, cq6, cq7" in section
    assert "- **cq4** (undercut): Is E personally reliable here" in section
    for q in ("cq5", "cq6", "cq7", "cq1", "cq2", "cq3"):
        m.answer_question("s1", q, by="a1")
    assert "Open critical questions" not in str(summarize(m, "md", analysis=False))


def test_no_section_without_schemes() -> None:
    m = expert_map()
    m.get_link("s1").scheme = None
    assert "critical questions" not in str(summarize(m, "md", analysis=False))
    assert "Open critical questions" not in html_report(m, diagram=False, analysis=False)


def test_user_text_in_the_section_is_escaped() -> None:
    m = expert_map()
    m.get_claim("expert").title = "<b>*Dr* Lee</b>"
    text = str(summarize(m, "md", analysis=False)).split("## Open critical questions")[1]
    assert "&lt;b>\\*Dr\\* Lee&lt;/b>" in text and "<b>" not in text
    page = html_report(m, diagram=False, analysis=False)
    assert "&lt;b&gt;*Dr* Lee&lt;/b&gt;" in page.split('id="questions"')[1]


class _Section(HTMLParser):
    """The text of the report's critical-questions section, and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.depth, self.text, self.links = False, 0, [], []  # type: ignore[var-annotated]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and ("id", "questions") in attrs:
            self.inside = True
        if self.inside and tag == "section":
            self.depth += 1
        if self.inside and tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "section":
            self.depth -= 1
            self.inside = self.depth > 0

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def test_report_section_links_to_the_claims() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    page = html_report(m, diagram=False, analysis=False)
    assert '<a href="#questions">Open critical questions</a>' in page
    parser = _Section()
    parser.feed(page)
    text = " ".join(parser.text)
    assert "Argument from expert opinion" in text and "open: cq1, cq2, cq3, cq5" in text
    assert "Is E personally reliable here" in text  # the questions, in a details element
    assert parser.links == ["#claim-expert", "#claim-says", "#claim-field", "#claim-safe"]
    assert all(f'id="{h[1:]}"' in page for h in parser.links)  # every link has its anchor
