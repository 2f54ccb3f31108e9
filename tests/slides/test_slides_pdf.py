"""PDF slides read back as printed: 16:9 pages, the overview, each position, 12-pt words, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ArgumentMap, RenderError
from argmap.cli import main
from argmap.examples import soviet_socialism
from argmap.slides import plan_deck, write_slides

from ..render.helpers import needs_dot
from ..render.pdfcheck import read_pdf, squash

pytestmark = needs_dot

SLIDE = (960, 540)


def hostile() -> ArgumentMap:
    m = ArgumentMap(title="<script>alert(1)</script>", question="Is <b>this</b> & that safe?")
    m.claim("p", "Position <script>alert('p')</script>", kind="position", title="P <i>one</i>")
    m.claim("r", 'A reason "quoted" \\N & <img src=x onerror=alert(1)>')
    m.support("r", "p")
    return m


@pytest.fixture(scope="module")
def reference_deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArgumentMap]:
    m = soviet_socialism()
    out = tmp_path_factory.mktemp("deck") / "deck.pdf"
    write_slides(m, out)
    return out, m


def test_every_slide_is_16_9_and_every_word_12_pt(reference_deck: tuple[Path, ArgumentMap]) -> None:
    out, _ = reference_deck
    pages = read_pdf(out)
    assert len(pages) >= 6
    for page in pages:
        assert (round(page.width), round(page.height)) == SLIDE
        assert page.smallest >= 12.0 - 1e-6, page.text[:80]


def test_overview_then_each_position_with_reasons_and_objections(
    reference_deck: tuple[Path, ArgumentMap],
) -> None:
    out, m = reference_deck
    pages = read_pdf(out)
    positions = [c for c in m.claims if c.kind == "position"]
    overview = pages[0].words()
    assert m.title in overview
    # The cards sit side by side, so the text runs across them: look for each word.
    for claim in positions:
        assert set((claim.title or "").split()) <= set(overview.split()), claim.id
    # Each position heads one or more slides, which together draw every claim next to it.
    for claim in positions:
        slides = [p for p in pages[1:] if p.words().startswith(squash(claim.title or ""))]
        assert slides, claim.id
        # Boxes side by side mix their wrapped lines in the text: look for each word.
        shown = set(" ".join(p.words() for p in slides).split())
        for link in m.links:
            if link.target == claim.id:
                for source in link.sources:
                    title = m.get_claim(source).title or m.get_claim(source).text
                    assert set(title.split()) <= shown, (claim.id, source)
    assert "reason (supports)" in pages[1].text and "objection (attacks)" in pages[1].text


def test_speaker_notes_are_annotations_with_texts_and_quotes(
    reference_deck: tuple[Path, ArgumentMap],
) -> None:
    out, m = reference_deck
    pages = read_pdf(out)
    assert all(len(p.annotations) == 1 for p in pages)
    notes = [squash(p.annotations[0]["contents"]) for p in pages]
    position = m.get_claim("pos-state-capitalism")
    slide_notes = [n for n in notes if n.startswith(f"Position: {position.title}")]
    assert slide_notes
    assert squash(position.text) in slide_notes[0]
    for quote in position.quotes:
        assert f"“{squash(quote.text)}”" in slide_notes[0]
    assert "Reasons:" in slide_notes[0]


def test_notes_pages_follow_each_slide(tmp_path: Path) -> None:
    m = soviet_socialism()
    out = tmp_path / "handout.pdf"
    deck = write_slides(m, out, notes="pages")
    pages = read_pdf(out)
    assert len(pages) >= 2 * len(deck.slides)
    notes_pages = [p for p in pages if p.text.startswith("Speaker notes - slide")]
    assert {int(p.text.split()[4]) for p in notes_pages} == set(range(1, len(deck.slides) + 1))
    assert all(not p.annotations for p in pages)
    first = next(i for i, p in enumerate(pages) if p.text.startswith("Speaker notes - slide 2"))
    assert pages[first - 1].words().startswith(squash(deck.slides[1].heading))
    assert min(p.smallest for p in notes_pages) >= 12.0 - 1e-6


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    out = tmp_path / "hostile.pdf"
    write_slides(hostile(), out)
    pages = read_pdf(out)
    words = " ".join(p.words() for p in pages)
    assert "P <i>one</i>" in words
    assert "<script>alert(1)</script>" in words
    assert "Is <b>this</b> & that safe?" in words


def test_many_reasons_split_over_slides_at_12_pt(tmp_path: Path) -> None:
    m = ArgumentMap(title="Many")
    m.claim("p", "The position.", kind="position", title="Position")
    for i in range(14):
        m.claim(f"r{i}", f"Reason number {i} with a fairly long text to make the box wide.")
        m.support(f"r{i}", "p")
    deck = plan_deck(m)
    parts = deck.slides[1:]
    assert len(parts) > 1 and all("part" in s.subheading for s in parts)
    assert all(s.smallest >= 12 for s in parts)
    shown = [c.id for s in parts for c in s.drawing.claims if c.id != "p"] if parts else []
    assert sorted(shown) == sorted(f"r{i}" for i in range(14))


def test_cli_slides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "hostile.json"
    hostile().dump(src)
    assert main(["slides", str(src), "-o", str(tmp_path / "deck.pdf"), "--bw"]) == 0
    assert "2 slides" in capsys.readouterr().err
    assert main(["slides", str(src), "-o", str(tmp_path / "deck.pptx")]) == 1
    err = capsys.readouterr().err
    assert "slides are written as .pdf or .html" in err and "Traceback" not in err
    assert main(["slides", str(src), "-o", str(tmp_path / "d.pdf"), "--notes", "x"]) == 2
    with pytest.raises(RenderError, match="notes must be one of"):
        write_slides(hostile(), tmp_path / "d.pdf", notes="sticky")
