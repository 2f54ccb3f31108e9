"""Pages of a PDF put together from Graphviz drawings: paper sizes, placing, marks, text.

Graphviz (``dot -Tpdf``, through cairo) draws the diagrams and typesets every text that
comes from a map, so any script the map is written in prints with the diagram's own font;
`pypdf <https://pypdf.readthedocs.io>`_ (the ``print`` extra) puts those drawings on
paper-sized pages, scaled and clipped. What argmap writes itself on a page (sheet numbers,
crop marks, index grids) is plain ASCII in the PDF's built-in Helvetica.
"""

from __future__ import annotations

import codecs
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import TYPE_CHECKING, Any

from ..errors import RenderError
from .backend import find_renderer, run
from .dot import wrap
from .quoting import display_text, html_text
from .style import FONT

if TYPE_CHECKING:
    from pypdf import PageObject

__all__ = [
    "MM",
    "PAPERS",
    "Canvas",
    "Para",
    "graphviz_page",
    "need_pypdf",
    "page_size",
    "smallest_text",
    "text_block",
    "write_pdf",
]

#: One millimetre in PDF points.
MM = 72 / 25.4
#: Paper sizes in points, portrait (ISO 216 A4; US Letter).
PAPERS = {"a4": (210 * MM, 297 * MM), "letter": (612.0, 792.0)}


def need_pypdf() -> Any:
    """The ``pypdf`` module, or a :class:`argmap.RenderError` naming the extra to install."""
    try:
        import pypdf
    except ImportError:
        raise RenderError(
            "paper, slide and worksheet PDFs need pypdf: pip install 'argmap[print]'"
        ) from None
    return pypdf


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """The (width, height) of ``paper`` in points.

    Examples
    --------
    >>> [round(x) for x in page_size("a4")]
    [595, 842]
    >>> page_size("letter", landscape=True)
    (792.0, 612.0)
    """
    size = PAPERS.get(str(paper).lower())
    if size is None:
        raise RenderError(f"paper must be one of {', '.join(PAPERS)} (got {paper!r})")
    width, height = size
    return (height, width) if landscape else (width, height)


def graphviz_page(source: str) -> PageObject:
    """Lay out DOT ``source`` with Graphviz's ``dot`` and return its one PDF page."""
    pypdf = need_pypdf()
    data = run(source, "pdf", renderer=find_renderer("pdf"))
    page: PageObject = pypdf.PdfReader(BytesIO(data)).pages[0]
    return page


def smallest_text(page: PageObject) -> float:
    """The size in points of the smallest visible text drawn on ``page`` (0 if none).

    Read from the drawing itself (font size times the text and transformation matrices), so
    whatever fonts the diagram uses, the fitting below knows the size they print at.
    """
    sizes: list[float] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: Any, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            sizes.append(size * scale)

    page.extract_text(visitor_text=visit)
    return min(sizes, default=0.0)


@dataclass(frozen=True)
class Para:
    """A paragraph for :func:`text_block`: text, size in points, weight, wrap width."""

    text: str
    size: float = 12.0
    bold: bool = False
    italic: bool = False
    chars: int = 80
    color: str = "#000000"
    gap: float = 2.0  # points of space above


def text_block(paras: Iterable[Para], *, width: float | None = None, border: str = "") -> str:
    """DOT for a block of paragraphs that Graphviz typesets (one plaintext node).

    Each paragraph is wrapped at its ``chars`` characters and escaped, so any text is safe.
    ``width`` fixes the block's width in points; ``border`` (``"dashed"``) draws a frame.

    Examples
    --------
    >>> dot = text_block([Para("<b>Hi</b>", size=20, bold=True)])
    >>> "&lt;b&gt;Hi&lt;/b&gt;" in dot and 'POINT-SIZE="20"' in dot
    True
    """
    rows = []
    for para in paras:
        lines = wrap(display_text(para.text), max(8, para.chars)) or [""]
        body = '<BR ALIGN="LEFT"/>'.join(html_text(display_text(line)) for line in lines)
        if para.bold:
            body = f"<B>{body}</B>"
        if para.italic:
            body = f"<I>{body}</I>"
        font = f'<FONT POINT-SIZE="{para.size:g}" COLOR="{para.color}">{body}</FONT>'
        pad = f' CELLPADDING="{para.gap:g}"' if para.gap != 2.0 else ""
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{pad}>{font}<BR ALIGN="LEFT"/></TD></TR>')
    size = f' WIDTH="{width:.0f}" FIXEDSIZE="FALSE"' if width else ""
    frame = ' BORDER="1" STYLE="dashed"' if border == "dashed" else ' BORDER="0"'
    table = f'<TABLE{frame} CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"{size}>'
    return (
        "digraph text {\n"
        f'\tgraph [margin=0 pad=0 fontname="{FONT}"]\n'
        f'\tnode [shape=plaintext margin=0 fontname="{FONT}"]\n'
        f"\tblock [label=<{table}{''.join(rows)}</TABLE>>]\n"
        "}\n"
    )


@dataclass
class Canvas:
    """One output page: Graphviz drawings placed on it, then marks and ASCII text over them."""

    width: float
    height: float
    placed: list[tuple[PageObject, float, float, float, tuple[float, ...] | None]] = field(
        default_factory=list
    )
    ops: list[str] = field(default_factory=list)
    notes: str | None = None  # speaker notes, as a PDF text annotation

    def place(
        self,
        drawing: PageObject,
        x: float,
        y: float,
        scale: float = 1.0,
        clip: tuple[float, float, float, float] | None = None,
    ) -> None:
        """Draw ``drawing`` with its lower-left corner at (x, y), scaled, clipped to ``clip``.

        ``clip`` is (left, bottom, right, top) in the drawing's own coordinates.
        """
        self.placed.append((drawing, x, y, scale, clip))

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        width: float = 0.5,
        dash: float = 0.0,
        gray: float = 0.0,
        rgb: tuple[float, float, float] | None = None,
    ) -> None:
        dashing = f"[{dash:g} {dash:g}] 0 d " if dash else ""
        colour = f"{rgb[0]:g} {rgb[1]:g} {rgb[2]:g} RG" if rgb else f"{gray:g} G"
        self.ops.append(
            f"q {width:g} w {colour} {dashing}{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S Q"
        )

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: float | None = None,
        stroke: float | None = 0.0,
        width: float = 0.5,
        dash: float = 0.0,
    ) -> None:
        paint = {(True, True): "B", (True, False): "f", (False, True): "S"}.get(
            (fill is not None, stroke is not None)
        )
        if paint is None:
            return
        colours = (f"{fill:g} g " if fill is not None else "") + (
            f"{stroke:g} G " if stroke is not None else ""
        )
        dashing = f"[{dash:g} {dash:g}] 0 d " if dash else ""
        self.ops.append(
            f"q {width:g} w {colours}{dashing}{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {paint} Q"
        )

    def text(
        self,
        x: float,
        y: float,
        words: str,
        *,
        size: float = 9.0,
        bold: bool = False,
        angle: int = 0,
        align: str = "left",
    ) -> None:
        """ASCII ``words`` at (x, y) in Helvetica; ``angle`` 90 runs them upwards."""
        safe = words.encode("ascii", "replace").decode("ascii")
        escaped = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        font = "/ArgmapHB" if bold else "/ArgmapH"
        shift = {"left": 0.0, "center": 0.5, "right": 1.0}[align] * _text_width(safe, size)
        cos, sin = {0: (1, 0), 90: (0, 1)}[angle]
        x0, y0 = x - shift * cos, y - shift * sin
        self.ops.append(
            f"BT {font} {size:g} Tf {cos} {sin} {-sin} {cos} {x0:.2f} {y0:.2f} Tm ({escaped}) Tj ET"
        )

    def content(self, forms: dict[int, str]) -> bytes:
        """The page's content stream; ``forms`` names each placed drawing's form XObject."""
        parts = []
        for drawing, x, y, scale, clip in self.placed:
            cut = ""
            if clip is not None:
                left, bottom, right, top = clip
                cut = f"{left:.2f} {bottom:.2f} {right - left:.2f} {top - bottom:.2f} re W n "
            parts.append(
                f"q {scale:.6f} 0 0 {scale:.6f} {x:.3f} {y:.3f} cm {cut}/{forms[id(drawing)]} Do Q"
            )
        parts.extend(self.ops)
        return "\n".join(parts).encode("ascii")


# Helvetica's average advance is about 0.53 em for the digits and lowercase used here;
# only centring and right-aligning short labels depend on it.
def _text_width(words: str, size: float) -> float:
    return 0.53 * size * len(words)


def write_pdf(canvases: Sequence[Canvas], *, title: str = "") -> bytes:
    """The pages as one PDF document, with ``title`` in its metadata and notes annotated.

    Each Graphviz drawing is stored once, as a form XObject that every page showing it
    draws (scaled and clipped): a map tiled over four sheets and an overview costs one copy.
    """
    pypdf = need_pypdf()
    g = pypdf.generic
    name = g.NameObject
    writer = pypdf.PdfWriter()
    forms: dict[int, str] = {}
    refs: dict[str, Any] = {}
    helvetica = {"/ArgmapH": "/Helvetica", "/ArgmapHB": "/Helvetica-Bold"}
    fonts = g.DictionaryObject({name(k): _helvetica(v) for k, v in helvetica.items()})
    font_ref = writer._add_object(fonts)
    for canvas in canvases:
        for drawing, *_ in canvas.placed:
            if id(drawing) not in forms:
                forms[id(drawing)] = f"ArgmapD{len(forms)}"
                refs[forms[id(drawing)]] = writer._add_object(_form(drawing, writer))
        page = writer.add_blank_page(width=canvas.width, height=canvas.height)
        used = sorted({forms[id(d)] for d, *_ in canvas.placed})
        xobjects = g.DictionaryObject({name("/" + n): refs[n] for n in used})
        page[name("/Resources")] = g.DictionaryObject(
            {name("/Font"): font_ref, name("/XObject"): xobjects}
        )
        stream = g.DecodedStreamObject()
        stream.set_data(canvas.content(forms))
        page[name("/Contents")] = writer._add_object(stream)
        if canvas.notes:
            _annotate(writer, len(writer.pages) - 1, canvas)
    writer.add_metadata({"/Title": display_text(title), "/Creator": "argmap"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _helvetica(base: str) -> Any:
    g = need_pypdf().generic
    name = g.NameObject
    return g.DictionaryObject(
        {
            name("/Type"): name("/Font"),
            name("/Subtype"): name("/Type1"),
            name("/BaseFont"): name(base),
            name("/Encoding"): name("/WinAnsiEncoding"),
        }
    )


def _form(drawing: PageObject, writer: Any) -> Any:
    """A page from Graphviz as a form XObject of ``writer`` (its resources copied over)."""
    g = need_pypdf().generic
    name = g.NameObject
    form = g.DecodedStreamObject()
    contents = drawing.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    box = [g.FloatObject(v) for v in drawing.mediabox]
    form.update(
        {
            name("/Type"): name("/XObject"),
            name("/Subtype"): name("/Form"),
            name("/BBox"): g.ArrayObject(box),
            name("/Resources"): drawing["/Resources"].clone(writer),
        }
    )
    if "/Group" in drawing:
        form[name("/Group")] = drawing["/Group"].clone(writer)
    return form


def _annotate(writer: Any, index: int, canvas: Canvas) -> None:
    from pypdf.annotations import Text

    # A closed note icon in the corner: readers and presenter tools show its text on
    # demand; no Print flag, so printed slides do not show the icon.
    rect = (canvas.width - 26, 4, canvas.width - 6, 24)
    annotation = Text(rect=rect, text="", open=False)
    annotation[_name("/Contents")] = _text(canvas.notes or "")
    annotation[_name("/T")] = _text("Speaker notes")
    writer.add_annotation(page_number=index, annotation=annotation)


def _name(value: str) -> Any:
    return need_pypdf().generic.NameObject(value)


def _text(value: str) -> Any:
    # Always UTF-16 with its byte-order mark: every reader decodes that, while the
    # PDFDocEncoding pypdf would choose for Latin text trips some (curly quotes are 0x8D).
    text = need_pypdf().generic.TextStringObject(value)
    text.autodetect_utf16 = True
    text.utf16_bom = codecs.BOM_UTF16_BE
    return text
