"""Paper: how many sheets each print takes on A4 and US Letter, and how many of them are blank.

Builds the site, serves it on 127.0.0.1 and prints in Chromium, as the print tests do
(tests/paper.py): every page with the browser's own Print, every worksheet alone (blank, and with
an answer in every field, from tests/browser/answers.py) and the whole workbook (with answers typed
in every worksheet, and blank). A blank sheet is one with no text but the line at its foot. The
PDFs go to a temporary folder; `--keep DIR` keeps them there instead, to look at.

    .venv/bin/python bench/paper.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import ROOT, emit_json, launch_chromium, print_table

sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "hooks")]

from playwright.sync_api import sync_playwright  # noqa: E402

import project as plan  # noqa: E402
from answers import answers_for, fill  # noqa: E402
from paper import PAPERS, lines_of, open_ready, press, print_pdf  # noqa: E402
from sitebuild import mkdocs_build, output  # noqa: E402
from siteserver import serve  # noqa: E402


def blank_sheets(sheets: list[str], site_name: str) -> int:
    """Sheets with no text but the line naming the site at their foot."""
    return sum(1 for sheet in sheets if all(site_name in line for line in lines_of(sheet)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="save the PDFs in this folder")
    args = parser.parse_args()
    site_name = plan.config()["site_name"]
    sheets_of_worksheet = plan.first_use("worksheet")
    workbook = plan.pages_calling("workbook")
    rows, figures = [], {}

    with tempfile.TemporaryDirectory() as temp:
        site, pdfs = Path(temp) / "site", args.keep or Path(temp) / "pdf"
        pdfs.mkdir(parents=True, exist_ok=True)
        result = mkdocs_build(ROOT, site)
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{output(result)}")
        with serve(site) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

            def record(name: str, counts: dict[str, list[str]]) -> None:
                figures[name] = {paper: {"sheets": len(sheets), "blank": blank_sheets(sheets, site_name)}
                                 for paper, sheets in counts.items()}
                rows.append([name] + [f"{len(counts[p])} ({blank_sheets(counts[p], site_name)})" for p in PAPERS])

            def prints(name: str, prepare) -> None:
                counts = {}
                for paper in PAPERS:
                    prepare()
                    counts[paper] = print_pdf(page, pdfs / f"{name.replace('/', '_').replace(' ', '_')}-{paper}.pdf", paper)
                    page.evaluate("localStorage.clear()")
                record(name, counts)

            for page_file in plan.pages():
                prints(f"page {page_file}", lambda: open_ready(page, base_url + plan.url_path(page_file)))
            for sheet_id, page_file in sheets_of_worksheet.items():
                section = page.locator(f'section[data-worksheet="{sheet_id}"]').first
                for label, act, answered in (("blank", "blank", False), ("with answers", "print", True)):
                    def prepare(page_file=page_file, section=section, act=act, answered=answered, sheet_id=sheet_id):
                        open_ready(page, base_url + plan.url_path(page_file))
                        if answered:
                            fill(section, answers_for(plan.worksheets()[sheet_id]))
                        press(page, section.locator(f'[data-act="{act}"]'))
                    prints(f"worksheet {sheet_id} {label}", prepare)
            for how in ("answers", "blank") if workbook else ():
                def prepare(how=how):
                    if how == "answers":  # an answer in every worksheet, typed on its own page
                        for sheet_id, page_file in sheets_of_worksheet.items():
                            open_ready(page, base_url + plan.url_path(page_file))
                            fill(page.locator(f'section[data-worksheet="{sheet_id}"]').first,
                                 answers_for(plan.worksheets()[sheet_id]))
                    open_ready(page, base_url + plan.url_path(workbook[0]))
                    press(page, page.locator(f'[data-print-all="{how}"]'))
                prints(f"workbook {how}", prepare)
            browser.close()

    print_table(["print", *(f"{p} sheets (blank)" for p in PAPERS)], rows, "Sheets per print")
    totals = {paper: {key: sum(f[paper][key] for f in figures.values()) for key in ("sheets", "blank")} for paper in PAPERS}
    print("\nAll prints: " + ", ".join(f"{p} {t['sheets']} sheets, {t['blank']} blank" for p, t in totals.items()))
    emit_json("paper", {"prints": figures, "totals": totals})


if __name__ == "__main__":
    main()
