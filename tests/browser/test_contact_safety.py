"""What a reader sees and does: the call to action on screen but not on paper, quick exit by button
and by Shift three times (and Back does not return), and the Privacy page's clear button.

Only 127.0.0.1 is ever requested: the quick-exit address is answered by a route inside the browser.
"""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

import project
from components import open_fill

EXIT_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"
GUARDED = [project.url_path(page) for page in project.quick_exit_pages()]
CONTACT = project.url_path(project.one_page_calling("contact_options"))
PRIVACY = project.url_path(project.one_page_calling("clear_data_button"))
SAFETY = project.url_path(project.SAFETY_PAGE)
# A page with a worksheet, and one without a quick exit: for the box, and for leaving by navigation.
WORKSHEET_PAGE = next(page for page in project.pages() if any(kind == "worksheet" for kind, _ in project.calls(page)))
BOXED = next(project.url_path(page) for page in project.pages() if project.box_of(page) and page not in project.quick_exit_pages())


@pytest.fixture(scope="module")
def exit_url() -> str:
    """extra.quick_exit_url (test_contact.py checks the built pages use it)."""
    return project.settings().quick_exit_url


@pytest.fixture
def leaving(context, exit_url):
    """Answer the neutral exit address locally, so the test can tell the reader arrived there."""
    context.route(exit_url, lambda route: route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE))
    return exit_url


def open_page(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_function("typeof document$ !== 'undefined'")


# --- Call to action ---------------------------------------------------------------------------------

def test_the_call_to_action_shows_on_screen_but_not_on_paper(page, base_url, tmp_path):
    open_page(page, base_url, BOXED)
    block = page.locator(".g-cta")
    block.scroll_into_view_if_needed()
    assert block.is_visible()
    title = block.locator("h2").inner_text().strip()
    button = block.locator("a").inner_text().strip()
    heading = page.locator("h1").inner_text().strip().rstrip("¶").strip()

    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    printed = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
    assert heading in printed, "the page itself did not print"
    assert title not in printed and button not in printed
    assert "not therapy" not in printed and "Exit this page" not in printed


def test_the_call_to_action_leads_to_the_contact_page(page, base_url):
    open_page(page, base_url, BOXED)
    page.locator(".g-cta a").click()
    page.wait_for_url(base_url + CONTACT)
    assert page.locator(".g-cta").count() == 0


# --- Quick exit -------------------------------------------------------------------------------------

def test_the_exit_button_leaves_and_back_does_not_return(page, base_url, leaving):
    open_page(page, base_url, "")
    open_page(page, base_url, GUARDED[0])
    page.mouse.wheel(0, 1500)  # far down the page, the button still waits in the corner
    button = page.get_by_role("link", name="Exit this page")
    page.wait_for_function("getComputedStyle(document.querySelector('[data-quick-exit]')).position == 'fixed'")
    box = button.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]
    button.click()
    page.wait_for_url(leaving)
    assert page.title() == "Weather"
    page.go_back(wait_until="load")
    assert page.url == base_url, "Back must skip the page the reader fled"


def test_shift_three_times_leaves_and_back_does_not_return(page, base_url, leaving):
    open_page(page, base_url, "")
    open_page(page, base_url, GUARDED[-1])
    page.mouse.wheel(0, 1500)  # the button now floats in the corner; the shortcut still works
    page.wait_for_function("getComputedStyle(document.querySelector('[data-quick-exit]')).position == 'fixed'")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(leaving)
    page.go_back(wait_until="load")
    assert page.url == base_url


def test_the_exit_button_is_first_after_the_skip_link(page, base_url):
    open_page(page, base_url, GUARDED[0])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    assert page.locator("[data-quick-exit]").is_visible()


def assert_still_on(page, url: str) -> None:
    """Quick exit hides the page in the same key or click handler that starts leaving, and a key
    press returns once its handlers have run: a hidden body or a new address means it left."""
    assert page.evaluate("document.body.style.display") != "none" and page.url == url


def test_typing_capitals_or_pages_without_the_control_do_not_exit(page, base_url, leaving):
    open_page(page, base_url, GUARDED[0])
    for _ in range(3):
        page.keyboard.press("Shift+A")  # Shift used for a capital letter
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # any other key starts the count again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_still_on(page, base_url + GUARDED[0])

    # Instant navigation to a page without the control: the shortcut is off there.
    page.locator(f".g-footer-note a[href$='{PRIVACY}']").click()
    page.wait_for_url(base_url + PRIVACY)
    assert page.locator(".md-banner").count() == 0
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_still_on(page, base_url + PRIVACY)


# --- Reading on a phone -----------------------------------------------------------------------------

def test_phones_show_the_exit_button_but_not_the_shift_hint(page, base_url, phone):
    open_page(page, base_url, GUARDED[0])
    assert page.locator(".g-quick-exit__hint").is_visible(), "a desktop reader learns the Shift shortcut"
    mobile = phone(GUARDED[0], base_url)
    assert mobile.evaluate("matchMedia('(hover: none) and (pointer: coarse)').matches")
    assert mobile.locator("[data-quick-exit]").is_visible()
    assert not mobile.locator(".g-quick-exit__hint").is_visible()


DANGER_BOX = next((project.url_path(page) for page in project.pages() if "!!! danger" in project.source(page)), None)


@pytest.mark.skipif(DANGER_BOX is None, reason="no page has a danger box")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_if_you_feel_afraid_box_reads_at_body_size(phone, base_url, scheme):
    mobile = phone(DANGER_BOX, base_url, scheme)
    sizes = mobile.evaluate("""() => {
        const size = (el) => parseFloat(getComputedStyle(el).fontSize);
        return [size(document.querySelector('.admonition.danger p:not(.admonition-title)')),
                size(document.querySelector('.admonition.danger ~ p'))];
    }""")
    assert sizes[0] == sizes[1] >= 16, f"safety text {sizes[0]}px, body text {sizes[1]}px"


def test_no_heading_gets_an_empty_line_from_its_hidden_permalink_on_a_phone(phone, base_url):
    mobile = phone("", base_url)
    wrapped = {}
    for path in (project.url_path(page) for page in project.pages()):
        open_page(mobile, base_url, path)
        wrapped[path] = mobile.evaluate("""() => [...document.querySelectorAll('article :is(h2, h3)')].filter((h) => {
            const link = h.querySelector('.headerlink');
            if (!link || !h.firstChild.textContent.trim()) return false;
            const text = document.createRange();
            text.setStart(h.firstChild, 0); text.setEndAfter(link.previousSibling || h.firstChild);
            const lines = [...text.getClientRects()].map((r) => r.bottom);
            return link.getBoundingClientRect().top >= Math.max(...lines) - 2;
        }).map((h) => h.textContent)""")
    wrapped = {path: headings for path, headings in wrapped.items() if headings}
    assert wrapped == {}, f"the permalink sits on a line of its own under these headings: {wrapped}"


def test_on_a_phone_the_floating_exit_button_leaves_the_footer_links_free(phone, base_url, content_pages, parse):
    """Scrolled to the end, the floating button once sat on the footer's About link."""
    guarded = [name.removesuffix("index.html") for name, path in content_pages.items()
               if parse(path).select_one(".md-banner [data-quick-exit]")]
    assert len(guarded) >= 2
    for path in guarded:
        mobile = phone(path, base_url)
        mobile.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        button = mobile.locator(".md-banner [data-quick-exit]")
        expect(button).to_have_css("position", "fixed")  # scrolled: it floats in the corner
        covered = mobile.locator(".g-footer-note a").evaluate_all("""links => links.filter(link => {
            const box = link.getBoundingClientRect();
            return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) !== link;
        }).map(link => link.textContent)""")
        assert covered == [], f"{path}: the exit button covers {covered}"


# --- Privacy ----------------------------------------------------------------------------------------

def test_search_words_stay_out_of_addresses_and_history(page, base_url):
    """Material's search.highlight would send a reader to `page/?h=abuse+helpline`: the words they
    searched for, kept in the browser's history for anyone who opens it."""
    open_page(page, base_url, "")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("abuse helpline", delay=30)
    results = page.locator(".md-search-result__link")
    results.first.wait_for()
    addresses = results.evaluate_all("links => links.map(link => link.href)")
    assert [address for address in addresses if "?" in address] == []
    page.locator("input.md-search__input").press("Enter")  # opens the first result
    page.wait_for_url(lambda url: url != base_url)
    assert "?" not in page.url and "helpline" not in page.url.lower()


def test_the_clear_button_asks_first_then_forgets_this_guide_and_nothing_else(page, base_url):
    open_page(page, base_url, PRIVACY)
    page.evaluate("""() => {
        guideStore.write("ws:a-sheet", {"v": "1", "a": {"now": "We argue about money"}});
        guideStore.write("quiz:a-check", [{"score": 2, "of": 3, "date": "2026-11-01"}]);
        localStorage.setItem("another-app", "keep me");
        localStorage.setItem("guide:/another-guide/:ws:a-sheet", "keep me too");
        localStorage.setItem("guide:/another-guide/:nosave", "true");
    }""")
    assert len(page.evaluate("guideStore.names()")) == 2
    button = page.get_by_role("button", name="Clear everything this guide saved")

    page.once("dialog", lambda dialog: dialog.dismiss())  # the reader says no
    button.click()
    assert page.get_by_role("status").inner_text() == "Nothing was deleted."
    assert len(page.evaluate("guideStore.names()")) == 2

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    button.click()
    assert questions and "cannot be undone" in questions[0]
    assert "nothing from this guide" in page.get_by_role("status").inner_text()
    assert page.evaluate("guideStore.names()") == []
    assert page.evaluate("localStorage.getItem('another-app')") == "keep me"
    assert page.evaluate("localStorage.getItem('guide:/another-guide/:ws:a-sheet')") == "keep me too"
    assert page.evaluate("localStorage.getItem('guide:/another-guide/:nosave')") == "true"
    assert page.watch.console_errors == []


def test_clear_everything_keeps_the_choice_not_to_save(page, base_url):
    """A reader turned on "Don't save on this device", then clears everything here: their answers and
    results go, but the choice stays, so back on a worksheet nothing is saved silently."""
    open_page(page, base_url, project.url_path(WORKSHEET_PAGE))
    section = page.locator("section.g-ws").first
    section.locator("xpath=self::*[@data-ready]").wait_for()
    open_fill(section)  # "Fill in this worksheet": the fold with the switch is at its end
    section.locator("details.g-ws__more summary").click()
    section.get_by_role("switch", name="Don't save anything on this device").check()
    open_page(page, base_url, PRIVACY)
    page.evaluate("""() => {  // kept earlier, say in another tab before the switch was on
        localStorage.setItem(`guide:${__md_scope.pathname}:ws:a-sheet`, JSON.stringify({"v": "1", "a": {"more": "Walks"}}));
    }""")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything this guide saved").click()
    assert page.get_by_role("status").inner_text() == (
        "Done. Your answers and results are gone from this browser; your choice not to save stays.")
    assert page.evaluate("guideStore.names()") == [] and page.evaluate("guideStore.saving()") is False

    open_page(page, base_url, project.url_path(WORKSHEET_PAGE))
    section.locator("xpath=self::*[@data-ready]").wait_for()
    open_fill(section)
    section.locator("details.g-ws__more summary").click()
    assert section.get_by_role("switch", name="Don't save anything on this device").is_checked()
    section.locator("input[type=text], textarea").first.fill("Not kept")
    assert page.evaluate("guideStore.names()") == []
    assert page.watch.console_errors == []
