"""Paper: print a page in Chromium as a reader's browser does, and read each printed sheet back as text.

Shared by the print tests (tests/browser/test_paper.py) and the page counts in bench/paper.py, so
both print the same way: the site's own print buttons, or the browser's Print on the whole page.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PAPERS = ("A4", "Letter")


def open_ready(page, url: str) -> None:
    """Open a page and wait for guide.js to have set it up."""
    page.goto(url)
    page.locator("html[data-guide-js]").wait_for(state="attached")


def stub_print(page) -> None:
    """The site's print buttons call window.print(); stubbed, the page stays set up for paper."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")


def press(page, button) -> None:
    """Click one of the site's print buttons (a worksheet's or the workbook's), as a reader does."""
    stub_print(page)
    before = page.evaluate("window.printed || 0")
    button.click()
    page.wait_for_function(f"(window.printed || 0) > {before}")


def print_pdf(page, path: Path, paper: str) -> list[str]:
    """Print to `path` on `paper` as a browser does (beforeprint, paper layout, afterprint) and return
    the text of each printed sheet, in order (pdftotext, layout kept)."""
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    page.pdf(path=str(path), format=paper)
    page.emulate_media(media="screen")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    return sheets_of(path)


def sheets_of(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    sheets = text.split("\f")
    return sheets[:-1] if sheets and not sheets[-1].strip() else sheets  # pdftotext ends with a page break


def flat(text: str) -> str:
    """Words with single spaces: a printed line break is a space, and a hyphenated word broken at
    the end of a line ("put-" then "downs") is one word again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def lines_of(sheet: str) -> list[str]:
    return [line.strip() for line in sheet.splitlines() if line.strip()]
