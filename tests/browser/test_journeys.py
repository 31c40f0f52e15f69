"""The journeys that matter, on both engines' builds: what a reader does is the same under MkDocs and
under Zensical, Material's successor (issue 28).

One lean test per journey and engine: a worksheet saved, reloaded and printed; a knowledge check
checked; a self-assessment with a safety flag raised; the partner link; My plan; quick exit; search for
a reader's word. The rest of the browser suite runs on the MkDocs build only; each journey here is
looked at in depth there. Each test starts as a new reader (nothing saved), in one profile per build
and worker.
What to expect comes from the data files and the pages' calls (tests/project.py).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

import project
from answers import answers_for, control, fill
from components import open_fill
from paper import flat, print_pdf
from conftest import PageWatch, forget_the_reader
from siteserver import serve

ENGINES = ("mkdocs", "zensical")
SHEETS = project.worksheets()
QUIZZES = project.quizzes()
FIRST_USE = {**project.first_use("worksheet"), **project.first_use("quiz")}


@pytest.fixture(scope="session")
def zensical_url(zensical_site):
    """The Zensical build, served like the MkDocs one (under a sub-path, gzipped)."""
    with serve(zensical_site) as url:
        yield url


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    return request.param


@pytest.fixture
def site(request, engine) -> str:
    """The address of one engine's build of the guide."""
    return request.getfixturevalue("base_url" if engine == "mkdocs" else "zensical_url")


@pytest.fixture(scope="session")
def zensical_profile(browser):
    """One profile per worker for the Zensical build, as `reader_context` is for the MkDocs one (its HTTP
    cache stays warm; what a reader keeps is wiped before each test)."""
    profile = browser.new_context(viewport={"width": 1280, "height": 900})
    yield profile
    profile.close()


@pytest.fixture
def reader(request, engine, site):
    """A new reader on that build: nothing stored, no pages open, no routes left by an earlier test."""
    if engine == "mkdocs":
        yield request.getfixturevalue("context")
        return
    profile = request.getfixturevalue("zensical_profile")
    forget_the_reader(profile, site)
    yield profile
    for tab in profile.pages:
        tab.close()
    profile.unroute_all(behavior="ignoreErrors")


def tab(reader):
    """A page for the reader, recording console errors (`page.watch`)."""
    page = reader.new_page()
    page.watch = PageWatch(page)
    return page


def address(item_id: str) -> str:
    """A worksheet's or quiz's first page, below the site."""
    return project.url_path(FIRST_USE[item_id])


def ready(page, selector: str):
    """The component on the page, once guide.js has set it up."""
    component = page.locator(selector).first
    component.locator("xpath=self::*[@data-ready]").wait_for()
    return component


def sheet(page, sheet_id: str):
    return ready(page, f'section.g-ws[data-worksheet="{sheet_id}"]')


def quiz(page, quiz_id: str):
    return ready(page, f'section.g-quiz[data-quiz="{quiz_id}"]')


def stored(page) -> list[str]:
    """What the guide keeps in this browser, but the progress notes (the time of each visit)."""
    return page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('guide:') && !key.includes(':step:'))")


# ---------------------------------------------------------------------------
# The journeys
# ---------------------------------------------------------------------------

def test_a_worksheet_is_saved_comes_back_after_a_reload_and_prints_with_its_answers(site, reader, tmp_path):
    sheet_id = next(iter(project.first_use("worksheet")))
    answers = answers_for(SHEETS[sheet_id])
    page = tab(reader)
    page.goto(site + address(sheet_id))
    fill(sheet(page, sheet_id), answers)
    page.reload()
    section = sheet(page, sheet_id)
    open_fill(section)
    for answer in answers:
        if answer.how == "type":
            expect(control(section, answer)).to_have_value(answer.value)
        elif answer.how == "tick":
            expect(control(section, answer)).to_be_checked()
        else:
            expect(control(section, answer).locator(f'[value="{answer.value}"]')).to_be_checked()
    page.evaluate("() => { window.print = () => { window.printed = true } }")
    section.locator('[data-act="print"]').click()
    page.wait_for_function("window.printed === true")
    printed = flat(" ".join(print_pdf(page, tmp_path / "sheet.pdf", "A4")))
    assert flat(SHEETS[sheet_id].title) in printed
    for answer in (answer for answer in answers if answer.how == "type"):
        assert flat(answer.value) in printed, f"{answer.key} did not print"
    assert page.watch.console_errors == []


def test_a_knowledge_check_says_which_answers_were_the_better_move(site, reader):
    quiz_id = next(quiz_id for quiz_id in project.first_use("quiz") if quiz_id in project.knowledge_checks())
    questions = QUIZZES[quiz_id].questions
    page = tab(reader)
    page.goto(site + address(quiz_id))
    section = quiz(page, quiz_id)
    open_fill(section)
    best = [next(index for index, option in enumerate(question.options) if option.best) for question in questions]
    for number, (group, better) in enumerate(zip(section.locator("fieldset").all(), best)):
        group.locator("input").nth(better if number == 0 else (better + 1) % len(questions[number].options)).check()
    section.locator("[data-check]").click()
    expect(section.locator("[data-summary]")).to_contain_text(
        f"You picked the better move in 1 of {len(questions)} questions.")
    feedback = section.locator("fieldset").first.locator("[data-feedback]")
    expect(feedback).to_contain_text("Your answer is the better move.")
    expect(section.locator("fieldset").last.locator("[data-feedback]")).to_contain_text("Not quite.")
    assert page.watch.console_errors == []


def test_a_safety_flag_puts_safety_and_real_help_first_and_nothing_is_kept(site, reader):
    quiz_id = next(quiz_id for quiz_id in project.first_use("quiz")
                   if quiz_id in project.assessments() and project.assessments()[quiz_id].flagged)
    data = QUIZZES[quiz_id]
    number, flagged = data.flagged[0]
    page = tab(reader)
    page.goto(site + address(quiz_id))
    section = quiz(page, quiz_id)
    open_fill(section)
    for index, group in enumerate(section.locator("fieldset").all(), 1):
        group.locator("input").nth(flagged.threshold - 1 if index == number else 0).check()
    section.get_by_role("checkbox", name="Keep my result on this device").check()
    section.locator("[data-check]").click()
    result = section.locator("[data-summary]")
    safety = result.locator(".g-quiz__safety")
    expect(safety).to_be_visible()
    assert " ".join(result.inner_text().split()).index("Your safety comes first.") < 40, "safety leads the result"
    expect(safety.get_by_role("link", name="Exit this page")).to_be_visible()
    shown = result.inner_text()
    for service in (service for region in project.helplines().regions for service in region.services):
        assert service.name in shown and (service.phone or service.text) in shown, service.name
    link = result.get_by_role("link", name="Read the Safety page")
    assert urljoin(page.url, link.get_attribute("href")) == site + project.url_path(project.SAFETY_PAGE)
    assert not any(band.title in shown for band in data.bands), "no band under a safety message"
    assert not any(f":{quiz_id}" in key for key in stored(page)), "a flagged result is never kept"
    assert page.watch.console_errors == []


def test_a_partner_opens_the_link_and_sees_both_answers(site, reader, browser):
    sheet_id = next(sheet_id for sheet_id in project.first_use("worksheet") if SHEETS[sheet_id].shareable)
    answers = answers_for(SHEETS[sheet_id])
    page = tab(reader)
    page.goto(site + address(sheet_id))
    section = sheet(page, sheet_id)
    fill(section, answers)
    section.get_by_role("button", name="Share my answers with my partner").click()
    section.get_by_role("button", name="Make the link").click()
    field = section.get_by_label("Private link for your partner")
    expect(field).not_to_have_value("")
    link = field.input_value()
    assert urlsplit(link).path == urlsplit(page.url).path and "#share=" in link
    partner = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = partner.new_page()
        other.goto(link)
        view = sheet(other, sheet_id).locator(".g-compare")
        view.wait_for()
        for answer in (answer for answer in answers if answer.how == "type"):
            expect(view).to_contain_text(answer.value.splitlines()[0])
        expect(view.locator(".g-compare__mark").first).to_contain_text("Only your partner has answered this.")
        assert "#" not in other.url, "the answers leave the address bar"
    finally:
        partner.close()
    assert page.watch.console_errors == []


def test_my_plan_gathers_an_answer_the_reader_committed_to(site, reader):
    planned = [(sheet_id, field) for sheet_id in project.first_use("worksheet")
               for field in SHEETS[sheet_id].fields if field.plan and field.kind in ("short", "long")]
    if not planned:
        pytest.skip("no written worksheet field is marked plan: true")
    sheet_id, field = planned[0]
    answer = next(answer for answer in answers_for(SHEETS[sheet_id]) if answer.key == field.id)
    page = tab(reader)
    page.goto(site + address(sheet_id))
    fill(sheet(page, sheet_id), [answer])
    page.goto(site + project.url_path(project.one_page_calling("my_plan")))
    group = page.locator(f'[data-plan="{sheet_id}"]')
    expect(group.locator(f'[data-k="{answer.key}"]')).to_contain_text(answer.value.splitlines()[0])
    expect(group.get_by_text(field.label, exact=True)).to_be_visible()
    assert page.watch.console_errors == []


def test_quick_exit_leaves_and_back_does_not_return(site, reader):
    exit_url = project.settings().quick_exit_url
    reader.route(exit_url, lambda route: route.fulfill(status=200, content_type="text/html",
                                                        body="<!doctype html><title>Weather</title>"))
    page = tab(reader)
    page.goto(site)
    page.goto(site + project.url_path(project.quick_exit_pages()[0]))
    page.get_by_role("link", name="Exit this page").first.click()
    page.wait_for_url(exit_url)
    page.go_back(wait_until="load")
    assert page.url == site, "Back skips the page the reader left"
    assert page.watch.console_errors == []


def test_search_finds_the_page_tagged_with_a_readers_word(engine, site, reader):
    """Material's search lists a page whose tag matches among the first results. Zensical's new search
    uses tags as filters, not as words to find (README, "Switching to Zensical"): there the word must
    be in the page's text, and the page listed."""
    tags = {}
    for page_file in project.pages():
        for tag in project.front_matter(page_file).get("tags") or []:
            tags.setdefault(str(tag), []).append(page_file)
    word, target = next((tag, pages[0]) for tag, pages in tags.items() if len(pages) == 1
                        and tag.lower() in project.source(pages[0]).split("---", 2)[-1].lower())
    page = tab(reader)
    page.goto(site)
    page.locator("html[data-guide-js]").wait_for(state="attached")
    opener = page.locator(".md-search__button")  # Zensical's search opens as a dialog
    if opener.count():
        opener.click()
    else:
        page.keyboard.press("/")  # Material's: the box in the header takes the words
    page.locator('input[aria-label="Search"]').press_sequentially(word, delay=10)
    results = page.locator(".md-search-result__item > .md-search-result__link, [role=listbox] a[role=option]")
    expect(results.first).to_be_visible()
    wanted = urljoin(site, project.url_path(target))
    within = 3 if engine == "mkdocs" else None
    listed = []
    for _ in range(50):  # each keystroke brings new results: wait for the page among them
        listed = results.evaluate_all("links => links.map(link => link.href.split('#')[0])")
        if wanted in listed[:within]:
            break
        page.wait_for_timeout(100)
    assert wanted in listed[:within], f"searching {word!r} lists {listed[:within]}"
    results.nth(listed.index(wanted)).click()
    page.wait_for_url(wanted + "**")
    assert page.watch.console_errors == []
