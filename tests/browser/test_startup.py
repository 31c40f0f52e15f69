"""What the guide's script does while a page loads: nothing a selector can see, so a phone pays no
extra restyle on top of Material's own start-up (issue 7, mobile performance). Buttons that need
JavaScript are shown by CSS under Material's "js" class instead."""

from __future__ import annotations

# Records every change inside a worksheet or quiz, and to <html>'s style, from DOMContentLoaded on
# (when Material's document$ runs our set-up); "data-ready" is our own mark and styles nothing.
WATCH = """
window.changes = [];
document.addEventListener("DOMContentLoaded", () => new MutationObserver(records => records.forEach(record => {
  const element = record.target.nodeType === 1 ? record.target : record.target.parentElement;
  if (record.attributeName === "data-ready") return;
  if (element.closest(".g-worksheet, .g-quiz") || (element === document.documentElement && record.attributeName === "style"))
    window.changes.push(`${record.type} ${record.attributeName || ""} on ${element.tagName.toLowerCase()}`);
})).observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true}));
"""


def test_a_first_visit_is_set_up_without_changing_the_page(page, base_url):
    page.add_init_script(WATCH)
    page.goto(base_url + "take-stock/", wait_until="networkidle")
    sections = page.locator(".g-worksheet, .g-quiz")
    assert sections.count() == 3
    assert page.locator(".g-worksheet[data-ready], .g-quiz[data-ready]").count() == 3, "the script set them all up"
    assert page.evaluate("window.changes") == []
    # ... and what needs JavaScript is there, shown by CSS alone.
    assert page.get_by_role("button", name="Print with my answers").first.is_visible()
    assert page.get_by_role("button", name="Check my answers").is_visible()
