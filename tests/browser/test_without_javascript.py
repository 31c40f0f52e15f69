"""With JavaScript turned off, nothing promises what only the script does: no saving claimed, no
dead button, no Shift shortcut, the exit button is always in reach, as the page says, and what the
reader typed prints, as the worksheet suggests."""

from __future__ import annotations

import pytest


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def with_js(page, base_url):
    def open_page(path):
        page.goto(base_url + path)
        page.locator("html[data-guide-js]").wait_for(state="attached")
        return page
    return open_page


def test_a_worksheet_says_answers_are_not_kept_without_javascript(no_js, with_js, base_url):
    no_js.goto(base_url + "take-stock/")
    privacy = no_js.locator(".g-ws-privacy").first
    assert "never sent anywhere" in privacy.inner_text()
    assert "not saved" in privacy.inner_text()
    assert "kept in this browser" not in privacy.inner_text()
    shown = with_js("take-stock/").locator(".g-ws-privacy").first.inner_text()
    assert "kept in this browser" in shown and "not saved" not in shown


def test_typed_answers_print_without_javascript(no_js, base_url):
    """The worksheet says to print the page: the script's print copies are empty, so the boxes print."""
    no_js.goto(base_url + "take-stock/")
    section = no_js.locator(".g-worksheet").first
    section.locator('[data-k="still-good"]').fill("We still laugh at the same things")
    no_js.locator(".g-ws-grid input[type=text]").first.fill("Walks")
    no_js.emulate_media(media="print")
    assert section.locator('[data-k="still-good"]').is_visible()
    assert section.locator('[data-k="still-good"]').input_value() == "We still laugh at the same things"
    assert no_js.locator(".g-ws-grid input[type=text]").first.is_visible()
    assert not section.locator(".g-ws-out").first.is_visible(), "no empty ruled copy beside the box"


def test_the_privacy_page_has_no_dead_button_without_javascript(no_js, with_js, base_url):
    no_js.goto(base_url + "privacy/")
    assert not no_js.get_by_role("button", name="Clear everything this guide saved").is_visible()
    assert no_js.get_by_text("this guide saves nothing new in your browser").is_visible()
    page = with_js("privacy/")
    assert page.get_by_role("button", name="Clear everything this guide saved").is_visible()
    assert not page.get_by_text("this guide saves nothing new in your browser").is_visible()


def test_the_exit_button_stays_in_reach_and_no_shift_hint_shows_without_javascript(no_js, with_js, base_url):
    no_js.goto(base_url + "safety/")
    assert no_js.get_by_text("stays in the corner from the start").is_visible(), "the page says what happens"
    button = no_js.locator("[data-quick-exit]")
    no_js.mouse.wheel(0, 3000)
    box, height = button.bounding_box(), no_js.viewport_size["height"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= height, "still on screen after scrolling"
    assert not no_js.locator(".g-quick-exit__hint").is_visible(), "Shift does nothing without the script"
    page = with_js("safety/")
    assert page.locator(".g-quick-exit__hint").is_visible()
    assert page.locator("[data-quick-exit]").evaluate("el => getComputedStyle(el).position") != "fixed", "at the top"
    page.mouse.wheel(0, 1500)
    page.wait_for_function("getComputedStyle(document.querySelector('[data-quick-exit]')).position === 'fixed'")
