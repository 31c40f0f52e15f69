"""Small phones, 320 to 390 CSS pixels wide: nothing makes the page scroll sideways, every scale and
self-check answer fits its box, and the scroll hint shows only on tables that need it."""

from __future__ import annotations

import pytest

import project as plan
from components import open_all_fills, open_fill

WIDTHS = (320, 360, 390)
SHEETS = plan.worksheets()
GRIDS = ("two-column", "table")


def first_scale():
    """(page address, worksheet id, field) of the first scale in reading order."""
    for sheet_id, page in plan.first_use("worksheet").items():
        for field in SHEETS[sheet_id].fields:
            if field.kind == "scale":
                return plan.url_path(page), sheet_id, field
    pytest.skip("no worksheet on a page has a scale")


def first_self_assessment_page() -> str:
    for quiz_id, page in plan.first_use("quiz").items():
        if quiz_id in plan.assessments():
            return plan.url_path(page)
    pytest.skip("no page calls a self-assessment")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_no_page_scrolls_sideways_on_a_small_phone(page, base_url, content_pages):
    """Each page is loaded once on the narrowest phone, then turned to each wider width (as a
    reader turns a phone): the layout is CSS's, so a width reached by resizing lays out as a fresh
    load at it would."""
    wide = []
    for path in sorted(content_pages):
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base_url + path.removesuffix("index.html"))
        page.locator("html[data-guide-js]").wait_for(state="attached")
        for state in ("", " (opened)"):
            if state:  # and with every worksheet's fields and quiz's questions open
                if not page.locator(".g-fill").count():
                    break
                open_all_fills(page)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                if (too_wide := overflow(page)) > 0:
                    wide.append((path + state, width, too_wide))
    assert wide == [], "pages wider than the screen (page, screen width, px too wide)"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_scale_fits_with_boxes_of_24_pixels(page, base_url, width):
    """Every box in view side by side (0 to 10 at most), each at least WCAG 2.2's 24 px target size."""
    path, sheet_id, field = first_scale()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + path)
    open_fill(page.locator(f'section[data-worksheet="{sheet_id}"]').first)  # "Fill in this worksheet"
    row = page.locator(f'section[data-worksheet="{sheet_id}"] .g-ws__boxes[data-k="{field.id}"]').first
    row.scroll_into_view_if_needed()
    boxes = [row.locator("label").nth(i).bounding_box() for i in range(row.locator("label").count())]
    assert len(boxes) == len(field.numbers)
    assert min(box["width"] for box in boxes) >= 24
    assert boxes[-1]["x"] + boxes[-1]["width"] <= width, f"the {field.max} box is on screen"
    assert len({round(box["y"]) for box in boxes}) == 1, f"one row, {field.min} to {field.max}"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_self_check_answer_fits_its_box(page, base_url, width):
    """"Sometimes" once ran across its neighbours on a 320 px screen."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + first_self_assessment_page())
    for quiz in page.locator(".g-quiz--self-assessment").all():
        open_fill(quiz)  # "Take this self-check"
    labels = page.locator(".g-quiz--self-assessment .g-quiz__options label")
    assert labels.count() > 0
    assert all(label.is_visible() for label in labels.all()), "every answer measured as shown"
    # The words, not just the box: at least 2 px clear of each side (it once touched both at 390 px).
    cramped = labels.evaluate_all("""labels => labels.filter(label => {
        const words = document.createRange();
        words.selectNodeContents(label);
        const text = words.getBoundingClientRect(), box = label.getBoundingClientRect();
        return text.left < box.left + 3 || text.right > box.right - 3;
    }).map(label => label.textContent.trim())""")
    assert cramped == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_scroll_hint_shows_only_for_tables_wider_than_the_phone(page, base_url, content_pages, parse, width):
    page.set_viewport_size({"width": width, "height": 800})
    with_tables = [path for path, file in sorted(content_pages.items()) if parse(file).select(".g-ws__scroll")]
    expected = {plan.built(page) for page in plan.pages() for kind, sheet_id in plan.calls(page)
                if kind == "worksheet" and any(field.kind in GRIDS for field in SHEETS[sheet_id].fields)}
    assert set(with_tables) == expected, "every page with a worksheet table, and only those"
    if not with_tables:
        pytest.skip("no worksheet on a page has a table")
    for path in with_tables:
        page.goto(base_url + path.removesuffix("index.html"))
        for section in page.locator(".g-ws:has(.g-ws__scroll)").all():
            open_fill(section)  # "Fill in this worksheet"
        for scroller in page.locator(".g-ws__scroll").all():
            field = scroller.locator("xpath=..")
            hint = field.get_by_text("Scroll sideways to see every column")
            overflows = scroller.evaluate("el => el.scrollWidth > el.clientWidth")
            if overflows:
                assert hint.is_visible(), f"{path}: the table scrolls at {width} px and nothing says so"
            if width == min(WIDTHS):  # the hint says "on a small screen": there, only where needed
                assert hint.count() == (1 if overflows else 0), f"{path}: hint {hint.count()}, overflows: {overflows}"
