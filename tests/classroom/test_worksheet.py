"""Worksheets read back where they land: the PDFs as printed, the HTML as parsed, the starter
file through ``argmap validate``."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap import ArgmapError, ArgumentMap
from argmap.classroom import make_worksheet, write_worksheet
from argmap.cli import main
from argmap.examples import soviet_socialism

from ..render.helpers import needs_dot
from ..render.pdfcheck import A4, LETTER, read_pdf, same_size, squash

pytestmark = needs_dot


def hostile() -> ArgumentMap:
    m = ArgumentMap(title="<script>alert(1)</script>", question="Why <b>bold</b> & so?")
    m.claim("p", "Position <script>alert('p')</script>", kind="position", title="P <i>1</i>")
    m.claim("r", 'Reason "q" & <img src=x onerror=alert(1)>')
    m.claim("o", "Objection </div><style>*{display:none}</style>")
    m.support("r", "p")
    m.attack("o", "p")
    return m


@pytest.fixture(scope="module")
def reference() -> ArgumentMap:
    return soviet_socialism()


def words(pages: list, start: int = 0) -> set[str]:  # type: ignore[type-arg]
    return set(" ".join(p.words() for p in pages[start:]).split())


def test_same_seed_same_sheet_other_seed_other_order(reference: ArgumentMap) -> None:
    a = make_worksheet(reference, "scrambled", seed=3)
    assert a.cards == make_worksheet(reference, "scrambled", seed=3).cards
    other = make_worksheet(reference, "scrambled", seed=4)
    assert [c.claim for c in other.cards] != [c.claim for c in a.cards]
    assert sorted(c.claim for c in a.cards) == sorted(c.id for c in reference.claims)
    assert [c.label for c in a.cards][:3] == ["A", "B", "C"]
    fill = make_worksheet(reference, "fill-in", seed=3)
    assert fill.blanks == make_worksheet(reference, "fill-in", seed=3).blanks
    assert sorted(fill.blanks.values()) == list(range(1, len(fill.blanks) + 1))
    positions = {c.id for c in reference.claims if c.kind == "position"}
    assert not positions & set(fill.blanks)
    assert len(make_worksheet(reference, "fill-in", blanks=4).blanks) == 4


def test_blank_sheet_shows_the_positions_only(tmp_path: Path, reference: ArgumentMap) -> None:
    sheet, key, _ = write_worksheet(reference, tmp_path / "blank.pdf", "blank")
    pages = read_pdf(sheet)
    assert len(pages) == 1 and same_size(pages[0], A4)
    assert pages[0].smallest >= 7.0
    text = pages[0].words()
    assert "Name:" in text and squash(reference.question) in text
    seen = words(pages)
    for claim in reference.claims:
        title = set((claim.title or "").split())
        if claim.kind == "position":
            assert title <= seen, claim.id
    evidence = [c for c in reference.claims if c.kind == "evidence"]
    assert not any(squash(c.text) in text for c in evidence)
    key_pages = read_pdf(key)
    assert all(p.smallest >= 7.0 for p in key_pages)
    assert "Answer key" in key_pages[0].text
    # Every reason and objection of a position is named in the key.
    key_words = words(key_pages)
    for link in reference.links:
        for source in link.sources:
            assert set((reference.get_claim(source).title or "").split()) <= key_words


def test_scrambled_cards_hold_every_claim(tmp_path: Path, reference: ArgumentMap) -> None:
    sheet, key, _ = write_worksheet(reference, tmp_path / "cards.pdf", "scrambled", seed=2)
    pages = read_pdf(sheet)
    assert all(same_size(p, A4) and p.smallest >= 7.0 for p in pages)
    cards = make_worksheet(reference, "scrambled", seed=2).cards
    # Cards sit two to a row, so their lines interleave in the text: look for the words.
    seen = words(pages)
    for card in cards:
        assert set(squash(card.text).split()) <= seen, card.claim
    assert {c.label for c in cards} <= seen
    key_text = " ".join(p.words() for p in read_pdf(key))
    first = reference.links[0]
    label = {c.claim: c.label for c in cards}
    assert f"{label[first.sources[0]]} (" in key_text and " supports " in key_text


def test_fill_in_empties_boxes_and_banks_their_words(
    tmp_path: Path, reference: ArgumentMap
) -> None:
    sheet, key, _ = write_worksheet(reference, tmp_path / "fill.pdf", "fill-in", seed=1)
    plan = make_worksheet(reference, "fill-in", seed=1)
    pages = read_pdf(sheet)
    assert all(same_size(p, A4) and p.smallest >= 7.0 for p in pages)
    text = " ".join(p.words() for p in pages)
    diagrams, bank_text = text.split("Word bank")
    for number in plan.blanks.values():
        assert f"Box {number}" in diagrams
    for claim_id in plan.blanks:
        claim = reference.get_claim(claim_id)
        assert claim.title not in diagrams, claim_id
    bank_words = set(bank_text.split())
    for card in plan.cards:
        assert set(squash(card.text).split()) <= bank_words
    kept = [c for c in reference.claims if c.id not in plan.blanks]
    diagram_words = set(diagrams.split())
    assert all(set((c.title or "").split()) <= diagram_words for c in kept)
    key_text = " ".join(p.words() for p in read_pdf(key))
    for claim_id, number in plan.blanks.items():
        assert f"Box {number}: card" in key_text
        assert squash(reference.get_claim(claim_id).text) in key_text


def test_letter_paper(tmp_path: Path) -> None:
    sheet, key, _ = write_worksheet(hostile(), tmp_path / "w.pdf", "blank", paper="letter")
    assert all(same_size(p, LETTER) for p in read_pdf(sheet) + read_pdf(key))
    assert "P <i>1</i>" in read_pdf(sheet)[0].words()


@pytest.mark.parametrize(
    ("kind", "starter"),
    [
        ("blank", "starter.json"),
        ("scrambled", "starter.json"),
        ("fill-in", "starter.json"),
        ("fill-in", "starter.argdown"),
    ],
)
def test_starter_file_validates(
    tmp_path: Path, reference: ArgumentMap, kind: str, starter: str
) -> None:
    _, _, start = write_worksheet(reference, tmp_path / "w.html", kind, starter=tmp_path / starter)
    assert start == tmp_path / starter
    assert main(["validate", str(start)]) == 0
    again = tmp_path / ("again" + start.suffix)
    write_worksheet(reference, tmp_path / "w2.html", kind, starter=again)
    assert again.read_bytes() == start.read_bytes()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("kind", ["blank", "scrambled", "fill-in"])
def test_html_is_offline_escaped_and_deterministic(tmp_path: Path, kind: str) -> None:
    sheet, key, _ = write_worksheet(hostile(), tmp_path / "w.html", kind)
    for page in (sheet, key):
        html = page.read_text(encoding="utf-8")
        parsed = _Tags()
        parsed.feed(html)
        assert "script" not in parsed.tags and "img" not in parsed.tags
        assert parsed.tags.count("style") == 1
        assert "default-src 'none'" in html and "@page { size: A4" in html
        assert "<script>alert(1)</script>" in "".join(parsed.text)
    again, _, _ = write_worksheet(hostile(), tmp_path / "again.html", kind)
    assert again.read_bytes() == sheet.read_bytes()


def test_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = tmp_path / "ref.json"
    hostile().dump(ref)
    monkeypatch.chdir(tmp_path)
    assert main(["worksheet", str(ref), "--kind", "scrambled"]) == 0
    assert "ref-scrambled-key.pdf (answer key)" in capsys.readouterr().err
    assert {p.name for p in tmp_path.iterdir()} >= {
        "ref-scrambled.pdf",
        "ref-scrambled-key.pdf",
        "ref-scrambled-starter.json",
    }
    assert main(["worksheet", str(ref), "--kind", "cloze"]) == 2
    assert main(["worksheet", str(ref), "--kind", "blank", "-o", "w.docx"]) == 1
    assert "worksheets are written as .pdf or .html" in capsys.readouterr().err
    assert main(["worksheet", str(ref), "--kind", "fill-in", "--blanks", "9"]) == 1
    err = capsys.readouterr().err
    assert "blanks must be between 1 and 2" in err and "Traceback" not in err
    with pytest.raises(ArgmapError, match="kind must be one of"):
        make_worksheet(hostile(), "cloze")
