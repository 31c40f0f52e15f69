"""Worksheets in Chromium: answers save as you type and come back, clear, export and import, refuse
damaged data without losing anything, stop saving on request (from any switch on the site), and print
blank or with answers, alone or gathered in the workbook.

Which worksheet and page each test uses comes from the data files and the pages' calls
(tests/project.py): a test that needs, say, a worksheet with a scale takes the first one in reading
order that has one. The answers typed are made from the worksheet's own fields."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

import project as plan
from answers import Answer, answers_for, control, fill, record_of
from components import open_fill

SHEETS = plan.worksheets()
# Each worksheet a page calls, in reading order, with the first page that calls it.
FIRST_PAGE = plan.first_use("worksheet")
GRIDS = ("two-column", "table")


def pick(reason: str, wanted) -> str:
    """The first worksheet in reading order for which `wanted(sheet)` holds; the test is skipped without one."""
    for sheet_id in FIRST_PAGE:
        if wanted(SHEETS[sheet_id]):
            return sheet_id
    pytest.skip(f"no worksheet on a page has {reason}")


def kinds(sheet) -> set[str]:
    return {field.kind for field in sheet.fields}


def with_kinds(*wanted: str) -> str:
    return pick(" and ".join(f"a {kind} field" for kind in wanted), lambda sheet: set(wanted) <= kinds(sheet))


def first_sheet() -> str:
    """The first worksheet readers meet."""
    if not FIRST_PAGE:
        pytest.skip("no page calls a worksheet")
    return next(iter(FIRST_PAGE))


def path_of(sheet_id: str) -> str:
    return plan.url_path(FIRST_PAGE[sheet_id])


@pytest.fixture(scope="module")
def workbook_path() -> str:
    return plan.url_path(plan.one_page_calling("workbook"))


# ---------------------------------------------------------------------------
# A reader's answers, made from a worksheet's fields: tests/answers.py
# ---------------------------------------------------------------------------

def assert_filled(section, answers: list[Answer]) -> None:
    """The answers are in their fields, and on screen: a worksheet with the reader's answers shows them."""
    for answer in answers:
        assert control(section, answer).is_visible(), f"{answer.key}: the answer is there but folded away"
        if answer.how == "type":
            assert control(section, answer).input_value() == answer.value, answer.key
        elif answer.how == "tick":
            assert control(section, answer).is_checked(), answer.key
        else:
            assert control(section, answer).locator(f'[value="{answer.value}"]').is_checked(), answer.key
    assert on_screen(section) == record_of(answers), "nothing else is filled in"


def on_screen(section) -> dict:
    """Every answer the worksheet shows, keyed as the site saves them."""
    return section.evaluate("""section => Object.fromEntries([...section.querySelectorAll('[data-k]')].flatMap(el => {
        if (!el.type) { const picked = el.querySelector(':checked'); return picked ? [[el.dataset.k, picked.value]] : [] }
        if (el.type === 'checkbox') return el.checked ? [[el.dataset.k, true]] : []
        return el.value ? [[el.dataset.k, el.value]] : []
    }))""")


def assert_empty(section) -> None:
    assert on_screen(section) == {}


def text_answers(answers: list[Answer]) -> list[Answer]:
    return [answer for answer in answers if answer.how == "type"]


def answer_to(answers: list[Answer], kind: str) -> Answer:
    """The answer to the first field of `kind`."""
    return next(answer for answer in answers if answer.kind == kind)


# ---------------------------------------------------------------------------
# Opening a worksheet, and what the site keeps
# ---------------------------------------------------------------------------

def open_sheet(page, base_url, sheet_id, path=None, workbook=False):
    """Open the worksheet on its first page (or `path`); on the workbook, bring the worksheets in first."""
    page.goto(base_url + (path if path is not None else path_of(sheet_id)))
    if workbook:  # the workbook brings the worksheets from their pages when asked
        page.get_by_role("button", name="Show every worksheet here").click()
    section = page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]').first
    wait_until_ready(section)
    return section


def wait_until_ready(section):
    """guide.js marks a worksheet it has set up (its buttons show a moment earlier, with data-guide-js on <html>)."""
    section.locator("xpath=self::*[@data-ready]").wait_for()


def stored(page, name):
    """What the site keeps in this browser under `name` (None when nothing)."""
    return page.evaluate("name => { try { return guideStore.read(name, null) } catch (e) { return 'damaged' } }", name)


def kept_keys(page) -> list[str]:
    """Every localStorage key on this origin."""
    return page.evaluate("Object.keys(localStorage)")


def status(section) -> str:
    """Messages: the top live region (restore problems) and the one in the fold (what its buttons did)."""
    return " ".join(section.locator('[role="status"]').all_inner_texts())


def fill_is_open(section) -> bool:
    """Whether "Fill in this worksheet" is open (the fields show)."""
    return section.locator(".g-fill").first.evaluate("details => details.open")


def fold(section):
    """Open "Save, move or clear answers", where don't-save, export, import and clear live (at the end
    of the fields: "Fill in this worksheet" first)."""
    open_fill(section)
    details = section.locator("details.g-ws__more")
    if not details.evaluate("el => el.open"):
        details.locator("summary").click()
    return section


def wait_for_fold_status(page, sheet_id):
    page.wait_for_function(
        "id => document.querySelector(`[data-worksheet='${id}'] .g-ws__more [role=status]`).textContent !== ''", arg=sheet_id)


def accept_next_dialog(page, accept=True):
    page.once("dialog", lambda dialog: dialog.accept() if accept else dialog.dismiss())


def write_raw(page, name, raw):
    page.evaluate("([name, raw]) => localStorage.setItem('guide:' + __md_scope.pathname + ':' + name, raw)", [name, raw])


def nav_link(page, base_url, page_file: str):
    """The page's link in the site's navigation (the one that leads to its address)."""
    href = page.locator(".md-sidebar--primary a.md-nav__link").evaluate_all(
        "(links, target) => links.filter(a => a.href === target).map(a => a.getAttribute('href'))[0] || null",
        base_url + plan.url_path(page_file))
    assert href is not None, f"no navigation link to {page_file}"
    return page.locator(f'.md-sidebar--primary a.md-nav__link[href="{href}"]').first


def serve_sitemap_for(page, base_url):
    """Material only navigates instantly to addresses in sitemap.xml, which holds the published
    site_url; rewrite it to this test server, as the published site's own sitemap would be."""
    def rewrite(route):
        body = route.fetch().text()
        home = min(re.findall(r"<loc>([^<]+)</loc>", body), key=len)
        route.fulfill(body=body.replace(home, base_url), content_type="application/xml")
    page.route("**/sitemap.xml", rewrite)


# ---------------------------------------------------------------------------
# Saving and restoring
# ---------------------------------------------------------------------------

def test_answers_save_as_you_type_and_come_back_after_a_reload(page, base_url):
    sheet_id = first_sheet()
    answers = answers_for(SHEETS[sheet_id])
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    assert stored(page, f"ws:{sheet_id}") == {"v": section.get_attribute("data-version"), "a": record_of(answers)}
    page.reload()
    assert_filled(open_sheet(page, base_url, sheet_id), answers)
    assert page.watch.console_errors == []


def test_answers_come_back_after_instant_navigation(page, base_url):
    sheet_id = first_sheet()
    home = FIRST_PAGE[sheet_id]
    other = next((p for p in plan.pages() if p != home), None)
    if other is None:
        pytest.skip("the guide has one page")
    answers = answers_for(SHEETS[sheet_id])
    serve_sitemap_for(page, base_url)
    section = open_sheet(page, base_url, sheet_id)
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    fill(section, answers)
    page.evaluate("window.stillTheSamePage = true")
    nav_link(page, base_url, other).click()
    page.wait_for_url(base_url + plan.url_path(other))
    page.locator("html[data-guide-js]").wait_for(state="attached")
    nav_link(page, base_url, home).click()
    page.wait_for_url(base_url + plan.url_path(home))
    section = page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]').first
    wait_until_ready(section)
    assert page.evaluate("window.stillTheSamePage === true"), "the links did not use instant navigation"
    assert_filled(section, answers)
    assert page.watch.console_errors == []


def test_the_fields_wait_folded_until_asked_for_and_open_for_a_link_to_a_part(page, base_url, tmp_path):
    """A first visit shows what a worksheet is for, its fields folded under "Fill in this worksheet";
    a link to one of its fields opens them (followed on the page, or arriving with it), and printing
    shows them without leaving them open on screen."""
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    section = open_sheet(page, base_url, sheet_id)
    assert section.locator(".g-ws__purpose").is_visible()
    assert not fill_is_open(section)
    named = section.locator(".g-fill [data-k][id]").first  # a field a link can point at
    assert not named.is_visible()
    target = named.get_attribute("id")

    page.evaluate("id => { location.hash = id }", target)  # a link on the page to the field
    expect(named).to_be_visible()
    expect(named).to_be_in_viewport()

    page.goto("about:blank")
    page.goto(base_url + path_of(sheet_id) + "#" + target)  # arriving by a link to the field
    section = page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]').first
    wait_until_ready(section)
    expect(section.locator(f"#{target}")).to_be_visible()
    assert stored(page, f"ws:{sheet_id}") is None, "opened for the link, with nothing saved"

    section = open_sheet(page, base_url, sheet_id)
    assert not fill_is_open(section)
    pdf_text(page, tmp_path, "A4")  # printing opens every fold for paper, then puts them back
    assert not fill_is_open(section), "the screen is as the reader left it"


def test_clear_asks_first_then_removes_the_answers(page, base_url):
    sheet_id = first_sheet()
    answers = answers_for(SHEETS[sheet_id])
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    accept_next_dialog(page, accept=False)
    fold(section).locator('[data-act="clear"]').click()
    assert_filled(section, answers)
    accept_next_dialog(page)
    section.locator('[data-act="clear"]').click()
    assert_empty(section)
    assert stored(page, f"ws:{sheet_id}") is None
    assert "cleared" in status(section)
    page.reload()
    assert_empty(open_sheet(page, base_url, sheet_id))


def test_export_then_import_in_a_fresh_browser_restores_the_answers(page, base_url, browser, tmp_path):
    if len(FIRST_PAGE) < 2:
        pytest.skip("export of several worksheets needs two worksheets on the pages")
    first, second = list(FIRST_PAGE)[:2]
    answers = {first: answers_for(SHEETS[first]), second: answers_for(SHEETS[second])[:1]}
    fill(open_sheet(page, base_url, first), answers[first])
    more = open_sheet(page, base_url, second)
    fill(more, answers[second])
    with page.expect_download() as download:
        fold(more).locator('[data-act="export"]').click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert {sheet_id: record["a"] for sheet_id, record in exported["worksheets"].items()} == {
        sheet_id: record_of(given) for sheet_id, given in answers.items()}

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        section = open_sheet(other, base_url, first)
        assert_empty(section)
        with other.expect_file_chooser() as chooser:
            fold(section).locator('[data-act="import"]').click()
        chooser.value.set_files(str(path))
        wait_for_fold_status(other, first)
        assert "Imported answers for 2 worksheet(s)" in status(section)
        assert_filled(section, answers[first])
        assert_filled(open_sheet(other, base_url, second), answers[second])
        other.reload()
        assert_filled(open_sheet(other, base_url, first), answers[first])
    finally:
        fresh.close()


def damaged_files():
    sheet_id = next(iter(FIRST_PAGE), "any-sheet")
    return [
        "this is not JSON {",
        json.dumps({"format": "guide-worksheets", "version": 1, "worksheets": {sheet_id: {"v": "x", "a": {"q": 3}}}}),
        json.dumps({"something": "else"}),
        "",
    ]


@pytest.mark.parametrize("content", damaged_files(), ids=["not-json", "a-number-as-answer", "another-file", "empty"])
def test_a_damaged_import_is_refused_with_a_message_and_nothing_is_lost(page, base_url, tmp_path, content):
    sheet_id = first_sheet()
    answers = answers_for(SHEETS[sheet_id])
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    before = stored(page, f"ws:{sheet_id}")
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        fold(section).locator('[data-act="import"]').click()
    chooser.value.set_files(str(path))
    wait_for_fold_status(page, sheet_id)
    assert "could not be imported" in status(section) and "Nothing was changed" in status(section)
    assert_filled(section, answers)
    assert stored(page, f"ws:{sheet_id}") == before
    assert page.watch.console_errors == []


def test_damaged_saved_answers_give_a_message_not_a_crash(page, base_url):
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    typed = text_answers(answers_for(SHEETS[sheet_id]))[0]
    open_sheet(page, base_url, sheet_id)
    write_raw(page, f"ws:{sheet_id}", "{damaged")
    page.reload()
    section = open_sheet(page, base_url, sheet_id)
    assert "could not be read" in status(section)
    assert section.locator('[role="status"]').first.is_visible(), "said where the reader sees it, by the title"
    assert_empty(section)
    fill(section, [Answer(typed.key, "type", "Still works", typed.kind)])
    assert stored(page, f"ws:{sheet_id}")["a"] == {typed.key: "Still works"}
    assert page.watch.console_errors == []


def test_answers_saved_for_an_older_layout_are_not_filled_into_the_wrong_fields(page, base_url):
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    typed = text_answers(answers_for(SHEETS[sheet_id]))[0]
    open_sheet(page, base_url, sheet_id)
    write_raw(page, f"ws:{sheet_id}", json.dumps({"v": "older", "a": {typed.key: "Old answer"}}))
    page.reload()
    section = open_sheet(page, base_url, sheet_id)
    assert "has changed" in status(section)
    assert section.locator('[role="status"]').first.is_visible(), "said where the reader sees it, by the title"
    assert_empty(section)
    assert stored(page, f"ws:{sheet_id}")["a"] == {typed.key: "Old answer"}, "kept until the reader types"


# ---------------------------------------------------------------------------
# Don't save: one choice for the whole site
# ---------------------------------------------------------------------------

DONT_SAVE = "Don't save anything on this device"


def test_dont_save_removes_saved_answers_and_stops_saving(page, base_url):
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    answers = answers_for(SHEETS[sheet_id])
    typed = text_answers(answers)[0]
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    switch = fold(section).get_by_role("switch", name=DONT_SAVE)
    # It acts at once (a shared device: no question to answer first), so it says so before it is used.
    expect(switch).to_have_accessible_description(re.compile("deletes, straight away, the worksheet answers and "
                                                             "self-check results saved on every page"))
    switch.check()
    assert "Saved answers and results removed" in status(section)
    assert page.evaluate("guideStore.names()") == []
    assert stored(page, "nosave") is True
    assert_filled(section, answers)  # what is on screen stays
    control(section, typed).fill("Not kept")
    assert page.evaluate("guideStore.names()") == []
    page.reload()
    section = open_sheet(page, base_url, sheet_id)
    assert_empty(section)
    assert fold(section).get_by_role("switch", name=DONT_SAVE).is_checked()
    section.get_by_role("switch", name=DONT_SAVE).uncheck()
    control(section, typed).fill("Kept again")
    assert stored(page, f"ws:{sheet_id}")["a"] == {typed.key: "Kept again"}


def test_dont_save_on_a_self_check_stops_worksheets_saving_on_every_page(page, base_url):
    """One choice for the whole site: made on a self-assessment's switch, it deletes the worksheet
    answers and results already kept, keeps nothing new on another page, and every switch shows it."""
    assessment = next((quiz_id for quiz_id in plan.first_use("quiz") if quiz_id in plan.assessments()), None)
    if assessment is None:
        pytest.skip("no page calls a self-assessment")
    quiz_path = plan.url_path(plan.first_use("quiz")[assessment])
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    answers = answers_for(SHEETS[sheet_id])
    fill(open_sheet(page, base_url, sheet_id), answers)
    assert f"ws:{sheet_id}" in page.evaluate("guideStore.names()")

    page.goto(base_url + quiz_path)
    quiz = page.locator(f'section[data-quiz="{assessment}"]').first
    quiz.locator("xpath=self::*[@data-ready]").wait_for()
    open_fill(quiz)  # "Take this self-check"
    # A result the reader asked to keep: the gentlest answer to every statement raises no safety flag.
    for statement in quiz.locator("fieldset").all():
        statement.locator("label").first.click()
    quiz.get_by_role("checkbox", name="Keep my result on this device").check()
    quiz.get_by_role("button", name="Check my answers").click()
    # The answers, the note of the reader's progress on that worksheet, and the result.
    assert sorted(page.evaluate("guideStore.names()")) == sorted([f"ws:{sheet_id}", f"step:{sheet_id}", f"quiz:{assessment}"])

    quiz.get_by_role("switch", name=DONT_SAVE).check()
    assert page.evaluate("guideStore.names()") == [], "every answer and result is deleted at once"
    switches = page.locator("[data-nosave]")
    assert switches.count() >= 1 and all(box.is_checked() for box in switches.all()), "every switch on the page shows it"

    section = open_sheet(page, base_url, sheet_id)
    assert_empty(section)
    fill(section, answers)
    page.reload()
    wait_until_ready(page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]').first)
    assert [key for key in kept_keys(page) if ":ws:" in key] == [], "nothing typed on another page was kept"
    assert_empty(page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]').first)
    switches = page.locator("[data-nosave]")
    assert switches.count() >= 1 and all(box.is_checked() for box in switches.all()), "every switch here shows it too"


# ---------------------------------------------------------------------------
# Without JavaScript
# ---------------------------------------------------------------------------

def test_without_javascript_the_worksheet_is_a_blank_form_without_buttons(no_js, base_url):
    sheet_id = pick("a field to type in", lambda sheet: text_answers(answers_for(sheet)))
    typed = text_answers(answers_for(SHEETS[sheet_id]))[0]
    no_js.goto(base_url + path_of(sheet_id))
    section = no_js.locator(f'section[data-worksheet="{sheet_id}"]').first
    assert control(section, typed).is_visible(), "the fields show without a click"
    assert not section.locator(".g-fill > summary").is_visible(), "no fold to open without the script"
    assert section.locator("text=Your answers stay on this device").is_visible()
    assert not section.locator('[data-act="print"]').is_visible()
    assert not section.locator("details.g-ws__more").is_visible(), "no switch or button that needs the script"


def test_the_workbook_offers_its_buttons_only_with_javascript_and_says_why(no_js, page, base_url, workbook_path):
    no_js.goto(base_url + workbook_path)
    assert not no_js.get_by_role("button", name="Print the workbook blank").is_visible()
    assert no_js.locator(".g-workbook__note").is_visible()
    assert "needs JavaScript" in no_js.locator(".g-workbook__note").inner_text()
    page.goto(base_url + workbook_path)
    assert page.get_by_role("button", name="Print the workbook blank").is_visible()
    assert not page.locator(".g-workbook__note").is_visible()


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


def flat(text: str) -> str:
    return " ".join(text.split())


def lines_of(printed: str) -> list[str]:
    return [line.strip() for line in printed.splitlines() if line.strip()]


def press(section, page, act):
    """Click a print button; window.print is stubbed so the page stays in its print mode."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1 } }")
    section.locator(f'[data-act="{act}"]').click()
    assert page.evaluate("window.printed") == 1


def chrome_words(page) -> set[str]:
    """Text of the site's frame and of the on-screen tools, read from the page before printing: none of it may print."""
    return set(page.evaluate("""() => [...document.querySelectorAll(
        '.md-header__topic, .md-nav__title, .md-nav__link, .md-skip, .md-footer, .g-cta__title, .g-cta .md-button, ' +
        '.g-ws button, .g-fill > summary, .g-ws__more summary, .g-ws__privacy, [data-print-all], .g-quiz__actions button')]
        .map(el => el.textContent.replace(/\\s+/g, ' ').trim()).filter(Boolean)""")) | {"Search"}


def sheet_words(*sheet_ids: str) -> set[str]:
    """Every text a worksheet itself prints (its title, prompts, items, columns, scale ends)."""
    words: set[str] = set()
    for sheet_id in sheet_ids:
        sheet = SHEETS[sheet_id]
        words |= {sheet.title, sheet.purpose}
        for field in sheet.fields:
            words |= {field.label, *(getattr(field, "items", None) or [])}
            words |= {column.title for column in getattr(field, "table_columns", [])}
    return words


def headings(page) -> set[str]:
    """The article's headings, which print with the whole page."""
    return set(page.evaluate("""() => [...document.querySelectorAll('.md-content__inner :is(h1, h2, h3, h4)')].map(h => {
        const copy = h.cloneNode(true); copy.querySelectorAll('.headerlink').forEach(a => a.remove());
        return copy.textContent.replace(/\\s+/g, ' ').trim() })""")) | {"Contents"}


def assert_no_chrome(pages, chrome, keep=()):
    text = "\n".join(pages)
    for words in sorted(chrome - set(keep)):
        assert not re.search(rf"(?m)^\s*{re.escape(words)}\s*$", text), f"{words!r} printed"


def prose_of_page(page) -> list[str]:
    """The first words of each paragraph of the page around the worksheet (not part of it)."""
    paragraphs = page.evaluate("""() => [...document.querySelectorAll('.md-content__inner > p')]
        .map(p => p.textContent.replace(/\\s+/g, ' ').trim())""")
    return [" ".join(words[:5]) for words in (p.split() for p in paragraphs) if len(words) >= 5]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_with_answers_shows_what_was_typed_and_only_this_worksheet(page, base_url, tmp_path, paper):
    sheet_id = with_kinds("checklist", "scale")
    sheet, answers = SHEETS[sheet_id], answers_for(SHEETS[sheet_id])
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    chrome, prose = chrome_words(page), prose_of_page(page)
    assert prose, "the page has paragraphs of its own to leave out"
    press(section, page, "print")
    page.emulate_media(media="print")
    ticked = control(section, answer_to(answers, "checklist"))
    assert ticked.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(0, 0, 0)", "a ticked box prints filled"
    chosen = control(section, answer_to(answers, "scale")).locator(":checked + span")
    assert chosen.evaluate("el => getComputedStyle(el).borderTopWidth") == "3px", "the chosen number prints ringed"
    pages = [p for p in pdf_text(page, tmp_path, paper) if p.strip()]
    text = flat("\n".join(pages))
    for answer in text_answers(answers):
        for line in answer.value.splitlines():
            assert line in text, f"{answer.key}: {line!r} did not print (long answers print in full)"
    assert lines_of(pages[0])[0] == sheet.title, "the worksheet is first"
    for words in prose:
        assert words not in text, f"the rest of the page is left out, but {words!r} printed"
    assert "Your answers stay on this device" not in text
    assert_no_chrome(pages, chrome, keep=sheet_words(sheet_id))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_blank_leaves_out_what_was_typed(page, base_url, tmp_path, paper):
    sheet_id = with_kinds("checklist", "scale")
    sheet, answers = SHEETS[sheet_id], answers_for(SHEETS[sheet_id])
    section = open_sheet(page, base_url, sheet_id)
    fill(section, answers)
    chrome = chrome_words(page)
    press(section, page, "blank")
    page.emulate_media(media="print")
    # The ticked box and the chosen number print unmarked.
    ticked = control(section, answer_to(answers, "checklist"))
    assert ticked.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    chosen = control(section, answer_to(answers, "scale")).locator(":checked + span")
    assert chosen.evaluate("el => getComputedStyle(el).borderTopWidth") == "1px"
    pages = pdf_text(page, tmp_path, paper)
    text = flat("\n".join(pages))
    for answer in text_answers(answers):
        assert answer.value.splitlines()[0] not in text, f"{answer.key}: typed answer printed on a blank copy"
    for field in sheet.fields:
        assert flat(field.label) in text, f"{field.label!r}: every prompt prints"
    assert_no_chrome(pages, chrome, keep=sheet_words(sheet_id))


def test_printing_the_whole_workbook_starts_each_worksheet_on_a_new_page(page, base_url, tmp_path, workbook_path):
    open_sheet(page, base_url, first_sheet(), path=workbook_path, workbook=True)
    chrome, kept = chrome_words(page), headings(page)
    pages = pdf_text(page, tmp_path, "A4")
    starts = [flat(" ".join(lines_of(p)[:2])) for p in pages]
    for sheet_id in FIRST_PAGE:
        title = SHEETS[sheet_id].title
        assert any(start.startswith(title) for start in starts), f"{title!r} does not start a page"
    assert_no_chrome(pages, chrome, keep=kept | sheet_words(*FIRST_PAGE))


def test_empty_fields_print_as_ruled_lines_as_many_as_the_data_says(page, base_url):
    sheet_id = with_kinds("long", "checklist", "scale")
    sheet = SHEETS[sheet_id]
    section = open_sheet(page, base_url, sheet_id)
    assert not fill_is_open(section), "a first visit: the fields are folded away on screen"
    # As printing starts the browser fires beforeprint (guide.js draws the lines then), then lays the page out for paper.
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    for field in (f for f in sheet.fields if f.kind == "long"):
        long_answer = section.locator(f'[data-k="{field.id}"]')
        assert not long_answer.is_visible(), "the text box itself does not print"
        paper = section.locator(f'[data-k="{field.id}"] + .g-ws__out')
        style = paper.evaluate("el => { const s = getComputedStyle(el); return {display: s.display, image: s.backgroundImage, "
                               "height: el.getBoundingClientRect().height, font: parseFloat(s.fontSize)} }")
        assert style["display"] == "block" and "linear-gradient" in style["image"]
        assert style["height"] == pytest.approx(field.lines * 1.8 * style["font"], abs=2), \
            f"{field.id}: one ruled line (1.8em) per line of data ({field.lines})"
    checklist = next(f for f in sheet.fields if f.kind == "checklist")
    box = section.locator(f'[data-k="{checklist.id}.1"]')
    assert box.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid", "checkboxes print as boxes"
    numbers = section.locator(".g-ws__boxes span")
    assert numbers.count() == sum(len(f.numbers) for f in sheet.fields if f.kind == "scale")
    assert numbers.first.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


def test_export_with_no_answers_says_so_instead_of_saving_an_empty_file(page, base_url):
    section = open_sheet(page, base_url, first_sheet())
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    fold(section).locator('[data-act="export"]').click()
    assert "no answers to export" in status(section)
    assert downloads == []


def workbook_links(page) -> int:
    """How many worksheets the workbook page links to (one `#ws-` link each)."""
    return len(set(page.eval_on_selector_all(".md-content a[href*='#ws-']", "links => links.map(a => a.href)")))


def test_the_workbook_prints_as_one_blank_booklet_on_request(page, base_url, tmp_path, workbook_path):
    last = [s for s in FIRST_PAGE if text_answers(answers_for(SHEETS[s]))][-1]  # brought from the furthest page
    typed = text_answers(answers_for(SHEETS[last]))[0]
    fill(open_sheet(page, base_url, last), [typed])
    page.goto(base_url + workbook_path)
    assert page.locator(".g-ws").count() == 0, "the workbook itself is a light page of links"
    chrome, kept = chrome_words(page), headings(page)
    page.evaluate("() => { window.print = () => { window.printed = true } }")
    page.get_by_role("button", name="Print the workbook blank").click()
    page.wait_for_function("window.printed === true")
    listed = workbook_links(page)
    assert listed == len(FIRST_PAGE)
    assert page.locator(".g-workbook__sheets .g-ws[data-ready]").count() == listed
    assert f"All {listed} worksheets are now on this page" in page.locator(".g-workbook__status").text_content()
    # Brought in with the reader's saved answers, which print only when asked for.
    brought = page.locator(f'.g-workbook__sheets section[data-worksheet="{last}"]')
    assert control(brought, typed).input_value() == typed.value
    pages = pdf_text(page, tmp_path, "Letter")
    text = flat("\n".join(pages))
    assert typed.value not in text
    assert "Print the workbook" not in text, "buttons do not print"
    assert "Contents" in text
    for listed_id in FIRST_PAGE:
        assert SHEETS[listed_id].title in text
    assert_no_chrome(pages, chrome, keep=kept | sheet_words(*FIRST_PAGE))


# ---------------------------------------------------------------------------
# Calm toolbar, touch targets, wide tables on a phone, printing a page
# ---------------------------------------------------------------------------

def boxes(page, selector):
    return page.evaluate("""sel => [...document.querySelectorAll(sel)].filter(el => el.offsetParent)
        .map(el => { const r = el.getBoundingClientRect(); return [el.outerHTML.slice(0, 60), r.width, r.height] })""", selector)


def test_only_the_print_buttons_show_until_the_reader_opens_the_other_tools(page, base_url):
    section = open_sheet(page, base_url, first_sheet())
    visible = [b.get_attribute("data-act") for b in section.locator("button").all() if b.is_visible()]
    assert visible == ["print", "blank"]
    assert section.locator("summary", has_text="Fill in this worksheet").is_visible()
    open_fill(section)
    visible = [b.get_attribute("data-act") for b in section.locator("button").all() if b.is_visible()]
    assert visible == ["print", "blank"], "the fields, then the other tools folded at their end"
    assert section.locator("summary", has_text="Save, move or clear answers").is_visible()
    fold(section)
    visible = [b.get_attribute("data-act") for b in section.locator("button").all() if b.is_visible()]
    assert visible == ["print", "blank", "export", "import", "clear"]
    assert section.get_by_role("switch", name=DONT_SAVE).is_visible()


@pytest.mark.parametrize("page_file", [*plan.pages_calling("worksheet"), *plan.pages_calling("workbook")])
def test_every_worksheet_control_is_at_least_24_css_pixels_on_a_phone(page, base_url, page_file):
    """WCAG 2.2 AA 2.5.8 target size (minimum)."""
    page.set_viewport_size({"width": 390, "height": 844})
    if page_file in plan.pages_calling("workbook"):
        open_sheet(page, base_url, first_sheet(), path=plan.url_path(page_file), workbook=True)
    else:
        open_sheet(page, base_url, next(i for k, i in plan.calls(page_file) if k == "worksheet"), path=plan.url_path(page_file))
    summaries = ".g-ws .g-fill > summary"
    closed = boxes(page, summaries)  # "Fill in this worksheet", before any is opened
    page.evaluate("document.querySelectorAll('.g-ws details.g-fill, details.g-ws__more').forEach(d => d.open = true)")
    selector = ", ".join([
        ".g-ws__field--checklist label", ".g-ws input[type=checkbox]", ".g-ws__boxes label", ".g-ws button",
        ".g-ws__more summary", ".g-ws .g-switch", "[data-print-all]", summaries,
    ])
    measured = closed + boxes(page, selector)
    assert measured, "nothing measured"
    assert boxes(page, ".g-ws__field"), "the fields were measured too"
    small = [(html, round(w, 1), round(h, 1)) for html, w, h in measured if w < 24 or h < 24]
    assert small == []


def wide_table():
    """The first table (in reading order) too wide for a phone that has boxes to tick: its worksheet and field."""
    for sheet_id in FIRST_PAGE:
        for field in SHEETS[sheet_id].fields:
            if field.kind in GRIDS and field.scrolls_on_phones and any(c.tick for c in field.table_columns) \
                    and not field.table_columns[0].tick:
                return sheet_id, field
    pytest.skip("no worksheet has a table with boxes to tick that is wider than a phone")


def test_a_wide_table_is_usable_on_a_phone(page, base_url):
    sheet_id, field = wide_table()
    page.set_viewport_size({"width": 390, "height": 844})
    section = open_sheet(page, base_url, sheet_id)
    open_fill(section)
    table = section.locator(f'.g-ws__field:has([data-k="{field.id}.1.1"])')
    assert table.get_by_text("Scroll sideways to see every column").is_visible()
    scroller = table.locator(".g-ws__scroll")
    first = section.locator(f'[data-k="{field.id}.1.1"]')
    assert first.bounding_box()["width"] >= 140, "room to write in the first column"
    last_tick = max(n for n, column in enumerate(field.table_columns, 1) if column.tick)
    far = section.locator(f'[data-k="{field.id}.1.{last_tick}"]')
    scroller.evaluate("el => el.scrollLeft = el.scrollWidth")
    view, box = scroller.bounding_box(), far.bounding_box()
    assert view["x"] <= box["x"] and box["x"] + box["width"] <= view["x"] + view["width"] + 1, "the last column can be reached"
    start = first.bounding_box()
    assert view["x"] - 1 <= start["x"] < view["x"] + 10, "the first column stays in view while the others scroll"
    far.check()
    page.reload()
    assert open_sheet(page, base_url, sheet_id).locator(f'[data-k="{field.id}.1.{last_tick}"]').is_checked()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert table.is_visible(), "the tick brought back shows its table"
    assert not table.get_by_text("Scroll sideways to see every column").is_visible(), "no cue where the table fits"


def test_a_heading_just_before_a_worksheet_starts_its_printed_page(page, base_url, tmp_path):
    """A "Try it" heading and its worksheet start a page together: the heading never ends a page alone."""
    for page_file in plan.pages_calling("worksheet"):
        page.goto(base_url + plan.url_path(page_file))
        leading = page.evaluate("""() => [...document.querySelectorAll('.md-content__inner > h2 + .g-ws')].map(s => {
            const h = s.previousElementSibling.cloneNode(true); h.querySelectorAll('.headerlink').forEach(a => a.remove());
            return h.textContent.replace(/\\s+/g, ' ').trim() })""")
        if leading:
            break
    else:
        pytest.skip("no worksheet comes right after a heading")
    for paper in ("A4", "Letter"):
        found = []
        for printed in pdf_text(page, tmp_path, paper):
            lines = lines_of(printed)
            for index, line in enumerate(lines):
                if flat(line) in leading:
                    found.append(line)
                    assert index == 0, f"{paper}: {line!r} is not at the top of its page"
                    assert len(lines) > 3, f"{paper}: {line!r} printed alone"
        assert sorted(set(found)) == sorted(set(leading)), f"{paper}: each heading printed once, at a page top"


def test_the_workbook_says_so_when_the_worksheets_cannot_be_fetched(page, base_url, workbook_path):
    unreachable = plan.url_path(list(FIRST_PAGE.values())[-1])
    page.route(f"**/guide/{unreachable}", lambda route: route.abort())
    page.goto(base_url + workbook_path)
    page.get_by_role("button", name="Show every worksheet here").click()
    page.wait_for_function("document.querySelector('.g-workbook__status').textContent.includes('could not')")
    assert "Check your connection, then try again" in page.locator(".g-workbook__status").text_content()
    assert page.locator(".g-workbook__sheets .g-ws").count() == 0, "no half-built booklet"


def test_a_second_click_while_fetching_brings_each_worksheet_once(page, base_url, workbook_path):
    page.goto(base_url + workbook_path)
    show = page.get_by_role("button", name="Show every worksheet here")
    show.click()
    show.click()
    page.wait_for_function("document.querySelector('.g-workbook__status').textContent.startsWith('All ')")
    page.wait_for_load_state("networkidle")  # a second round of fetches would have landed by now
    shown = page.eval_on_selector_all(".g-workbook__sheets .g-ws", "sections => sections.map(s => s.dataset.worksheet)")
    assert shown == list(FIRST_PAGE), "each worksheet once, in the order of the list"


def test_a_workbook_link_lands_on_its_worksheet_on_a_phone(page, base_url, workbook_path):
    """The workbook's list links to each worksheet on its page: on a phone, a link to a worksheet
    further down a page lands on it, title in view below the header, ready to fill in."""
    later_on_its_page = [sheet_id for sheet_id, page_file in FIRST_PAGE.items()
                         if [i for k, i in plan.calls(page_file) if k == "worksheet"].index(sheet_id) > 0]
    sheet_id = (later_on_its_page or list(FIRST_PAGE))[-1]
    typed = text_answers(answers_for(SHEETS[sheet_id]))
    page.set_viewport_size({"width": 390, "height": 844})
    serve_sitemap_for(page, base_url)
    page.goto(base_url + workbook_path)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.sameDocument = true")  # gone if the link reloaded the page
    page.locator(f".md-content a[href$='{path_of(sheet_id)}#ws-{sheet_id}']").click()
    page.wait_for_url(f"**/{path_of(sheet_id)}#ws-{sheet_id}")
    section = page.locator(f"#ws-{sheet_id}")
    wait_until_ready(section)
    title = section.locator(".g-ws__title")
    box = title.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["height"] <= box["y"] < 844 / 3, "the worksheet's title is near the top, below the header"
    drawn = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('.g-ws__title')?.textContent",
                          [box["x"] + 5, box["y"] + box["height"] / 2])
    assert drawn == SHEETS[sheet_id].title, "what is on screen there is the title itself"
    assert page.evaluate("window.sameDocument === true"), "reached by instant navigation"
    expect(section.locator(".g-fill")).to_have_js_property("open", True)  # a link to it: ready to fill in, no tap
    if typed:
        control(section, typed[0]).fill("Typed after the jump")
        assert stored(page, f"ws:{sheet_id}")["a"] == {typed[0].key: "Typed after the jump"}, "saved as typed"
    assert page.watch.console_errors == []
