"""Make the screenshots in docs/diagrams.md: the reference map in a notebook cell and in the
report, each in headless Chromium at 800 x 1,300 pixels.

Run from the repository: ``.venv/bin/python docs/diagrams/screens.py`` (needs Graphviz and
Chromium). The notebook cell is the HTML the map gives Jupyter, inside an output area the
width of a JupyterLab cell's.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import argmap
from argmap.report import html_report

HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parents[1] / "data" / "claims.json"


def shoot(page: str, out: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--force-device-scale-factor=1",
                f"--user-data-dir={tmp}/profile",
                "--window-size=800,1300",
                f"--screenshot={out}",
                path.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


def main() -> None:
    m = argmap.load(REFERENCE)
    cell = m._repr_mimebundle_()["text/html"]
    shoot(
        '<!DOCTYPE html><html><body style="margin:0;font-family:sans-serif">'
        '<div style="padding:4px 8px;color:#555">In [1]: argmap.load("data/claims.json")</div>'
        f'<div style="padding:0 8px">{cell}</div></body></html>',
        HERE / "notebook-cell.png",
    )
    shoot(html_report(m), HERE / "report-800.png")


if __name__ == "__main__":
    main()
