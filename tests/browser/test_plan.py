"""My plan, the progress marks in the nav and "Continue where you left off", as a reader meets them.

What to expect comes from the data files (fields marked `plan: true`), the pages' calls and the nav
(tests/project.py): a new plan field or worksheet needs no change here."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from playwright.sync_api import expect

import project as plan
from guide_macros.pagecalls import nav_pages
from answers import answers_for, fill
from axecheck import violations_in_both_schemes
from paper import flat, open_ready, print_pdf

SHEETS = plan.worksheets()
HOME_OF = plan.first_use("worksheet")
PLAN_PAGE = plan.one_page_calling("my_plan")
# Worksheets with fields for the plan, in reading order (the order My plan shows them).
PLANNED = [sheet_id for sheet_id in HOME_OF if any(field.plan for field in SHEETS[sheet_id].fields)]


def guide_keys(page) -> list[str]:
    """The names of what the guide keeps in this browser (its answers, results and notes)."""
    return page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('guide:'))")


def sheet_on_its_page(page, base_url, sheet_id):
    open_ready(page, base_url + plan.url_path(HOME_OF[sheet_id]))
    return page.locator(f'section.g-ws[data-worksheet="{sheet_id}"]')


def answers_split(sheet_id):
    """This worksheet's answers (tests/browser/answers.py): those in plan fields, and the others."""
    planned = {field.id for field in SHEETS[sheet_id].fields if field.plan}
    answers = answers_for(SHEETS[sheet_id])
    return ([answer for answer in answers if answer.key.split(".")[0] in planned],
            [answer for answer in answers if answer.key.split(".")[0] not in planned])


def nav_link(page, page_file: str):
    """The page's link in the main navigation (not the table of contents inside it)."""
    title = next(title for title, file in nav_pages(plan.config()["nav"], plan.ROOT / "docs") if file == page_file)
    return page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link").filter(has_text=title).first


@pytest.mark.skipif(not PLANNED, reason="no worksheet field is marked plan: true")
def test_my_plan_gathers_what_the_reader_committed_to_by_step_and_prints_on_one_sheet(page, base_url, tmp_path):
    typed_elsewhere = []
    for sheet_id in PLANNED:
        section = sheet_on_its_page(page, base_url, sheet_id)
        planned, others = answers_split(sheet_id)
        elsewhere = [replace(answer, value=f"Not for the plan: {sheet_id}") for answer in others if answer.how == "type"][:1]
        fill(section, planned + elsewhere)
        typed_elsewhere += [answer.value for answer in elsewhere]
    open_ready(page, base_url + plan.url_path(PLAN_PAGE))
    board = page.locator("[data-plan-page]")
    expect(board.locator("[data-plan-empty]")).to_be_hidden()
    steps = board.locator("[data-plan-step]:visible")
    expected_pages = list(dict.fromkeys(HOME_OF[sheet_id] for sheet_id in PLANNED))
    assert steps.count() == len(expected_pages), "one group per step with plan fields"
    for step, page_file in zip(steps.all(), expected_pages):
        link = step.get_by_role("heading", level=2).get_by_role("link")
        assert link.get_attribute("href").rstrip("/").endswith(plan.url_path(page_file).rstrip("/")), "links back to the step"
    for sheet_id in PLANNED:
        group = board.locator(f'[data-plan="{sheet_id}"]')
        expect(group.get_by_role("heading", name=SHEETS[sheet_id].title)).to_be_visible()
        assert group.get_by_role("link", name=SHEETS[sheet_id].title).get_attribute("href").endswith(f"#ws-{sheet_id}")
        planned, _ = answers_split(sheet_id)
        for field in (field for field in SHEETS[sheet_id].fields if field.plan):
            expect(group.get_by_text(field.label, exact=True)).to_be_visible()
        for answer in planned:
            cell = group.locator(f'[data-k="{answer.key}"]')
            if answer.kind == "checklist":
                expect(cell).to_be_visible()
            elif answer.how == "tick":
                expect(cell).to_have_text("\u2713")
            elif answer.how == "pick":
                expect(cell).to_contain_text(answer.value)
            else:
                assert flat(cell.inner_text()) == flat(answer.value)
    shown = flat(board.inner_text())
    assert not [value for value in typed_elsewhere if flat(value) in shown], "only fields marked for the plan"
    assert page.get_by_role("button", name="Print my plan").is_visible()
    sheets = print_pdf(page, tmp_path / "plan.pdf", "A4")
    assert len(sheets) == 1, f"My plan printed on {len(sheets)} sheets"
    assert flat(SHEETS[PLANNED[-1]].title) in flat(sheets[0])


def test_an_empty_plan_says_where_to_start(page, base_url):
    open_ready(page, base_url + plan.url_path(PLAN_PAGE))
    empty = page.locator("[data-plan-empty]")
    expect(empty).to_be_visible()
    if PLANNED:
        start = empty.locator(f'a[href$="#ws-{PLANNED[0]}"]')
        expect(start).to_have_text(SHEETS[PLANNED[0]].title)
    assert page.locator("[data-plan-step]:visible").count() == 0
    assert page.get_by_role("button", name="Print my plan").is_hidden()


@pytest.mark.skipif(not HOME_OF, reason="no page calls a worksheet")
def test_progress_marks_and_continue_follow_the_answers_and_go_with_clear_everything(page, base_url):
    sheet_id = next(iter(HOME_OF))
    home_file = HOME_OF[sheet_id]
    alongside = [other for other, where in HOME_OF.items() if where == home_file]
    section = sheet_on_its_page(page, base_url, sheet_id)
    link = nav_link(page, home_file)
    expect(link.locator(".g-step")).to_have_count(0)
    answers = answers_for(SHEETS[sheet_id])
    fill(section, answers[:1])
    expect(link.locator(".g-step")).to_have_text("started")
    expect(link).to_have_accessible_name(re.compile(r", started$"))  # heard with a pause, after the page's name
    for other in alongside:
        fill(page.locator(f'section.g-ws[data-worksheet="{other}"]'), answers_for(SHEETS[other]))
    expect(link.locator(".g-step")).to_have_text("done")

    # Another page shows the same mark; the home page offers the way back.
    open_ready(page, base_url)
    expect(nav_link(page, home_file).locator(".g-step")).to_have_text("done")
    back = page.get_by_role("link", name="Continue where you left off")
    expect(back).to_be_visible()
    expect(page.locator("[data-continue]")).to_contain_text(SHEETS[alongside[-1]].title)
    back.click()
    page.wait_for_url(f"**/{plan.url_path(home_file)}#ws-{alongside[-1]}")
    expect(page.locator(f'section.g-ws[data-worksheet="{alongside[-1]}"] .g-fill')).to_have_attribute("open", "")

    # "Clear everything" on the Privacy page takes the marks away at once, and the offer to continue.
    open_ready(page, base_url + plan.url_path(plan.one_page_calling("clear_data_button")))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-guide-clear]").click()
    expect(page.locator(".g-step")).to_have_count(0)
    assert guide_keys(page) == []
    open_ready(page, base_url)
    expect(page.locator("[data-continue]")).to_be_hidden()


@pytest.mark.skipif(not PLANNED, reason="no worksheet field is marked plan: true")
def test_with_dont_save_on_nothing_is_kept_for_progress_or_the_plan(page, base_url):
    sheet_id = PLANNED[0]
    section = sheet_on_its_page(page, base_url, sheet_id)
    section.locator(".g-fill > summary").click()
    section.locator(".g-ws__more > summary").click()
    section.get_by_role("switch", name="Don't save anything on this device").check()
    planned, _ = answers_split(sheet_id)
    fill(section, planned)
    assert guide_keys(page) == [page.evaluate("Object.keys(localStorage).find(key => key.endsWith(':nosave'))")]
    expect(page.locator(".g-step")).to_have_count(0)
    open_ready(page, base_url + plan.url_path(PLAN_PAGE))
    expect(page.locator("[data-plan-empty]")).to_be_visible()
    expect(page.locator("[data-plan-nosave]")).to_be_visible()
    open_ready(page, base_url)
    expect(page.locator("[data-continue]")).to_be_hidden()


def test_without_javascript_my_plan_says_why_it_is_empty(no_js, base_url):
    no_js.goto(base_url + plan.url_path(PLAN_PAGE))
    expect(no_js.locator("[data-plan-page] [data-nojs]")).to_be_visible()
    assert no_js.locator("[data-plan-page] :is([data-plan-step], [data-plan-empty], .g-plan__tools):visible").count() == 0
    no_js.goto(base_url)
    expect(no_js.locator("[data-continue]")).to_be_hidden()


def test_my_plan_and_the_marks_pass_axe_in_both_schemes(page, base_url):
    """Filled in: the plan, the nav's marks and "Continue" on the home page."""
    if PLANNED:
        section = sheet_on_its_page(page, base_url, PLANNED[0])
        fill(section, answers_split(PLANNED[0])[0])
    for where in (plan.url_path(PLAN_PAGE), ""):
        open_ready(page, base_url + where)
        page.locator(".g-step").first.wait_for(state="attached")
        assert violations_in_both_schemes(page) == [], where


def test_when_the_browser_keeps_nothing_my_plan_says_so_not_dont_save(browser, base_url):
    """Storage turned off in the browser is not the reader's "Don't save": the words say which."""
    context = browser.new_context()
    context.add_init_script("""Object.defineProperty(window, "localStorage", {
        get() { throw new DOMException("The user denied storage", "SecurityError"); } });""")
    try:
        page = context.new_page()
        open_ready(page, base_url + plan.url_path(PLAN_PAGE))
        expect(page.locator("[data-plan-empty]")).to_be_visible()
        expect(page.locator("[data-plan-blocked]")).to_be_visible()
        expect(page.locator("[data-plan-nosave]")).to_be_hidden()
    finally:
        context.close()
