"""Worksheets on paper: columns of a table share the width evenly, whatever was typed in them, every
row has room to write in by hand, what was typed prints in full, and a printed 0-10 scale puts 0 and
10 under the words that explain them."""

from __future__ import annotations


def test_printed_written_columns_share_the_width_evenly_however_full(page, base_url):
    page.goto(base_url + "take-stock/")
    page.locator("html[data-guide-js]").wait_for(state="attached")
    table = page.locator(".g-ws-grid").first
    table.locator("input[type=text]").first.fill("A long answer that fills the first column of the table " * 3)
    page.emulate_media(media="print")
    widths = table.locator("thead th").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert len(widths) == 2
    assert abs(widths[0] - widths[1]) <= 2, widths


def test_a_printed_scale_spans_the_width_of_its_end_words(page, base_url):
    page.goto(base_url + "take-stock/")
    page.emulate_media(media="print")
    field = page.locator(".g-ws-scale").first
    ends = field.locator(".g-ws-ends").bounding_box()
    first, last = field.locator(".g-ws-boxes label").first.bounding_box(), field.locator(".g-ws-boxes label").last.bounding_box()
    assert abs(first["x"] - ends["x"]) <= 2, "0 under the low end"
    assert abs((last["x"] + last["width"]) - (ends["x"] + ends["width"])) <= 2, "10 under the high end"


def test_a_printed_table_shows_what_was_typed_in_full_and_leaves_room_in_blank_rows(page, base_url):
    page.goto(base_url + "take-stock/")
    page.locator("html[data-guide-js]").wait_for(state="attached")
    table = page.locator(".g-ws-grid").first
    answer = "Long walks on Sunday mornings, even when it rains and neither of us feels like going out. " * 3
    table.locator("input[type=text]").first.fill(answer)
    page.emulate_media(media="print")
    first_cell = table.locator("tbody td").first
    assert not first_cell.locator("input").is_visible(), "the one-line box does not print"
    paper = first_cell.locator(".g-ws-out")
    assert paper.is_visible()
    assert paper.evaluate("el => getComputedStyle(el, '::before').content") == f'"{answer}"', "all of it prints"
    rows = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    font = table.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert rows[0] > rows[1], "the typed answer wraps onto more lines"
    assert min(rows[1:]) >= 2 * font, "blank rows keep room to write by hand"


def test_printed_column_headings_keep_each_word_whole(page, base_url):
    """The weekly tracker's day columns once printed as "We" over "d"."""
    page.goto(base_url + "actions-not-words/")
    page.emulate_media(media="print")
    headings = page.locator(".g-ws-grid thead th")
    assert headings.count() >= 9
    broken = headings.evaluate_all("""cells => cells.filter(cell => {
        const words = document.createRange();
        words.selectNodeContents(cell);
        const lines = new Set([...words.getClientRects()].map(r => Math.round(r.top)));
        return lines.size > cell.textContent.trim().split(/\\s+/).length;
    }).map(cell => cell.textContent)""")
    assert broken == [], f"split across lines on paper: {broken}"
