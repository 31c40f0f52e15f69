"""With JavaScript turned off, nothing promises what only the script does: no saving claimed, no
dead button, no Shift shortcut, the exit button is always in reach, and what the reader typed
prints, as the worksheet suggests. One mark says what needs the script ([data-js]) and what is for
readers without it ([data-nojs]).

Pages come from the pages' macro calls and front matter (tests/project.py), not from a list."""

from __future__ import annotations

import pytest

import project as plan
from components import open_all_fills, open_fill

SHEETS = plan.worksheets()
GRIDS = ("two-column", "table")


@pytest.fixture
def with_js(page, base_url):
    def open_page(path):
        page.goto(base_url + path)
        page.locator("html[data-guide-js]").wait_for(state="attached")
        return page
    return open_page


def sheet_with(reason: str, wanted) -> tuple[str, str]:
    """(page address, worksheet id) of the first worksheet in reading order for which `wanted(sheet)` holds."""
    for sheet_id, page in plan.first_use("worksheet").items():
        if wanted(SHEETS[sheet_id]):
            return plan.url_path(page), sheet_id
    pytest.skip(f"no worksheet on a page has {reason}")


def test_a_worksheet_says_answers_are_not_kept_without_javascript(no_js, with_js, base_url):
    path, sheet_id = sheet_with("any field", lambda sheet: True)
    no_js.goto(base_url + path)
    privacy = no_js.locator(f'section[data-worksheet="{sheet_id}"] .g-ws__privacy').first
    assert privacy.is_visible(), "shown with the fields, without a click"
    assert "never sent anywhere" in privacy.inner_text()
    assert "not saved" in privacy.inner_text()
    assert "kept in this browser" not in privacy.inner_text()
    section = with_js(path).locator(f'section[data-worksheet="{sheet_id}"]').first
    open_fill(section)  # "Fill in this worksheet"
    privacy = section.locator(".g-ws__privacy")
    assert privacy.is_visible()
    shown = privacy.inner_text()
    assert "kept in this browser" in shown and "not saved" not in shown


def test_typed_answers_print_without_javascript(no_js, base_url):
    """The worksheet says to print the page: the script's print copies are empty, so the boxes print."""
    path, sheet_id = sheet_with("a long answer and a table with a written column", lambda sheet: any(
        f.kind == "long" for f in sheet.fields) and any(
        f.kind in GRIDS and not all(c.tick for c in f.table_columns) for f in sheet.fields))
    sheet = SHEETS[sheet_id]
    long_field = next(f for f in sheet.fields if f.kind == "long")
    no_js.goto(base_url + path)
    section = no_js.locator(f'section[data-worksheet="{sheet_id}"]').first
    assert section.locator(f'[data-k="{long_field.id}"]').is_visible(), "the fields show without a click"
    section.locator(f'[data-k="{long_field.id}"]').fill("We still laugh at the same things")
    cell = section.locator(".g-ws__grid input[type=text]").first
    cell.fill("Walks")
    no_js.emulate_media(media="print")
    assert section.locator(f'[data-k="{long_field.id}"]').is_visible()
    assert section.locator(f'[data-k="{long_field.id}"]').input_value() == "We still laugh at the same things"
    assert cell.is_visible() and cell.input_value() == "Walks"
    assert section.locator(".g-ws__out:visible").count() == 0, "no empty ruled copy beside the box"


def test_every_worksheet_and_quiz_shows_its_fields_without_javascript_and_without_a_click(no_js, base_url,
                                                                                      content_pages, parse):
    """Their fields and questions wait in a fold ("Fill in this worksheet", "Take this self-check") that
    only the script is trusted to open: without it they are all shown, and there is no fold to open."""
    folded = [name.removesuffix("index.html") for name, file in sorted(content_pages.items())
              if parse(file).select(".g-fill")]
    assert folded, "no page has a worksheet or a quiz"
    problems = []
    for path in folded:
        no_js.goto(base_url + path)
        for fill in no_js.locator(".g-fill").all():
            summary = fill.locator(":scope > summary")
            if summary.is_visible():
                problems.append(f"{path}: {summary.inner_text().strip()!r} shows, a fold to open without the script")
            shown = fill.locator(":scope > :not(summary, [data-js], :empty)")
            if not shown.count() or not all(part.is_visible() for part in shown.all()):
                problems.append(f"{path}: a field or question is hidden without the script")
    assert problems == []


def test_the_privacy_page_has_no_dead_button_without_javascript(no_js, with_js, base_url):
    path = plan.url_path(plan.one_page_calling("clear_data_button"))
    no_js.goto(base_url + path)
    assert not no_js.get_by_role("button", name="Clear everything this guide saved").is_visible()
    assert no_js.get_by_text("this guide saves nothing new in your browser").is_visible()
    page = with_js(path)
    assert page.get_by_role("button", name="Clear everything this guide saved").is_visible()
    assert not page.get_by_text("this guide saves nothing new in your browser").is_visible()


def test_nothing_marked_for_the_script_shows_without_it_and_the_reverse(no_js, with_js, base_url, content_pages, parse):
    """[data-js] is hidden until guide.js has loaded and [data-nojs] after: on every page that has either."""
    marked = [name.removesuffix("index.html") for name, file in sorted(content_pages.items())
              if parse(file).select("[data-js], [data-nojs]")]
    assert marked, "no page marks what needs the script"
    for path in marked:
        no_js.goto(base_url + path)
        assert all(not el.is_visible() for el in no_js.locator("[data-js]").all()), f"{path}: a control that needs the script shows"
        page = with_js(path)
        open_all_fills(page)  # notes among a worksheet's fields or a quiz's questions too
        assert all(not el.is_visible() for el in page.locator("[data-nojs]").all()), f"{path}: a no-script note shows"


@pytest.mark.parametrize("page_file", plan.quick_exit_pages())
def test_the_exit_button_stays_in_reach_and_no_shift_hint_shows_without_javascript(no_js, with_js, base_url, page_file):
    path = plan.url_path(page_file)
    no_js.goto(base_url + path)
    button = no_js.locator("[data-quick-exit]").first
    no_js.mouse.wheel(0, 3000)
    box, height = button.bounding_box(), no_js.viewport_size["height"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= height, "still on screen after scrolling"
    assert not no_js.locator(".g-quick-exit__hint").is_visible(), "Shift does nothing without the script"
    page = with_js(path)
    assert page.locator(".g-quick-exit__hint").is_visible()
    assert page.locator("[data-quick-exit]").first.evaluate("el => getComputedStyle(el).position") != "fixed", "at the top"
    page.mouse.wheel(0, 1500)
    page.wait_for_function("getComputedStyle(document.querySelector('[data-quick-exit]')).position === 'fixed'")
