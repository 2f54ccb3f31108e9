"""Diagrams on paper, read back from the PDF as printed: sizes, every title, the smallest word."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, RenderError
from argmap.cli import main
from argmap.render.paper import paper_pdf, render_paper

from .helpers import needs_dot
from .pdfcheck import A4, LETTER, is_grey, read_pdf, same_size, squash
from .synthetic import synthetic_map

pytestmark = needs_dot


def homework() -> ArgumentMap:
    m = ArgumentMap(title="Homework", question="Should homework be banned?")
    m.claim("ban", "Homework should be banned.", kind="position", title="Ban homework")
    m.claim("stress", "Homework causes stress.", title="Stress", basis="testimony")
    m.claim("sleep", "Stress costs students sleep.", title="Lost sleep")
    m.support(["stress", "sleep"], "ban")
    m.claim("practice", "Practice needs time outside class.", title="Practice")
    m.attack("practice", "ban")
    return m


def titles(m: ArgumentMap) -> list[str]:
    return [c.title or c.text for c in m.claims]


@pytest.mark.parametrize(
    ("paper", "landscape", "size"),
    [
        ("a4", False, A4),
        ("a4", True, A4[::-1]),
        ("letter", False, LETTER),
        ("letter", True, LETTER[::-1]),
    ],
)
def test_small_map_prints_on_one_page_of_the_paper(
    tmp_path: Path, paper: str, landscape: bool, size: tuple[float, float]
) -> None:
    m = homework()
    out = tmp_path / "map.pdf"
    # Without its legend the drawing is about 430 x 290 pt: it fits any of these pages.
    layout = render_paper(m, out, paper=paper, landscape=landscape, legend=False)
    pages = read_pdf(out)
    assert len(pages) == layout.pages == 1
    assert same_size(pages[0], size), (pages[0].width, pages[0].height)
    text = pages[0].words()
    for title in titles(m):
        assert title in text
    # Words stay 7 pt or more, and the claim text is not blown up past its drawn size.
    assert pages[0].smallest >= 7.0
    assert max(c["size"] for c in pages[0].chars) <= 18.01
    # The drawing's words, above the footer (argmap's own 8-pt line at the foot).
    drawing = [
        c["size"] for c in pages[0].chars if c["bottom"] < size[1] - 40 and c["text"].strip()
    ]
    assert layout.smallest == pytest.approx(min(drawing), abs=0.05)


def test_bw_paper_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "bw.pdf"
    render_paper(homework(), out, paper="a4", landscape=True, bw=True)
    (page,) = read_pdf(out)
    assert page.colours, "the drawing should have strokes and fills"
    assert all(is_grey(c) for c in page.colours), sorted(page.colours)
    colour = tmp_path / "colour.pdf"
    render_paper(homework(), colour, paper="a4", landscape=True)
    assert not all(is_grey(c) for c in read_pdf(colour)[0].colours)


def test_map_too_big_for_one_page_is_tiled_after_an_overview(tmp_path: Path) -> None:
    m = synthetic_map(16, seed=1)
    out = tmp_path / "tiled.pdf"
    layout = render_paper(m, out, paper="a4")
    pages = read_pdf(out)
    assert 2 <= layout.sheets <= 4 and len(pages) == layout.sheets + 1
    assert all(same_size(p, A4) for p in pages)
    overview, *sheets = pages
    assert "Overview" in overview.text
    # Each sheet prints every word at 7 pt or more and says where it goes.
    seen = ""
    for number, sheet in enumerate(sheets, start=1):
        assert sheet.smallest >= 7.0 - 1e-6
        assert f"Sheet {number} of {layout.sheets}" in sheet.page_text
        seen += " " + sheet.words()
    # Every claim's words are on some sheet, inside its crop marks.
    for claim in m.claims:
        for word in squash(claim.title or claim.text).split():
            assert word in seen, (claim.id, word)


def test_poster_over_more_sheets_when_allowed(tmp_path: Path) -> None:
    m = synthetic_map(40, seed=1)  # 20 claims fit four sheets since the compact layout
    with pytest.raises(RenderError, match=r"needs \d+ A4 portrait sheets .* --max-pages"):
        paper_pdf(m, paper="a4")
    data, layout = paper_pdf(m, paper="a4", max_pages=12)
    assert 4 < layout.sheets <= 12 and layout.pages == layout.sheets + 1
    out = tmp_path / "poster.pdf"
    out.write_bytes(data)
    pages = read_pdf(out)
    assert len(pages) == layout.pages
    assert min(p.smallest for p in pages[1:]) >= 7.0 - 1e-6


def test_user_text_is_printed_literally(tmp_path: Path) -> None:
    m = ArgumentMap(title="<b>Bold?</b> & more")
    m.claim("p", '<script>alert("x")</script> \\N', kind="position")
    out = tmp_path / "hostile.pdf"
    render_paper(m, out, paper="letter")
    text = read_pdf(out)[0].words()
    assert '<script>alert("x")</script> \\N' in text
    assert "<b>Bold?</b> & more" in text


def test_cli_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "homework.json"
    homework().dump(src)
    out = tmp_path / "map.pdf"
    assert (
        main(
            ["render", str(src), "-o", str(out), "--paper", "letter", "--landscape", "--no-legend"]
        )
        == 0
    )
    assert "1 Letter landscape page" in capsys.readouterr().err
    assert same_size(read_pdf(out)[0], LETTER[::-1])
    # --landscape alone means A4.
    assert main(["render", str(src), "-o", str(out), "--landscape", "--bw", "--no-legend"]) == 0
    assert same_size(read_pdf(out)[0], A4[::-1])


def test_cli_paper_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "homework.json"
    homework().dump(src)
    assert main(["render", str(src), "-o", str(tmp_path / "map.svg"), "--paper", "a4"]) == 2
    assert "name the output *.pdf" in capsys.readouterr().err
    assert main(["render", str(src), "-o", str(tmp_path / "m.pdf"), "--paper", "a3"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["render", str(src), "-o", str(tmp_path / "m.pdf"), "--max-pages", "0"]) == 1
    err = capsys.readouterr().err
    assert "max_pages must be a whole number" in err and "Traceback" not in err
    big = tmp_path / "big.json"
    synthetic_map(30, seed=2).dump(big)
    out = tmp_path / "big.pdf"
    assert main(["render", str(big), "-o", str(out), "--paper", "a4", "--max-pages", "2"]) == 1
    err = capsys.readouterr().err
    assert "sheets to print its smallest words" in err and "Traceback" not in err
    assert not out.exists()


def test_docs_show_the_reference_map_on_a4() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    picture = docs / "diagrams" / "claims-a4.png"
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    # Three A4 pages side by side (1 : 1.414 each), with narrow gaps.
    assert 3 * height / 1.414 < width < 3 * height / 1.414 + 40
    for page in ("diagrams.md", "printing.md"):
        assert "diagrams/claims-a4.png" in (docs / page).read_text(encoding="utf-8")


def test_without_pypdf_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if not installed
    with pytest.raises(RenderError, match=r"pip install 'argmap\[print\]'"):
        paper_pdf(homework(), paper="a4")
    src = tmp_path / "homework.json"
    homework().dump(src)
    assert main(["render", str(src), "-o", str(tmp_path / "m.pdf"), "--paper", "a4"]) == 1
    assert "argmap[print]" in capsys.readouterr().err


def test_reference_map_prints_in_full_on_four_a4_sheets_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 17: a teacher prints data/claims.json with the default options.
    data = Path(__file__).resolve().parents[2] / "data" / "claims.json"
    out = tmp_path / "claims.pdf"
    assert main(["render", str(data), "-o", str(out), "--paper", "a4"]) == 0
    assert "4 sheets after an overview" in capsys.readouterr().err
    pages = read_pdf(out)
    assert len(pages) <= 5 and all(same_size(p, A4) or same_size(p, A4[::-1]) for p in pages)
    overview, *sheets = pages
    assert "Overview" in overview.text and len(sheets) <= 4
    assert min(sheet.smallest for sheet in sheets) >= 7.0 - 1e-6
    # Every glyph of the whole drawing (the overview shows it in one piece, its words
    # shrunk under 7 pt, argmap's own headings larger) prints at full size inside some
    # sheet's crop marks: a box that a cut crosses prints in two parts, which meet when
    # the sheets are taped together.
    printed = Counter(c["text"] for sheet in sheets for c in sheet.chars if c["text"].strip())
    drawn = Counter(c["text"] for c in overview.chars if c["size"] < 7.0 and c["text"].strip())
    assert not drawn - printed, drawn - printed
    # So is every letter of every claim's title and text.
    m = argmap.load(data)
    words = "".join(f"{claim.title or ''}{claim.text}" for claim in m.claims)
    letters = Counter(ch for ch in words if not ch.isspace())
    assert not letters - printed, letters - printed
    # Most claims print whole on one sheet (23 of 31 when this was written).
    whole = " ".join(sheet.words() for sheet in sheets)
    titled = [claim.title for claim in m.claims if claim.title]
    assert sum(title in whole for title in titled) >= 2 * len(titled) // 3


def test_paper_tries_both_ways_round_unless_told(tmp_path: Path) -> None:
    m = synthetic_map(12, seed=1)
    _, auto = paper_pdf(m, paper="a4")
    _, portrait = paper_pdf(m, paper="a4", landscape=False)
    _, landscape = paper_pdf(m, paper="a4", landscape=True)
    assert not portrait.landscape and landscape.landscape
    # This map needs two portrait sheets but fits one landscape page: that is the pick.
    assert portrait.sheets == 2 and landscape.sheets == 1
    assert auto.sheets == 1 and auto.landscape
    assert auto.smallest >= 7.0


def test_cli_aims_at_the_page_unless_aspect_is_given(tmp_path: Path) -> None:
    # --aspect given on the command line is the user's: paper then draws that shape only.
    src = tmp_path / "m.json"
    synthetic_map(12, seed=1).dump(src)
    out = tmp_path / "m.pdf"
    assert main(["render", str(src), "-o", str(out), "--paper", "a4"]) == 0
    assert len(read_pdf(out)) == 1  # one landscape page, the page's own shape aimed at
    assert main(["render", str(src), "-o", str(out), "--portrait"]) == 0
    pages = read_pdf(out)
    assert len(pages) == 3 and same_size(pages[0], A4)
