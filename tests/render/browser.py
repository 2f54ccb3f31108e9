"""Measure a page as the system Chromium lays it out: sideways scrolling and text heights.

The page is copied with a measuring script added at its end (and its Content-Security-Policy,
which forbids scripts, left out of the copy: the layout is the same, and the report's own
browser test checks the policy). Chromium runs headless with ``--dump-dom`` at the window size
asked for, with its ordinary scroll bars; the script writes what it measured into the DOM as
JSON, which is read back from the dump.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

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
    "--force-device-scale-factor=1",
]

# Claim text is the 11-point lines (titles are 11 or 13, bold); tags (8) and captions (9)
# are smaller on purpose and left out. Each zoom button is tried in turn.
_SCRIPT = """
<script>
(function () {
  const doc = document.documentElement;
  const out = {viewport: doc.clientWidth, scrollWidth: doc.scrollWidth, zooms: {}};
  function measure() {
    const texts = [...document.querySelectorAll("g.node[id*='node-'] text")]
      .filter(t => parseFloat(t.getAttribute("font-size")) >= 11);
    const heights = texts.map(t => t.getBoundingClientRect().height);
    const pane = document.querySelector(".amv-pane");
    const svg = document.querySelector("svg");
    const box = svg.getBoundingClientRect();
    return {
      texts: heights.length,
      minText: Math.min(...heights),
      svgWidth: box.width,
      svgRight: box.right,
      pageScroll: doc.scrollWidth - doc.clientWidth,
      paneScroll: pane ? pane.scrollWidth - pane.clientWidth : null,
    };
  }
  for (const label of document.querySelectorAll(".amv-bar label")) {
    label.click();
    out.zooms[label.getAttribute("for").split("-").pop()] = measure();
  }
  const fit = document.querySelector(".amv-bar label");
  if (fit) { fit.click(); }
  out.fit = measure();
  const pre = document.createElement("pre");
  pre.id = "argmap-measure";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def measure(page: str, tmp: Path, width: int = 800, height: int = 900) -> dict[str, Any]:
    """Open ``page`` (HTML text) at ``width`` x ``height`` and return what the script saw."""
    assert BROWSER is not None
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    html = html.replace("</body>", _SCRIPT + "</body>") if "</body>" in html else html + _SCRIPT
    path = tmp / f"measure-{len(list(tmp.iterdir()))}.html"
    path.write_text(html, encoding="utf-8")
    cmd = [
        BROWSER,
        *FLAGS,
        f"--user-data-dir={tmp / ('profile-' + path.stem)}",
        f"--window-size={width},{height}",
        "--dump-dom",
        path.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="argmap-measure">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, done.stderr[-2000:]
    data: dict[str, Any] = json.loads(found.group(1).replace("&quot;", '"'))
    return data


def notebook_page(fragment: str) -> str:
    """A notebook output's HTML as JupyterLab shows it: in a cell's output area."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        '<div class="jp-OutputArea-output" style="padding:0 8px">'
        f"{fragment}</div></body></html>"
    )
