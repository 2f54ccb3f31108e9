"""The HTML report in a real headless Chromium: it loads, logs nothing, and draws.

Skips when Chromium is not installed; ``scripts/test.sh`` installs Debian's ``chromium``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from argmap import ArgumentMap
from argmap.examples import soviet_socialism
from argmap.report import write_report

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def _chromium(page: Path, tmp: Path, *action: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.iterdir()))}"
    assert BROWSER is not None
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _console(stderr: str) -> list[str]:
    """Lines the page wrote to the console (errors, CSP violations, logs)."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _hostile() -> ArgumentMap:
    m = ArgumentMap(title="<script>alert(1)</script>")
    m.claim("p", '"><img src=x onerror=alert(1)>', kind="position")
    m.claim("r", "<script>console.error('injected')</script>")
    m.support("r", "p")
    return m


def test_console_check_catches_errors(tmp_path: Path) -> None:
    # The detector itself: a page that does log an error must be caught.
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><script>console.error('boom')</script>", encoding="utf-8")
    result = _chromium(page, tmp_path, "--dump-dom")
    assert any("boom" in line for line in _console(result.stderr)), result.stderr[-2000:]


@pytest.mark.parametrize("which", ["reference", "hostile"])
def test_report_loads_draws_and_logs_nothing(tmp_path: Path, which: str) -> None:
    m = soviet_socialism() if which == "reference" else _hostile()
    page = tmp_path / "report.html"
    write_report(m, page)
    shot = tmp_path / "report.png"
    # One launch: dump the live DOM and take a screenshot.
    action = ("--dump-dom", f"--screenshot={shot}", "--window-size=1200,1600")
    result = _chromium(page, tmp_path, *action)
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console(result.stderr) == []
    dom = result.stdout
    assert "</main>" in dom
    # The live DOM holds no element made from user text.
    assert "<script" not in dom and "<img" not in dom
    if which == "hostile":
        assert "&lt;script&gt;console.error('injected')&lt;/script&gt;" in dom
    assert _png_size(shot) == (1200, 1600)
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one


def test_report_prints(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    write_report(soviet_socialism(), page)
    pdf = tmp_path / "report.pdf"
    result = _chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # The whole report, not a blank or truncated page: several pages of content.
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 5, pages
