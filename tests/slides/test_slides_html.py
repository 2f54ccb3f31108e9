"""HTML slides: one offline file, escaped, and in a real headless Chromium 16:9 with 12-pt words.

The browser checks skip when Chromium is not installed (``scripts/test.sh`` installs it).
To read sizes the browser computes, a copy of the page gets a measuring script (and a
policy that lets that one script run); the page itself is also loaded as written, to show
it runs with nothing logged.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.examples import soviet_socialism
from argmap.slides import deck_html, plan_deck, write_slides

from ..render.helpers import needs_dot
from .test_slides_pdf import hostile

pytestmark = needs_dot

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--hide-scrollbars",
]

# Smallest word on the slides in CSS px (SVG text through its scale to the screen), and
# whether the page scrolls sideways.
MEASURE = """
<script>
addEventListener("load", () => {
  const sizes = [];
  for (const el of document.querySelectorAll(".frame *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) px *= el.getScreenCTM().a;
    sizes.push([px, el.textContent.trim().slice(0, 30)]);
  }
  sizes.sort((a, b) => a[0] - b[0]);
  const frame = document.querySelector(".frame").getBoundingClientRect();
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({
    smallest: sizes[0], count: sizes.length,
    frame: [frame.width, frame.height],
    sideways: document.documentElement.scrollWidth > innerWidth,
  });
  document.body.append(out);
});
</script>
"""


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action") and value:
                self.urls.append(value)


def _chromium(page: Path, tmp: Path, *action: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    profile = tmp / f"profile-{len(list(tmp.iterdir()))}"
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def test_one_offline_file_with_every_user_text_escaped(tmp_path: Path) -> None:
    page = deck_html(plan_deck(hostile()))
    refs = _Refs()
    refs.feed(page)
    assert "script" not in refs.tags and "img" not in refs.tags and "link" not in refs.tags
    # Only links inside the page: slide anchors and the notes switch.
    assert refs.urls and all(u.startswith("#") for u in refs.urls), refs.urls
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "default-src 'none'" in page
    assert "P &lt;i&gt;one&lt;/i&gt;" in page
    # The overview's card leads to the position's slide.
    assert '<a href="#slide-2">P &lt;i&gt;one&lt;/i&gt;</a>' in page


@needs_browser
def test_slides_in_a_browser_are_16_9_with_12_pt_words(tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    write_slides(soviet_socialism(), out)
    text = out.read_text(encoding="utf-8")
    # As written: loads with nothing logged (no CSP violation, no error).
    result = _chromium(out, tmp_path, "--dump-dom", "--window-size=1280,720")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert text.count('class="slide"') == len(plan_deck(soviet_socialism()).slides)
    # A copy that measures itself.
    probe = tmp_path / "probe.html"
    allowed = re.sub(
        r"default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", text
    )
    probe.write_text(allowed.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = _chromium(probe, tmp_path, "--dump-dom", "--window-size=1280,720")
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    measured = json.loads(found.group(1).replace("&quot;", '"'))
    width, height = measured["frame"]
    assert width / height == pytest.approx(16 / 9, rel=0.01)
    assert measured["count"] > 50
    smallest_px, where = measured["smallest"]
    # In slide points: the frame is 960 pt wide, whatever the window gives it in pixels.
    assert smallest_px * 960 / width >= 12 - 0.01, where
    assert not measured["sideways"]


@needs_browser
def test_screenshot_is_a_slide(tmp_path: Path) -> None:
    out = tmp_path / "deck.html"
    write_slides(hostile(), out)
    shot = tmp_path / "slide.png"
    result = _chromium(out, tmp_path, f"--screenshot={shot}", "--window-size=1280,720")
    assert shot.exists(), result.stderr[-2000:]
    assert not [line for line in result.stderr.splitlines() if "CONSOLE" in line]
