"""The HTML report: parsed with the standard library's HTML parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap
from argmap.cli import main
from argmap.examples import soviet_socialism
from argmap.report import html_report, write_report

from ..conftest import DATA
from ..strategies import argument_maps

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='x"]


class Page(HTMLParser):
    """Every start tag with its attributes, the ids, the links and the visible text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if a.get("id")]  # type: ignore[misc]

    @property
    def fragment_links(self) -> set[str]:
        out = set()
        for _, attrs in self.tags:
            for key in ("href", "xlink:href"):
                value = attrs.get(key)
                if value and value.startswith("#"):
                    out.add(value[1:])
        return out


def _hostile_map() -> ArgumentMap:
    m = ArgumentMap(title=HOSTILE[0], question=HOSTILE[1], description=HOSTILE[2])
    m.add_theme("t", HOSTILE[1], description=HOSTILE[0])
    m.add_perspective("who", HOSTILE[0])
    m.add_source("src", HOSTILE[1], author=HOSTILE[2], url="javascript:alert(1)")
    m.claim("p", HOSTILE[0], kind="position", title=HOSTILE[1], themes=["t"], asserted_by=["who"])
    m.claim("r", HOSTILE[1], themes=["t"])
    m.claim("o", HOSTILE[2], themes=["t"])
    m.support("r", "p")
    m.attack("o", "p")
    return m


@pytest.mark.parametrize("diagram", [True, False])
def test_user_text_is_escaped(diagram: bool) -> None:
    page = Page(html_report(_hostile_map(), diagram=diagram))
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags and "img" not in tags
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert not any((v or "").startswith("javascript:") for v in attrs.values()), attrs
    visible = "".join(page.text)
    for text in HOSTILE:
        assert text in visible


def test_reference_report_structure() -> None:
    m = soviet_socialism()
    page = Page(html_report(m))
    ids = page.ids
    assert len(ids) == len(set(ids)), "duplicate ids"
    # Every in-page link lands somewhere, and every claim has its entry.
    assert page.fragment_links <= set(ids)
    assert {f"claim-{c.id}" for c in m.claims} <= set(ids)
    for section in ("diagram", "summary", "outline", "themes", "sources", "long-description"):
        assert section in ids
    # Self-contained: no resource is fetched from anywhere.
    for tag, attrs in page.tags:
        assert "src" not in attrs or tag == "source", (tag, attrs)
        assert tag != "link", attrs
        href = attrs.get("href") or attrs.get("xlink:href") or "#"
        assert href.startswith("#"), href
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in (csp[0].get("content") or "")


def test_diagram_links_nodes_to_entries() -> None:
    pytest.importorskip("argmap.render")
    from argmap.errors import RenderError
    from argmap.render import find_renderer

    try:
        find_renderer("svg")
    except RenderError:
        pytest.skip("no Graphviz renderer installed")
    m = soviet_socialism()
    page = Page(html_report(m))
    assert "svg" in {tag for tag, _ in page.tags}
    linked = {link[len("claim-") :] for link in page.fragment_links if link.startswith("claim-")}
    # Every claim's box in the diagram links to its entry (the outline links only some).
    assert linked == {c.id for c in m.claims}


def test_deterministic_and_written_atomically(tmp_path: Path) -> None:
    m = soviet_socialism()
    out = tmp_path / "report.html"
    write_report(m, out)
    assert out.read_text(encoding="utf-8") == html_report(soviet_socialism())


def test_no_diagram_and_themes() -> None:
    m = soviet_socialism()
    page = html_report(m, diagram=False, themes=["shortages"], depth=1, quotes=False)
    parsed = Page(page)
    assert "svg" not in {tag for tag, _ in parsed.tags}
    assert "The diagram was left out of this report." in "".join(parsed.text)
    assert "claim-e-shortages-lines" in parsed.ids
    assert "claim-pos-state-capitalism" not in parsed.ids
    assert "blockquote" not in {tag for tag, _ in parsed.tags}


def test_cli_report_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(DATA / "claims.json"), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md = tmp_path / "claims.md"
    assert main(["summary", str(DATA / "claims.json"), "-o", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith("# What was wrong with Soviet socialism\n")
    assert main(["summary", str(DATA / "claims.json"), "--format", "outline", "--depth", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].startswith("1. ") and not any(line.startswith("  ") for line in lines)
    assert main(["summary", str(DATA / "claims.json"), "--root", "nope"]) == 1
    assert "no claim 'nope'" in capsys.readouterr().err
    assert main(["summary", str(DATA / "claims.json"), "--depth", "0"]) == 2
    assert main(["report", str(DATA / "claims.json"), "-o", str(out), "--theme", "zz"]) == 1


def test_every_relation_class_is_styled() -> None:
    page = html_report(soviet_socialism(), diagram=False)
    parsed = Page(page)
    classes = {a.get("class") for t, a in parsed.tags if t == "li"} - {None, "root"}
    assert classes >= {"reason", "objection", "warrant", "undercut", "premise"}
    style = page[page.index("<style>") : page.index("</style>")]
    for name in classes - {"premise"}:  # premises take their group's look
        assert f"li.{name}" in style and f".rel-{name}" in style, name


@settings(max_examples=25, deadline=None)
@given(argument_maps(max_claims=6))
def test_any_map_gives_a_well_formed_page(m: ArgumentMap) -> None:
    page = html_report(m, diagram=False, analysis=False)
    parsed = Page(page)
    ids = parsed.ids
    assert len(ids) == len(set(ids))
    assert parsed.fragment_links <= set(ids)
    assert {f"claim-{c.id}" for c in m.claims} <= set(ids)
    assert not ({"script", "img", "iframe", "object"} & {tag for tag, _ in parsed.tags})
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", page)
