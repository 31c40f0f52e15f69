"""What the guide's script does while a page loads: one attribute on <html> (data-guide-js, which
shows the tools that need it and restyles only those), nothing else a selector can see, so a phone
pays no extra restyle on top of Material's own start-up (issue 7, mobile performance)."""

from __future__ import annotations

import pytest

import project as plan
from components import open_fill
from paper import flat, print_pdf

# Records every change inside a worksheet or quiz, and to <html>'s style, from DOMContentLoaded on
# (when Material's document$ runs our set-up); "data-ready" is our own mark and styles nothing.
WATCH = """
window.changes = [];
document.addEventListener("DOMContentLoaded", () => new MutationObserver(records => records.forEach(record => {
  const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
  if (record.attributeName === "data-ready") return;
  if (element.closest(".g-ws, .g-quiz") || (element === document.documentElement && record.attributeName === "style"))
    window.changes.push(`${record.type} ${record.attributeName || ""} on ${element.tagName.toLowerCase()}`);
})).observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true}));
"""


def busiest_page() -> str:
    """The first page, in reading order, with a worksheet and a knowledge check (the heaviest kind of page)."""
    checks = plan.knowledge_checks()
    for page in plan.pages():
        calls = plan.calls(page)
        if any(kind == "worksheet" for kind, _ in calls) and any(kind == "quiz" and i in checks for kind, i in calls):
            return page
    pytest.skip("no page has both a worksheet and a knowledge check")


def test_a_first_visit_is_set_up_without_changing_the_page(page, base_url):
    page_file = busiest_page()
    page.add_init_script(WATCH)
    page.goto(base_url + plan.url_path(page_file))
    sections = page.locator(".g-ws, .g-quiz")
    assert sections.count() == len(plan.calls(page_file))
    assert page.locator(".g-ws[data-ready], .g-quiz[data-ready]").count() == sections.count(), \
        "the script set them all up"
    assert page.evaluate("window.changes") == [], "nothing changed, not even a fold opened"
    # ... and what needs JavaScript is there, shown by CSS once the script has loaded.
    assert page.evaluate("document.documentElement.hasAttribute('data-guide-js')")
    assert page.get_by_role("button", name="Print with my answers").first.is_visible()
    quiz = page.locator(".g-quiz").first
    open_fill(quiz)  # its questions wait under "Answer the questions"
    assert quiz.get_by_role("button", name="Check my answers").is_visible()


def test_if_the_script_does_not_load_the_page_stays_usable_by_hand(page, base_url):
    """Material's script may run while ours fails (a dropped request on a phone): then no dead
    buttons, and the quiz keeps its answers and the worksheet its blank form."""
    page.route("**/guide.*.js", lambda route: route.abort())
    page.goto(base_url + plan.url_path(busiest_page()))
    assert "js" in page.evaluate("document.documentElement.classList.value").split(), "Material's script ran"
    # The folds still open by hand (a browser's own <details>, no script needed).
    open_fill(page.locator(".g-quiz").first)
    open_fill(page.locator(".g-ws:has(textarea)").first)
    assert not page.get_by_role("button", name="Check my answers").first.is_visible()
    assert not page.get_by_role("button", name="Print with my answers").first.is_visible()
    assert page.locator(".g-quiz summary", has_text="Answers and why").first.is_visible()
    assert page.locator(".g-ws textarea").first.is_visible()


def test_the_script_adds_no_class_to_the_html_element(page, base_url):
    """Material's CSS has `:not([class])` rules, so any class change on <html> restyles every element
    of the page (50 ms on a phone for a worksheet page, traced): our mark is an attribute instead."""
    path = plan.url_path(busiest_page())
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.hasAttribute('data-guide-js')"), "the script ran"
    with_script = page.evaluate("document.documentElement.className")
    page.route("**/guide.*.js", lambda route: route.abort())
    page.goto(base_url + path)
    assert not page.evaluate("document.documentElement.hasAttribute('data-guide-js')"), "the script was blocked"
    assert page.evaluate("document.documentElement.className") == with_script


def test_if_the_script_does_not_load_every_printed_sheet_still_names_the_site_and_page(page, base_url, tmp_path):
    """The foot of every sheet comes with the page itself (main.html), and the worksheets print open,
    whether or not Material's own script ran and ours did not."""
    page.route("**/guide.*.js", lambda route: route.abort())
    page.goto(base_url + plan.url_path(busiest_page()))
    assert not page.evaluate("document.documentElement.hasAttribute('data-guide-js')"), "the script was blocked"
    foot = f"{plan.config()['site_name']} · {page.locator('link[rel=canonical]').get_attribute('href')}"
    sheets = print_pdf(page, tmp_path / "page.pdf", "A4")
    unnamed = [number for number, sheet in enumerate(sheets, 1) if flat(foot) not in flat(sheet)]
    assert unnamed == [], f"sheet(s) {unnamed} of {len(sheets)} print without {foot!r}"
    first = next(item for kind, item in plan.calls(busiest_page()) if kind == "worksheet")
    assert flat(plan.worksheets()[first].fields[0].label) in flat("\n".join(sheets)), "the form prints, though folded on screen"
