"""Worksheets and quizzes show their fields behind one tap ("Fill in this worksheet", "Take this
self-check"): closed, the fields cost a phone no style or layout work. What a reader still gets:
one clear, named control; every field named once open; the fields open by themselves for saved
answers, a link to them, paper and no JavaScript; find-in-page still finds their text.
"""

from __future__ import annotations

import pytest

import project

# Controls a reader can reach, by the roles Chromium's accessibility tree gives them.
CONTROL_ROLES = {"DisclosureTriangle", "button", "textbox", "checkbox", "radio", "switch", "combobox", "slider"}
PAGES = [project.url_path(page) for page in project.pages() if project.calls(page)]
SHEET_PAGE = next(page for page in project.pages() if any(kind == "worksheet" for kind, _ in project.calls(page)))
SHEET_ID = next(item for kind, item in project.calls(SHEET_PAGE) if kind == "worksheet")


def reachable_controls(page) -> list[dict]:
    """(role, name, expanded) of every focusable control in the worksheets and quizzes, as assistive
    technology gets them from Chromium."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.getDocument", {"depth": -1})  # lets DOM.resolveNode find nodes by their backend id
        found = []
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            role = node.get("role", {}).get("value")
            properties = {prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}
            if node.get("ignored") or role not in CONTROL_ROLES or not properties.get("focusable"):
                continue
            found.append({"role": role, "name": (node.get("name") or {}).get("value", ""),
                          "expanded": properties.get("expanded"), "backend": node.get("backendDOMNodeId")})
        return [control for control in found if in_component(cdp, control["backend"])]
    finally:
        cdp.detach()


def in_component(cdp, backend_id) -> bool:
    """Whether a node sits in a worksheet or a quiz (not Material's header, search or footer)."""
    if backend_id is None:
        return False
    remote = cdp.send("DOM.resolveNode", {"backendNodeId": backend_id})["object"]
    result = cdp.send("Runtime.callFunctionOn", {
        "objectId": remote["objectId"], "returnByValue": True,
        "functionDeclaration": "function () { return !!this.closest && !!this.closest('.g-ws, .g-quiz'); }"})
    return result["result"]["value"]


def open_page(page, base_url, path):
    page.goto(base_url + path)
    page.locator("html[data-guide-js]").wait_for(state="attached")


@pytest.mark.parametrize("path", PAGES)
def test_closed_each_component_offers_one_named_control_prints_whole_and_open_every_control_is_named(page, base_url, path):
    open_page(page, base_url, path)
    components = page.locator(".g-ws, .g-quiz").count()
    closed = [control for control in reachable_controls(page) if control["role"] == "DisclosureTriangle"]
    assert len(closed) == components, f"{path}: one control per worksheet or quiz shows its fields"
    assert all(control["name"].strip() and control["expanded"] is False for control in closed), closed
    fields = page.locator(".g-fill :is(input:not([type=file]), textarea)")
    assert fields.count() > 0 and not any(fields.nth(i).is_visible() for i in range(min(fields.count(), 5)))

    # Still closed, on paper: every field and question prints, and the "Fill in" control does not.
    page.emulate_media(media="print")
    hidden = page.locator(".g-fill :is(fieldset, .g-ws__field)").evaluate_all(
        "parts => parts.filter(part => !part.getClientRects().length).length")
    assert hidden == 0, f"{path}: {hidden} fields or questions would not print"
    assert page.locator(".g-fill > summary").evaluate_all("summaries => summaries.every(s => !s.getClientRects().length)")
    page.emulate_media(media="screen")

    for summary in page.locator(".g-fill > summary").all():
        summary.click()
    controls = reachable_controls(page)
    unnamed = [control for control in controls if not control["name"].strip()]
    assert not unnamed, f"{path}: controls without a name: {unnamed}"
    # Every field a reader can type in or pick now has its place in the tree.
    visible = page.locator(".g-fill :is(input:not([type=file]):not([hidden]), textarea):visible").count()
    assert len([control for control in controls if control["role"] != "button" and control["role"] != "DisclosureTriangle"]) >= visible - 1


def test_saved_answers_and_a_link_open_the_fields_and_nothing_else_does(page, base_url):
    path = project.url_path(SHEET_PAGE)
    open_page(page, base_url, path)
    sheet = page.locator(f'section[data-worksheet="{SHEET_ID}"]')
    fill = sheet.locator(".g-fill")
    assert not fill.evaluate("details => details.open"), "closed for a new reader"
    fill.locator(":scope > summary").click()
    sheet.locator("input[type=text], textarea").first.fill("Kept for later")
    page.reload()
    page.locator("html[data-guide-js]").wait_for(state="attached")
    assert fill.evaluate("details => details.open"), "open for a reader with saved answers"

    page.evaluate("localStorage.clear()")
    open_page(page, base_url, "")
    open_page(page, base_url, f"{path}#ws-{SHEET_ID}")
    assert fill.evaluate("details => details.open"), "open for a reader who follows a link to it"


def test_find_in_page_finds_a_prompt_inside_closed_fields(page, base_url):
    open_page(page, base_url, project.url_path(SHEET_PAGE))
    label = page.locator(".g-fill label, .g-fill legend").first.text_content().strip()
    assert page.locator(".g-fill").first.evaluate("details => !details.open")
    assert page.evaluate("text => window.find(text)", label[:40]), f"find-in-page missed {label!r}"


def test_without_javascript_every_field_is_visible(no_js, base_url):
    for path in PAGES:
        no_js.goto(base_url + path)
        parts = no_js.locator(".g-fill :is(fieldset, .g-ws__field)")
        assert parts.count() > 0, path
        assert parts.evaluate_all("parts => parts.every(part => part.getClientRects().length)"), path
        assert no_js.locator(".g-fill > summary").evaluate_all("summaries => summaries.every(s => !s.getClientRects().length)"), path
