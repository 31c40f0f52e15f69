"""Worksheets on paper: columns of a table share the width evenly, whatever was typed in them, every
row has room to write in by hand, what was typed prints in full, column headings keep their words
whole, and a printed scale puts its ends under the words that explain them.

Each test finds a field of the kind it needs in the data files, in reading order (tests/project.py)."""

from __future__ import annotations

import pytest

import project as plan
from components import open_fill

SHEETS = plan.worksheets()
FIRST_PAGE = plan.first_use("worksheet")
GRIDS = ("two-column", "table")


def first_field(reason: str, wanted):
    """(page address, worksheet id, field) of the first field in reading order for which `wanted(field)` holds."""
    for sheet_id, page in FIRST_PAGE.items():
        for field in SHEETS[sheet_id].fields:
            if wanted(field):
                return plan.url_path(page), sheet_id, field
    pytest.skip(f"no worksheet on a page has {reason}")


def worksheet(page, sheet_id):
    return page.locator(f'section[data-worksheet="{sheet_id}"]').first


def field_box(page, sheet_id, field):
    """The field's box in its worksheet on the page."""
    key = f"{field.id}.1.1" if field.kind in GRIDS else field.id
    return page.locator(f'section[data-worksheet="{sheet_id}"] .g-ws__field:has([data-k="{key}"])').first


def open_ready(page, base_url, path):
    page.goto(base_url + path)
    page.locator("html[data-guide-js]").wait_for(state="attached")


def test_printed_written_columns_share_the_width_evenly_however_full(page, base_url):
    path, sheet_id, field = first_field("a table of two or more written columns", lambda f: f.kind in GRIDS
                                        and len(f.table_columns) >= 2 and not any(c.tick for c in f.table_columns))
    open_ready(page, base_url, path)
    open_fill(worksheet(page, sheet_id))  # "Fill in this worksheet", then type
    table = field_box(page, sheet_id, field).locator(".g-ws__grid")
    table.locator("input[type=text]").first.fill("A long answer that fills the first column of the table " * 3)
    page.emulate_media(media="print")
    widths = table.locator("thead th").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert len(widths) == len(field.table_columns)
    assert max(widths) - min(widths) <= 2, widths


def test_a_printed_scale_spans_the_width_of_its_end_words(page, base_url):
    path, sheet_id, field = first_field("a scale", lambda f: f.kind == "scale")
    page.goto(base_url + path)
    page.emulate_media(media="print")
    box = field_box(page, sheet_id, field)
    # Folded away on screen ("Fill in this worksheet", untouched here): paper shows it all the same.
    assert box.is_visible(), "the scale prints"
    ends = box.locator(".g-ws__ends").bounding_box()
    labels = box.locator(".g-ws__boxes label")
    assert labels.count() == len(field.numbers)
    first, last = labels.first.bounding_box(), labels.last.bounding_box()
    assert abs(first["x"] - ends["x"]) <= 2, f"{field.min} under the low end"
    assert abs((last["x"] + last["width"]) - (ends["x"] + ends["width"])) <= 2, f"{field.max} under the high end"


def test_a_printed_table_shows_what_was_typed_in_full_and_leaves_room_in_blank_rows(page, base_url):
    path, sheet_id, field = first_field("a table of two or more rows with a written first column",
                                        lambda f: f.kind in GRIDS and f.rows >= 2 and not f.table_columns[0].tick)
    open_ready(page, base_url, path)
    open_fill(worksheet(page, sheet_id))  # "Fill in this worksheet", then type
    table = field_box(page, sheet_id, field).locator(".g-ws__grid")
    answer = "Long walks on Sunday mornings, even when it rains and neither of us feels like going out. " * 3
    table.locator(f'[data-k="{field.id}.1.1"]').fill(answer)
    page.emulate_media(media="print")
    first_cell = table.locator("tbody td").first
    assert not first_cell.locator("input").is_visible(), "the one-line box does not print"
    paper = first_cell.locator(".g-ws__out")
    assert paper.is_visible()
    assert paper.evaluate("el => getComputedStyle(el, '::before').content") == f'"{answer}"', "all of it prints"
    rows = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    font = table.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert len(rows) == field.rows
    assert rows[0] > rows[1], "the typed answer wraps onto more lines"
    assert min(rows[1:]) >= 2 * font, "blank rows keep room to write by hand"


@pytest.mark.parametrize("path", sorted({plan.url_path(page) for sheet_id, page in FIRST_PAGE.items()
                                         if any(f.kind in GRIDS for f in SHEETS[sheet_id].fields)}))
def test_printed_column_headings_keep_each_word_whole(page, base_url, path):
    """A weekly tracker's day columns once printed as "We" over "d"."""
    page.goto(base_url + path)
    page.emulate_media(media="print")
    headings = page.locator(".g-ws__grid thead th")
    assert headings.count() >= 2
    # Folded away on screen ("Fill in this worksheet", untouched here): paper shows them all the same.
    assert all(heading.is_visible() for heading in headings.all()), "every table prints"
    broken = headings.evaluate_all("""cells => cells.filter(cell => {
        const words = document.createRange();
        words.selectNodeContents(cell);
        const lines = new Set([...words.getClientRects()].map(r => Math.round(r.top)));
        return lines.size > cell.textContent.trim().split(/\\s+/).length;
    }).map(cell => cell.textContent)""")
    assert broken == [], f"split across lines on paper: {broken}"
