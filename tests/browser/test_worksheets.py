"""Worksheets in Chromium: answers save as you type and come back, clear, export and import, refuse
damaged data without losing anything, stop saving on request, and print blank or with answers."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from sitebuild import ROOT

CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
SHEET = "take-stock"
TYPED = {"first-step": "Walk together after dinner", "still-good": "We still laugh at the same jokes.\nSunday breakfasts."}


def open_sheet(page, base_url, path="take-stock/", sheet=SHEET):
    page.goto(base_url + path)
    if path == "workbook/":  # the workbook brings the worksheets from their pages when asked
        page.get_by_role("button", name="Show every worksheet here").click()
    section = page.locator(f'section.g-worksheet[data-worksheet="{sheet}"]')
    wait_until_ready(section)
    return section


def wait_until_ready(section):
    """guide.js marks a worksheet it has set up (its buttons show a moment earlier, with data-guide-js on <html>)."""
    section.locator("xpath=self::*[@data-ready]").wait_for()


def fill_some(section):
    for key, value in TYPED.items():
        section.locator(f'[data-k="{key}"]').fill(value)
    section.locator('[data-k="weighing-on-me.2"]').check()
    section.locator('[data-k="relationship-now"] label:has(> [value="7"])').click()


def assert_filled(section):
    for key, value in TYPED.items():
        assert section.locator(f'[data-k="{key}"]').input_value() == value
    assert section.locator('[data-k="weighing-on-me.2"]').is_checked()
    assert not section.locator('[data-k="weighing-on-me.1"]').is_checked()
    assert section.locator('[data-k="relationship-now"] [value="7"]').is_checked()


def assert_empty(section):
    for key in TYPED:
        assert section.locator(f'[data-k="{key}"]').input_value() == ""
    assert not section.locator('[data-k="weighing-on-me.2"]').is_checked()
    assert section.locator('[data-k="relationship-now"] :checked').count() == 0


def stored(page, name=f"ws:{SHEET}"):
    """What the site keeps in this browser under `name` (None when nothing)."""
    return page.evaluate("name => { try { return guideStore.read(name, null) } catch (e) { return 'damaged' } }", name)


def status(section) -> str:
    """Messages: the top live region (restore problems) and the one in the fold (what its buttons did)."""
    return " ".join(section.locator('[role="status"]').all_inner_texts())


def fold(section):
    """Open "Save, move or clear answers", where don't-save, export, import and clear live."""
    details = section.locator("details.g-ws-more")
    if not details.evaluate("el => el.open"):
        details.locator("summary").click()
    return section


FOLD_STATUS = "document.querySelector('[data-worksheet=take-stock] .g-ws-more [role=status]').textContent !== ''"


def accept_next_dialog(page, accept=True):
    page.once("dialog", lambda dialog: dialog.accept() if accept else dialog.dismiss())


def test_answers_save_as_you_type_and_come_back_after_a_reload(page, base_url):
    section = open_sheet(page, base_url)
    fill_some(section)
    record = stored(page)
    assert record["v"] == section.get_attribute("data-version")
    assert record["a"]["first-step"] == TYPED["first-step"]
    page.reload()
    assert_filled(open_sheet(page, base_url))
    assert page.watch.console_errors == []


def serve_sitemap_for(page, base_url):
    """Material only navigates instantly to addresses in sitemap.xml, which holds the published
    site_url; rewrite it to this test server, as the published site's own sitemap would be."""
    def rewrite(route):
        body = route.fetch().text()
        home = min(re.findall(r"<loc>([^<]+)</loc>", body), key=len)
        route.fulfill(body=body.replace(home, base_url), content_type="application/xml")
    page.route("**/sitemap.xml", rewrite)


def test_answers_come_back_after_instant_navigation(page, base_url):
    serve_sitemap_for(page, base_url)
    section = open_sheet(page, base_url)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    fill_some(section)
    page.evaluate("window.stillTheSamePage = true")
    page.locator(".md-nav__link", has_text="Decide honestly").first.click()
    page.wait_for_url(re.compile(r"decide-honestly/$"))
    wait_until_ready(page.locator('section[data-worksheet="honest-decision"]'))
    page.locator(".md-nav__link", has_text="Take stock").first.click()
    page.wait_for_url(re.compile(r"take-stock/$"))
    section = page.locator(f'section.g-worksheet[data-worksheet="{SHEET}"]')
    wait_until_ready(section)
    assert page.evaluate("window.stillTheSamePage === true"), "the links did not use instant navigation"
    assert_filled(section)
    assert page.watch.console_errors == []


def test_clear_asks_first_then_removes_the_answers(page, base_url):
    section = open_sheet(page, base_url)
    fill_some(section)
    accept_next_dialog(page, accept=False)
    fold(section).locator('[data-act="clear"]').click()
    assert_filled(section)
    accept_next_dialog(page)
    section.locator('[data-act="clear"]').click()
    assert_empty(section)
    assert stored(page) is None
    assert "cleared" in status(section)
    page.reload()
    assert_empty(open_sheet(page, base_url))


def test_export_then_import_in_a_fresh_browser_restores_the_answers(page, base_url, browser, tmp_path):
    fill_some(open_sheet(page, base_url))
    more = open_sheet(page, base_url, sheet="more-or-less")
    more.locator('[data-k="relationship.1.1"]').fill("Evenings out")
    with page.expect_download() as download:
        fold(more).locator('[data-act="export"]').click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert set(exported["worksheets"]) == {SHEET, "more-or-less"}

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        section = open_sheet(other, base_url)
        assert_empty(section)
        with other.expect_file_chooser() as chooser:
            fold(section).locator('[data-act="import"]').click()
        chooser.value.set_files(str(path))
        other.wait_for_function(FOLD_STATUS)
        assert "Imported answers for 2 worksheet(s)" in status(section)
        assert_filled(section)
        assert open_sheet(other, base_url, sheet="more-or-less").locator('[data-k="relationship.1.1"]').input_value() == "Evenings out"
        other.reload()
        assert_filled(open_sheet(other, base_url))
    finally:
        fresh.close()


@pytest.mark.parametrize("content", [
    "this is not JSON {",
    json.dumps({"format": "guide-worksheets", "version": 1, "worksheets": {"take-stock": {"v": "x", "a": {"q": 3}}}}),
    json.dumps({"something": "else"}),
    "",
])
def test_a_damaged_import_is_refused_with_a_message_and_nothing_is_lost(page, base_url, tmp_path, content):
    section = open_sheet(page, base_url)
    fill_some(section)
    before = stored(page)
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        fold(section).locator('[data-act="import"]').click()
    chooser.value.set_files(str(path))
    page.wait_for_function(FOLD_STATUS)
    assert "could not be imported" in status(section) and "Nothing was changed" in status(section)
    assert_filled(section)
    assert stored(page) == before
    assert page.watch.console_errors == []


def write_raw(page, name, raw):
    page.evaluate("([name, raw]) => localStorage.setItem('guide:' + __md_scope.pathname + ':' + name, raw)", [name, raw])


def test_damaged_saved_answers_give_a_message_not_a_crash(page, base_url):
    open_sheet(page, base_url)
    write_raw(page, f"ws:{SHEET}", "{damaged")
    page.reload()
    section = open_sheet(page, base_url)
    assert "could not be read" in status(section)
    assert_empty(section)
    section.locator('[data-k="first-step"]').fill("Still works")
    assert stored(page)["a"] == {"first-step": "Still works"}
    assert page.watch.console_errors == []


def test_answers_saved_for_an_older_layout_are_not_filled_into_the_wrong_fields(page, base_url):
    open_sheet(page, base_url)
    write_raw(page, f"ws:{SHEET}", json.dumps({"v": "older", "a": {"first-step": "Old answer"}}))
    page.reload()
    section = open_sheet(page, base_url)
    assert "has changed" in status(section)
    assert section.locator('[data-k="first-step"]').input_value() == ""
    assert stored(page)["a"] == {"first-step": "Old answer"}, "kept until the reader types"


def test_dont_save_removes_saved_answers_and_stops_saving(page, base_url):
    section = open_sheet(page, base_url)
    fill_some(section)
    switch = fold(section).get_by_role("switch", name="Don't save on this device")
    # It acts at once (a shared device: no question to answer first), so it says so before it is used.
    expect(switch).to_have_accessible_description(re.compile("deletes, straight away, the worksheet answers and quiz "
                                                             "results this guide saved on every page"))
    switch.check()
    assert "Saved answers and quiz results removed" in status(section)
    assert page.evaluate("guideStore.names('ws:')") == []
    assert stored(page, "nosave") is True
    assert_filled(section), "what is on screen stays"
    section.locator('[data-k="first-step"]').fill("Not kept")
    assert page.evaluate("guideStore.names('ws:')") == []
    page.reload()
    section = open_sheet(page, base_url)
    assert_empty(section)
    assert fold(section).get_by_role("switch").is_checked()
    section.get_by_role("switch").uncheck()
    section.locator('[data-k="first-step"]').fill("Kept again")
    assert stored(page)["a"] == {"first-step": "Kept again"}


def test_without_javascript_the_worksheet_is_a_blank_form_without_buttons(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "take-stock/")
        section = page.locator(f'section[data-worksheet="{SHEET}"]')
        assert section.locator('[data-k="first-step"]').is_visible()
        assert section.locator("text=Your answers stay on this device").is_visible()
        assert not section.locator('[data-act="print"]').is_visible()
        page.emulate_media(media="print")
        assert section.locator(".g-ws-foot").is_visible(), "the footer line prints under the worksheet"
    finally:
        context.close()


def test_the_workbook_offers_its_buttons_only_with_javascript_and_says_why(browser, page, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(base_url + "workbook/")
        assert not plain.get_by_role("button", name="Print the workbook blank").is_visible()
        assert plain.get_by_text("needs JavaScript").is_visible()
    finally:
        context.close()
    page.goto(base_url + "workbook/")
    assert page.get_by_role("button", name="Print the workbook blank").is_visible()
    assert not page.get_by_text("needs JavaScript").is_visible()


# ---------------------------------------------------------------------------
# Paper
# ---------------------------------------------------------------------------

def pdf_text(page, tmp_path, paper) -> list[str]:
    """Print the page (print media) to PDF and return the text of each printed page."""
    path = tmp_path / f"{paper}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(path), format=paper)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def press(section, page, act):
    """Click a print button; window.print is stubbed so the page stays in its print mode."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    section.locator(f'[data-act="{act}"]').click()
    assert page.evaluate("window.printed") == 1


def chrome_words():
    """Text that belongs to the site's frame, not the page: it must not print."""
    nav = [next(iter(item)) for item in CONFIG["nav"]]
    return [*nav, "Search", "Print blank", "Export all worksheets to a file", "Save, move or clear answers", "Skip to content", CONFIG["extra"]["cta"]["title"]]


def assert_no_chrome(pages, keep=()):
    text = "\n".join(pages)
    for words in chrome_words():
        if words not in keep:
            assert not re.search(rf"(?m)^\s*{re.escape(words)}\s*$", text), f"{words!r} printed"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_with_answers_shows_what_was_typed_and_only_this_worksheet(page, base_url, tmp_path, paper):
    section = open_sheet(page, base_url)
    fill_some(section)
    press(section, page, "print")
    page.emulate_media(media="print")
    ticked = section.locator('[data-k="weighing-on-me.2"]')
    assert ticked.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(0, 0, 0)", "a ticked box prints filled"
    chosen = section.locator('[data-k="relationship-now"] :checked + span')
    assert chosen.evaluate("el => getComputedStyle(el).borderTopWidth") == "3px", "the chosen number prints ringed"
    pages = [p for p in pdf_text(page, tmp_path, paper) if p.strip()]
    text = "\n".join(pages)
    assert "Walk together after dinner" in text
    assert "We still laugh at the same jokes." in text and "Sunday breakfasts." in text, "long answers print in full"
    assert "Take stock" in pages[0].split("\n", 3)[0] + pages[0], "the worksheet is first"
    assert "Look at both parts of your life" not in text, "the rest of the page is left out"
    assert "Your answers stay on this device" not in text
    assert_no_chrome(pages, keep=("Take stock",))
    assert re.search(r"Save Your Relationship · http://127\.0\.0\.1:\d+/guide/take-stock/", pages[-1]), "footer line"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_blank_leaves_out_what_was_typed(page, base_url, tmp_path, paper):
    section = open_sheet(page, base_url)
    fill_some(section)
    press(section, page, "blank")
    page.emulate_media(media="print")
    # The ticked box and the chosen number print unmarked.
    ticked = section.locator('[data-k="weighing-on-me.2"]')
    assert ticked.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    chosen = section.locator('[data-k="relationship-now"] :checked + span')
    assert chosen.evaluate("el => getComputedStyle(el).borderTopWidth") == "1px"
    text = "\n".join(pdf_text(page, tmp_path, paper))
    assert "Walk together after dinner" not in text and "Sunday breakfasts" not in text
    assert "What is still good between the two of you?" in text
    assert_no_chrome(text.split("\f"), keep=("Take stock",))


def test_printing_the_whole_page_starts_each_worksheet_on_a_new_page(page, base_url, tmp_path):
    open_sheet(page, base_url, "workbook/")
    pages = pdf_text(page, tmp_path, "A4")
    firsts = [next((line.strip() for line in p.splitlines() if line.strip()), "") for p in pages]
    for title in ("Take stock", "More of, less of", "Weekly agreements tracker", "Appreciation log"):
        assert title in firsts, f"{title!r} does not start a page"
    assert_no_chrome(pages, keep=("Take stock", "Workbook"))


def test_empty_fields_print_as_ruled_lines_as_many_as_the_data_says(page, base_url):
    section = open_sheet(page, base_url)
    page.emulate_media(media="print")
    long_answer = section.locator('[data-k="still-good"]')
    assert not long_answer.is_visible(), "the text box itself does not print"
    paper = section.locator('[data-k="still-good"] + .g-ws-out')
    style = paper.evaluate("el => { const s = getComputedStyle(el); return {display: s.display, image: s.backgroundImage, "
                           "height: el.getBoundingClientRect().height, font: parseFloat(s.fontSize)} }")
    lines = int(long_answer.get_attribute("rows"))
    assert style["display"] == "block" and "linear-gradient" in style["image"]
    assert style["height"] == pytest.approx(lines * 1.8 * style["font"], abs=2), "one ruled line (1.8em) per line of data"
    box = section.locator('[data-k="weighing-on-me.1"]')
    assert box.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid", "checkboxes print as boxes"
    numbers = section.locator('.g-ws-boxes span')
    assert numbers.count() == 22 and numbers.first.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


def test_export_with_no_answers_says_so_instead_of_saving_an_empty_file(page, base_url):
    section = open_sheet(page, base_url)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    fold(section).locator('[data-act="export"]').click()
    assert "no answers to export" in status(section)
    assert downloads == []


def workbook_links(page) -> int:
    """How many worksheets the workbook page links to (one `#ws-` link each)."""
    return len(set(page.eval_on_selector_all(".md-content a[href*='#ws-']", "links => links.map(a => a.href)")))


def test_the_workbook_prints_as_one_blank_booklet_on_request(page, base_url, tmp_path):
    section = open_sheet(page, base_url, "actions-not-words/", sheet="weekly-agreements")
    section.locator('[data-k="agreements.1.1"]').fill("Phones away at dinner")
    page.goto(base_url + "workbook/")
    assert page.locator(".g-worksheet").count() == 0, "the workbook itself is a light page of links"
    page.evaluate("() => { window.print = () => { window.printed = true } }")
    page.get_by_role("button", name="Print the workbook blank").click()
    page.wait_for_function("window.printed === true")
    listed = workbook_links(page)
    assert page.locator(".g-workbook-sheets .g-worksheet[data-ready]").count() == listed
    assert f"All {listed} worksheets are now on this page" in page.locator(".g-ws-all [role=status]").text_content()
    # Brought in with the reader's saved answers, which print only when asked for.
    assert page.locator('[data-k="agreements.1.1"]').input_value() == "Phones away at dinner"
    pages = pdf_text(page, tmp_path, "Letter")
    text = "\n".join(pages)
    assert "Phones away at dinner" not in text
    assert "Print the workbook" not in text, "buttons do not print"
    for title in ("Contents", "Take stock", "Plan the talk", "Weekly agreements tracker", "Appreciation log"):
        assert title in text
    assert_no_chrome(pages, keep=("Take stock", "Workbook"))


# ---------------------------------------------------------------------------
# Review findings: calm toolbar, touch targets, the week on a phone, paper layout
# ---------------------------------------------------------------------------

def boxes(page, selector):
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].filter(el => el.offsetParent)
        .map(el => { const r = el.getBoundingClientRect(); return [el.outerHTML.slice(0, 60), r.width, r.height] })""", selector)


def test_only_the_print_buttons_show_until_the_reader_opens_the_other_tools(page, base_url):
    section = open_sheet(page, base_url)
    visible = [b.get_attribute("data-act") for b in section.locator("button").all() if b.is_visible()]
    assert visible == ["print", "blank"]
    assert section.locator("summary", has_text="Save, move or clear answers").is_visible()
    fold(section)
    visible = [b.get_attribute("data-act") for b in section.locator("button").all() if b.is_visible()]
    assert visible == ["print", "blank", "export", "import", "clear"]
    assert section.get_by_role("switch", name="Don't save on this device").is_visible()


@pytest.mark.parametrize("path", ["take-stock/", "actions-not-words/", "workbook/"])
def test_every_worksheet_control_is_at_least_24_css_pixels_on_a_phone(page, base_url, path):
    """WCAG 2.2 AA 2.5.8 target size (minimum)."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_sheet(page, base_url, path, sheet="weekly-agreements" if path.startswith("actions") else SHEET)
    page.evaluate("document.querySelectorAll('details.g-ws-more').forEach(d => d.open = true)")
    selector = ", ".join([
        ".g-ws-checklist label", ".g-worksheet input[type=checkbox]", ".g-ws-boxes label", ".g-worksheet button",
        ".g-ws-more summary", ".g-ws-switch", "[data-print-all]",
    ])
    measured = boxes(page, selector)
    assert measured, "nothing measured"
    small = [(html, round(w, 1), round(h, 1)) for html, w, h in measured if w < 24 or h < 24]
    assert small == []


def test_the_week_of_agreements_is_usable_on_a_phone(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    section = open_sheet(page, base_url, "actions-not-words/", sheet="weekly-agreements")
    assert section.get_by_text("Scroll sideways to see every column").is_visible()
    scroller = section.locator(".g-ws-scroll")
    agreed = section.locator('[data-k="agreements.1.1"]')
    assert agreed.bounding_box()["width"] >= 140, "room to write the agreement"
    sunday = section.locator('[data-k="agreements.1.9"]')
    scroller.evaluate("el => el.scrollLeft = el.scrollWidth")
    view, box = scroller.bounding_box(), sunday.bounding_box()
    assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"] + 1, "Sunday can be reached"
    first = agreed.bounding_box()
    assert view["x"] - 1 <= first["x"] < view["x"] + 10, "the agreement stays in view while the days scroll"
    sunday.check()
    page.reload()
    assert open_sheet(page, base_url, "actions-not-words/", sheet="weekly-agreements").locator('[data-k="agreements.1.9"]').is_checked()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not section.get_by_text("Scroll sideways to see every column").is_visible(), "no cue where the table fits"


def test_a_try_it_heading_starts_the_page_of_its_worksheet(page, base_url, tmp_path):
    open_sheet(page, base_url)
    for paper in ("A4", "Letter"):
        for printed in pdf_text(page, tmp_path, paper):
            lines = [line.strip() for line in printed.splitlines() if line.strip()]
            for index, line in enumerate(lines):
                if line.startswith("Try it:"):
                    assert index == 0, f"{paper}: {line!r} is not at the top of its page"
                    assert len(lines) > 3, f"{paper}: {line!r} printed alone"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(("path", "sheet"), [("bring-your-partner-in/", "plan-the-talk"),
                                             ("celebrate-progress/", "appreciation-log"),
                                             ("actions-not-words/", "weekly-agreements")])
def test_a_one_sheet_worksheet_prints_on_one_page(page, base_url, tmp_path, path, sheet, paper):
    section = open_sheet(page, base_url, path, sheet=sheet)
    press(section, page, "blank")
    pages = pdf_text(page, tmp_path, paper)
    assert len(pages) - (pages[-1].strip() == "") == 1, f"{sheet} takes {len(pages)} pages on {paper}"


def test_the_workbook_says_so_when_the_worksheets_cannot_be_fetched(page, base_url):
    page.route("**/outside-help/", lambda route: route.abort())
    page.goto(base_url + "workbook/")
    page.get_by_role("button", name="Show every worksheet here").click()
    status = page.locator(".g-ws-all [role=status]")
    page.wait_for_function("document.querySelector('.g-ws-all [role=status]').textContent.includes('could not')")
    assert "Check your connection, then try again" in status.text_content()
    assert page.locator(".g-workbook-sheets .g-worksheet").count() == 0, "no half-built booklet"


def test_a_second_click_while_fetching_brings_each_worksheet_once(page, base_url):
    page.goto(base_url + "workbook/")
    show = page.get_by_role("button", name="Show every worksheet here")
    show.click()
    show.click()
    page.wait_for_function("document.querySelector('.g-ws-all [role=status]').textContent.startsWith('All ')")
    page.wait_for_load_state("networkidle")  # a second round of fetches would have landed by now
    assert page.locator(".g-workbook-sheets .g-worksheet").count() == workbook_links(page)


def test_the_printed_page_address_follows_the_reader_to_a_page_without_worksheets(page, base_url):
    open_sheet(page, base_url)
    # Set as printing starts (the browser's beforeprint event), not while the page loads.
    foot = "getComputedStyle(document.documentElement).getPropertyValue('--g-foot')"
    assert page.evaluate(foot) == ""
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert "/take-stock/" in page.evaluate(foot)
    page.locator(".md-nav__link", has_text="About").first.click()  # instant navigation: no reload
    page.wait_for_url("**/about/")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(foot) == ""


def test_a_workbook_link_lands_on_its_worksheet_on_a_phone(page, base_url):
    """The workbook's list links to each worksheet on its page: on a phone, a link to a page's second
    worksheet lands on it, title in view below the header, ready to fill in."""
    page.set_viewport_size({"width": 390, "height": 844})
    serve_sitemap_for(page, base_url)
    page.goto(base_url + "workbook/")
    page.evaluate("window.sameDocument = true")  # gone if the link reloaded the page
    page.locator(".md-content a[href$='take-stock/#ws-more-or-less']").click()
    page.wait_for_url("**/take-stock/#ws-more-or-less")
    section = page.locator("#ws-more-or-less")
    wait_until_ready(section)
    title = section.locator(".g-ws-title")
    box = title.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["height"] <= box["y"] < 844 / 3, "the worksheet's title is near the top, below the header"
    drawn = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('.g-ws-title')?.textContent",
                          [box["x"] + 5, box["y"] + box["height"] / 2])
    assert drawn == "More of, less of", "what is on screen there is the title itself"
    assert page.evaluate("window.sameDocument === true"), "reached by instant navigation"
    section.locator("textarea, input[type=text]").first.fill("More walks")
    assert "More walks" in stored(page, "ws:more-or-less")["a"].values(), "the answer is saved as typed"
    assert page.watch.console_errors == []
