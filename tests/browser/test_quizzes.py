"""Quizzes in Chromium: answered with the keyboard alone, scored as the data file says, announced,
kept only as the reader chooses, never when a safety flag is raised; the safety message and real
help; no JavaScript; print; axe before and after. Which quizzes, and where, comes from the data and
the pages' calls (tests/project.py)."""

from __future__ import annotations

import re

from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import expect

import project
from axecheck import violations_in_both_schemes
from components import open_fill
from guide_macros.quiz_models import STRAINED_POINTS

DATA = project.ROOT / "docs" / "data" / "quizzes"


def result_of(quiz):
    """The quiz's live region for its result (a self-assessment has a second one, for sharing)."""
    return quiz.locator("[data-summary]")


def quiz_data(quiz_id: str) -> dict:
    return yaml.safe_load((DATA / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def where(quiz_id: str) -> str:
    """The address (below the site) of the first page that shows a quiz."""
    return project.url_path(project.where_used("quiz", quiz_id)[0])


# The first knowledge check and the first self-assessment with a safety flag, in reading order.
KNOWLEDGE = next(quiz_id for quiz_id in project.first_use("quiz") if quiz_id in project.knowledge_checks())
FLAGGED = [quiz_id for quiz_id in project.first_use("quiz")
           if quiz_id in project.assessments() and project.assessments()[quiz_id].flagged]
ASSESSMENT = FLAGGED[0] if FLAGGED else next(iter(project.assessments()))
# A second page with a knowledge check, reached by instant navigation.
OTHER_KNOWLEDGE = next(quiz_id for quiz_id in project.first_use("quiz")
                       if quiz_id in project.knowledge_checks() and where(quiz_id) != where(KNOWLEDGE))


def squash(text: str) -> str:
    return " ".join(text.split())


def points(statement: dict, answer: int) -> int:
    """The points of an answer given as a scale point (1 = first word)."""
    return 6 - answer if statement.get("reverse") else answer


def total_and_band(data: dict, answers: list[int]) -> tuple[int, dict]:
    """The total for answers given as scale points; safety flags never count."""
    total = sum(points(statement, answer) for statement, answer in zip(data["statements"], answers, strict=True)
                if not statement.get("safety_flag"))
    return total, next(band for band in data["bands"] if band["min"] <= total <= band["max"])


def flag_raised(data: dict, answers: list[int]) -> bool:
    return any(statement.get("safety_flag") and answer >= statement["threshold"]
               for statement, answer in zip(data["statements"], answers))


def answers_at(data: dict, level: int, raised: bool = False) -> list[int]:
    """Every counted statement at `level` points (reverse ones answered the other way); flagged
    statements at their threshold when `raised`, else at the first scale word."""
    return [(statement["threshold"] if raised else 1) if statement.get("safety_flag")
            else (6 - level if statement.get("reverse") else level) for statement in data["statements"]]


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def answer_by_keyboard(page, quiz, choices: list[int]) -> None:
    """From just before the quiz: Tab to its "Take ..." control (Enter opens it), into each radio group,
    pick with Space or arrow keys, then Check.

    `choices` are 0-based places in each group. Tab lands on a group's first radio without
    choosing it; Space chooses it; each arrow press moves on and chooses the next.
    """
    # First the control that shows the questions: a summary, opened with Enter when it is closed.
    page.keyboard.press("Tab")
    summary = quiz.locator(".g-fill > summary")
    assert is_focused(summary), "Tab did not reach the control that shows the questions"
    if not quiz.locator(".g-fill").evaluate("details => details.open"):
        page.keyboard.press("Enter")
    if quiz.locator(".g-fill [data-quick-exit]").count():
        page.keyboard.press("Tab")  # questions about safety: the way out comes first
        assert is_focused(quiz.locator(".g-fill [data-quick-exit]")), "Tab did not reach Exit this page first"
    groups = quiz.locator("fieldset")
    for index, choice in enumerate(choices):
        page.keyboard.press("Tab")
        first = groups.nth(index).locator("input").first
        assert is_focused(first), f"Tab did not reach question {index + 1}"
        if choice == 0:
            page.keyboard.press("Space")
        for _ in range(choice):
            page.keyboard.press("ArrowRight" if index % 2 else "ArrowDown")
        assert groups.nth(index).locator("input").nth(choice).is_checked()
    page.keyboard.press("Tab")
    assert focused_text(page) == "Check my answers"
    page.keyboard.press("Enter")


def answer(quiz, answers: list[int]) -> None:
    """Pick answers (scale points, 1 = first) with the mouse, then check."""
    for group, value in zip(quiz.locator("fieldset").all(), answers, strict=True):
        group.locator("input").nth(value - 1).check()
    quiz.locator("[data-check]").click()


def open_quiz(page, base_url: str, quiz_id: str, path: str | None = None):
    """Open a page scrolled to a quiz; the next Tab goes to the quiz's first control."""
    page.goto(f"{base_url}{where(quiz_id) if path is None else path}#q-{quiz_id}")
    quiz = page.locator(f'section[data-quiz="{quiz_id}"]')
    wait_until_ready(quiz)
    return quiz


def wait_until_ready(quiz):
    """guide.js marks a quiz it has set up (its buttons show a moment earlier, with data-guide-js on <html>)."""
    quiz.locator("xpath=self::*[@data-ready]").wait_for()


def stored(page) -> dict:
    """Everything this guide keeps in the browser, by name."""
    return page.evaluate("Object.fromEntries(guideStore.names().map(name => [name, guideStore.read(name)]))")


def summary_links(page, quiz) -> dict[str, str]:
    """Link text -> absolute address, for every link in the result summary."""
    return {squash(a.inner_text()): urljoin(page.url, a.get_attribute("href"))
            for a in quiz.locator("[data-summary] a").all()}


# ---------------------------------------------------------------------------


def test_knowledge_check_with_the_keyboard_alone(page, base_url):
    data = quiz_data(KNOWLEDGE)
    quiz = open_quiz(page, base_url, KNOWLEDGE)
    best = [next(i for i, option in enumerate(q["options"]) if option.get("best")) for q in data["questions"]]
    # The better move on the first question only: every other answer is a wrong one.
    choices = [best[0]] + [(b + 1) % len(q["options"]) for b, q in zip(best[1:], data["questions"][1:])]
    answer_by_keyboard(page, quiz, choices)
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(element => element.id)")
    assert len(ids) == len(set(ids)), "the ids guide.js adds at the check are unique on the page"

    heading = quiz.get_by_role("heading", name="Your result")
    assert is_focused(heading)
    status = result_of(quiz)
    assert f"You picked the better move in 1 of {len(choices)} questions." in status.inner_text()
    for index, (group, question) in enumerate(zip(quiz.locator("fieldset").all(), data["questions"])):
        feedback = group.locator("[data-feedback]")
        verdict, why = [squash(said) for said in feedback.locator("p").all_inner_texts()]
        if index == 0:
            assert verdict == "Your answer is the better move."
        else:
            better = squash(question["options"][best[index]]["text"])
            assert verdict == f"Not quite. The better move is “{better}”."
        # Why the picked answer is, or is not, the better move: the data file's explanation for it.
        assert why == squash(question["options"][choices[index]]["explanation"])
        # guide.js adds the feedback and ties it to the question: a screen reader reads it with the group.
        expect(group).to_have_accessible_description(re.compile(re.escape(verdict)))
    # Every answer and why, after the last question, one tap away.
    key = quiz.locator("details.g-quiz__key")
    key.locator("summary").click()
    for question in data["questions"]:
        for option in question["options"]:
            assert key.get_by_text(squash(option["explanation"])).is_visible()

    page.keyboard.press("Tab")
    assert focused_text(page) == "Try again"
    page.keyboard.press("Enter")
    assert quiz.locator("input:checked").count() == 0
    assert is_focused(quiz.locator("input").first)
    assert status.inner_text().strip() == ""
    assert quiz.locator("details.g-quiz__key").is_hidden(), "the answers hide again for a fresh try"
    assert page.watch.console_errors == []


# Resolves once the page has not scrolled for ten animation frames in a row (scrolling may be smooth).
SCROLL_SETTLED = """() => new Promise(done => {
    let last = -1, still = 0;
    const tick = () => { still = scrollY === last ? still + 1 : 0; last = scrollY; still > 10 ? done() : requestAnimationFrame(tick); };
    tick();
})"""

# Where the focused element sits once scrolled flush to the top, as a browser scrolls focus that is
# above the screen (it depends on where the reader was), against the bottom of Material's sticky header.
TOP_OF_FOCUS_AND_HEADER = """() => {
    document.activeElement.scrollIntoView({block: "start"});
    return [document.activeElement.getBoundingClientRect().top,
            document.querySelector(".md-header").getBoundingClientRect().bottom];
}"""


def test_on_a_phone_focus_moved_by_a_quiz_lands_below_the_sticky_header(browser, base_url):
    """"Your result" and a missed question get focus; brought to the top of the screen they once sat
    under Material's header, out of sight (WCAG 2.4.11)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + where(ASSESSMENT))
        quiz = page.locator(f'section[data-quiz="{ASSESSMENT}"]')
        wait_until_ready(quiz)
        open_fill(quiz)
        check = quiz.get_by_role("button", name="Check my answers")
        check.scroll_into_view_if_needed()  # the first question is now far above the screen
        check.click()  # nothing answered: guide.js brings the first question back, focus on its first answer
        expect(quiz.locator("input").first).to_be_focused()
        page.evaluate(SCROLL_SETTLED)
        top, header_bottom = page.evaluate("""() => [
            document.activeElement.closest("fieldset").querySelector("legend").getBoundingClientRect().top,
            document.querySelector(".md-header").getBoundingClientRect().bottom]""")
        assert top >= header_bottom, f"the missed question starts at {top}px, under the header (to {header_bottom}px)"
        for group, value in zip(quiz.locator("fieldset").all(), answers_at(quiz_data(ASSESSMENT), 2)):
            group.locator("label").nth(value - 1).click()
        check.click()
        expect(quiz.get_by_role("heading", name="Your result")).to_be_focused()
        top, header_bottom = page.evaluate(TOP_OF_FOCUS_AND_HEADER)
        assert top >= header_bottom, f"the result heading starts at {top}px, under the header (to {header_bottom}px)"
    finally:
        context.close()


def test_changing_an_answer_after_a_check_clears_the_stale_feedback(page, base_url):
    data = quiz_data(KNOWLEDGE)
    quiz = open_quiz(page, base_url, KNOWLEDGE)
    best = [next(i for i, option in enumerate(q["options"]) if option.get("best")) for q in data["questions"]]
    groups = quiz.locator("fieldset")
    for index, group in enumerate(groups.all()):
        group.locator("input").nth((best[index] + 1) % len(data["questions"][index]["options"])).check()
    quiz.get_by_role("button", name="Check my answers").click()
    status = result_of(quiz)
    assert f"0 of {len(best)}" in status.inner_text()
    assert groups.first.locator("[data-feedback]").inner_text().startswith("Not quite.")
    assert quiz.locator("details.g-quiz__key").is_visible()

    # The reader changes their mind on question 1: what was said about the old answers no longer holds.
    groups.first.locator("input").nth(best[0]).check()
    assert status.inner_text().strip() == "You changed an answer. Check again to see your result."
    for group in groups.all():
        assert group.locator("[data-feedback]").inner_text() == ""
    assert quiz.locator("details.g-quiz__key").is_hidden(), "no answers shown for the changed answer"
    assert quiz.get_by_role("button", name="Try again").is_hidden()
    assert groups.first.locator("input").nth(best[0]).is_checked(), "the answers stay"
    quiz.get_by_role("button", name="Check my answers").click()
    assert f"You picked the better move in 1 of {len(best)} questions." in status.inner_text()
    assert groups.first.locator("[data-feedback] p").first.inner_text() == "Your answer is the better move."
    assert "Last time" not in status.inner_text(), "the corrected check is not compared with itself"
    results = stored(page)[f"quiz:{KNOWLEDGE}"]
    assert [entry["score"] for entry in results] == [1], "the corrected result replaced the stale one"
    assert page.watch.console_errors == []


def test_dont_save_on_a_quiz_removes_saved_results_and_stops_worksheet_saving(page, base_url):
    """One choice for the whole site: made on a quiz's switch, it holds for every worksheet too."""
    quiz = open_quiz(page, base_url, KNOWLEDGE)
    for group in quiz.locator("fieldset").all():
        group.locator("input").first.check()
    quiz.locator("[data-check]").click()
    history = quiz.locator(".g-quiz__history")
    assert squash(history.locator("summary").inner_text()) == "Your saved results on this device (1)"
    assert list(stored(page)) == [f"quiz:{KNOWLEDGE}"]

    quiz.get_by_role("switch", name="Don't save anything on this device").check()
    assert stored(page) == {} and history.count() == 0
    sheet_page = next(page_ for page_ in project.pages() if any(kind == "worksheet" for kind, _ in project.calls(page_)))
    page.goto(base_url + project.url_path(sheet_page))
    sheet = page.locator("section.g-ws").first
    wait_until_ready(sheet)
    open_fill(sheet)
    sheet.locator("input[type=text], textarea").first.fill("Not to be kept")
    page.reload()
    wait_until_ready(sheet)
    assert stored(page) == {}
    open_fill(sheet)
    assert page.evaluate("Object.keys(localStorage).filter(key => key.includes(':ws:'))") == []
    sheet.locator("details.g-ws__more summary").click()
    assert sheet.get_by_role("switch", name="Don't save anything on this device").is_checked()
    assert page.watch.console_errors == []


def test_a_self_assessment_result_is_kept_only_when_the_reader_asks(page, base_url):
    data = quiz_data(ASSESSMENT)
    answers = answers_at(data, 2)
    total, band = total_and_band(data, answers)
    assert not flag_raised(data, answers)
    quiz = open_quiz(page, base_url, ASSESSMENT)
    answer_by_keyboard(page, quiz, [value - 1 for value in answers])

    status = squash(result_of(quiz).inner_text())
    lowest, highest = data["bands"][0], data["bands"][-1]
    # Which end is which, in the data's own words: a reader cannot tell otherwise whether low is good.
    assert (f"Your total is {total}, on a range from {lowest['min']} (“{lowest['title']}”) to "
            f"{highest['max']} (“{highest['title']}”).") in status
    assert band["title"] in status and squash(band["message"]) in status
    shown = {address.removeprefix(base_url) for address in summary_links(page, quiz).values()}
    assert {project.url_path(link["page"].partition("#")[0]) for link in band.get("links", [])} <= shown
    assert "Exit this page" not in status
    first = quiz.locator("fieldset").first.locator("[data-feedback]").inner_text()
    assert first.startswith(f"{points(data['statements'][0], answers[0])} point")

    # Not kept unless asked: after a reload nothing of it is in the browser.
    page.reload()
    wait_until_ready(quiz)
    assert stored(page) == {} and quiz.locator(".g-quiz__history").count() == 0

    # Asked: kept, folded away so nobody nearby sees it until it is opened.
    answer(quiz, answers)
    keep = quiz.get_by_role("checkbox", name="Keep my result on this device")
    assert not keep.is_checked()
    keep.check()
    assert "kept on this device" in result_of(quiz).inner_text()
    assert [entry["score"] for entry in stored(page)[f"quiz:{ASSESSMENT}"]] == [total]
    page.reload()
    wait_until_ready(quiz)
    history = quiz.locator(".g-quiz__history")
    assert squash(history.inner_text()) == "Your saved results on this device (1)"
    assert not history.get_by_text(band["title"]).is_visible()
    history.locator("summary").click()
    assert history.get_by_text(f"{total} points, {band['title']}").is_visible()

    # A retake, kept too, shows the change since last time.
    retake = answers_at(data, 1)
    retake_total, _ = total_and_band(data, retake)
    quiz.get_by_role("checkbox", name="Keep my result on this device").check()
    answer(quiz, retake)
    assert (f"This time it is {total - retake_total} lower, toward “{lowest['title']}”."
            in result_of(quiz).inner_text())
    assert history.locator("summary").inner_text() == "Your saved results on this device (2)"
    history.get_by_role("button", name="Clear my saved results").click()
    assert history.count() == 0 and stored(page) == {}
    assert page.watch.console_errors == []


@pytest.mark.parametrize("quiz_id", FLAGGED)
def test_a_safety_flag_puts_safety_and_real_help_first_and_nothing_is_kept(page, base_url, quiz_id):
    data = quiz_data(quiz_id)
    quiz = open_quiz(page, base_url, quiz_id)
    status = result_of(quiz)
    # A result kept earlier, so a retake could compare itself with it.
    answer(quiz, answers_at(data, 3))
    quiz.get_by_role("checkbox", name="Keep my result on this device").check()
    kept = stored(page)

    for number, statement in enumerate(data["statements"], 1):
        if not statement.get("safety_flag"):
            continue
        # Mildest everywhere but this flagged statement, which is at its threshold.
        answers = answers_at(data, 1)
        answers[number - 1] = statement["threshold"]
        quiz.locator("[data-retry]").click()
        keep = quiz.get_by_role("checkbox", name="Keep my result on this device")
        keep.check()  # asked to keep: a result that touches on safety is still never kept
        answer(quiz, answers)
        shown = squash(status.inner_text())
        safety = status.locator(".g-quiz__safety")
        assert safety.is_visible() and shown.index("Your safety comes first.") < 40, "safety leads the result"
        assert safety.get_by_role("link", name="Exit this page").is_visible()
        for region in project.helplines().regions:
            for service in region.services:
                assert service.name in shown and (service.phone or service.text.number) in shown, service.name
        assert summary_links(page, quiz)["Read the Safety page"] == base_url + project.url_path(project.SAFETY_PAGE)
        for band in data["bands"]:
            assert band["title"] not in shown, "no reassuring band title under a safety message"
            assert squash(band["message"]) not in shown
        assert "toward" not in shown and "Last time" not in shown
        assert keep.is_disabled()
        assert stored(page) == kept, "a flagged result is never stored"
        flagged_feedback = quiz.locator("fieldset").nth(number - 1).locator("[data-feedback]").inner_text()
        assert flagged_feedback.startswith("Not counted"), "a safety statement adds nothing to the total"
    page.reload()
    assert stored(page) == kept
    assert page.watch.console_errors == []


def test_a_high_answer_on_a_statement_points_to_its_own_page(page, base_url):
    linked = [(quiz_id, index, statement) for quiz_id in project.assessments()
              for index, statement in enumerate(quiz_data(quiz_id)["statements"]) if statement.get("link")]
    if not linked:
        pytest.skip("no statement in the self-assessments has a `link:` yet")
    quiz_id, index, statement = linked[0]
    data = quiz_data(quiz_id)
    quiz = open_quiz(page, base_url, quiz_id)
    answers = answers_at(data, 1)
    answers[index] = 2 if statement.get("reverse") else 4  # this statement alone at Often
    answer(quiz, answers)
    assert points(statement, answers[index]) >= STRAINED_POINTS
    target = base_url + project.url_path(statement["link"]["page"].partition("#")[0])
    assert any(address.split("#")[0] == target for address in summary_links(page, quiz).values())


def test_safe_to_run_again_and_after_instant_navigation(page, base_url):
    quiz = open_quiz(page, base_url, KNOWLEDGE)
    page.evaluate("document$.next(document)")  # what Material does after each instant navigation
    for group in quiz.locator("fieldset").all():
        group.locator("input").first.check()
    quiz.locator("[data-check]").click()
    assert len(page.evaluate(f"guideStore.read('quiz:{KNOWLEDGE}', [])")) == 1  # one listener, one result
    assert quiz.get_by_role("heading", name="Your result").count() == 1

    # Instant navigation swaps the page without a reload: the next page's quiz still works.
    page.evaluate(f"location.hash = ''; document.querySelector('.md-nav--primary a[href$=\"/{where(OTHER_KNOWLEDGE)}\"]').click()")
    page.wait_for_url(f"**/{where(OTHER_KNOWLEDGE)}")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    next_quiz = page.locator(f'section[data-quiz="{OTHER_KNOWLEDGE}"]')
    wait_until_ready(next_quiz)
    open_fill(next_quiz)
    for group in next_quiz.locator("fieldset").all():
        group.locator("input").first.check()
    next_quiz.locator("[data-check]").click()
    assert "You picked the better move in" in result_of(next_quiz).inner_text()
    assert page.watch.console_errors == []


def test_without_javascript_the_answers_are_one_tap_away_after_the_questions(no_js, base_url):
    page = no_js
    data = quiz_data(KNOWLEDGE)
    page.goto(base_url + where(KNOWLEDGE))
    quiz = page.locator(f'section[data-quiz="{KNOWLEDGE}"]')
    assert quiz.get_by_role("button", name="Check my answers").count() == 0  # hidden: it needs JavaScript
    assert quiz.locator("fieldset details").count() == 0, "no answers beside the questions"
    key = quiz.locator("details.g-quiz__key")
    assert key.get_attribute("open") is None
    key.get_by_text("Answers and why").click()
    for question in data["questions"]:
        for option in question["options"]:
            assert key.get_by_text(squash(option["explanation"])).is_visible()
    # A self-assessment shows how to score it by hand, with the bands, and no result or saved list.
    page.goto(base_url + where(ASSESSMENT))
    section = page.locator(f'section[data-quiz="{ASSESSMENT}"]')
    guide = section.locator(".g-quiz__guide")
    assert guide.get_by_text("Score it by hand").is_visible()
    assert guide.locator("tbody tr[data-min]").count() == len(quiz_data(ASSESSMENT)["bands"])
    assert section.locator(".g-quiz__safety, .g-quiz__history").count() == 0
    # Questions about safety keep their way out: a plain link, which needs no script.
    exits = section.locator("[data-quick-exit]")
    assert exits.count() == (1 if quiz_data(ASSESSMENT)["statements"] and any(
        statement.get("safety_flag") for statement in quiz_data(ASSESSMENT)["statements"]) else 0)
    if exits.count():
        assert exits.get_attribute("href") == project.settings().quick_exit_url and exits.is_visible()
    assert section.get_by_role("checkbox").count() == 0, "no control that needs JavaScript shows"


def test_print_shows_boxes_the_answers_and_the_scoring_guide(page, base_url):
    page.goto(base_url + where(ASSESSMENT))
    page.emulate_media(media="print")
    quiz = page.locator(f'section[data-quiz="{ASSESSMENT}"]')
    assert quiz.locator(".g-quiz__guide").is_visible()  # hidden on screen once JavaScript runs
    assert quiz.locator("input").first.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert quiz.locator(".g-quiz__actions").is_hidden()
    page.goto(base_url + where(KNOWLEDGE))
    page.emulate_media(media="print")
    explanation = page.locator(f'section[data-quiz="{KNOWLEDGE}"] .g-quiz__key li li').first
    assert explanation.evaluate("el => el.getBoundingClientRect().height") > 0
    # A quiz's heading is not left alone at the foot of a printed page, cut off from its quiz.
    heading = page.locator(f'h2:has(+ section[data-quiz="{KNOWLEDGE}"])')
    if heading.count():
        assert heading.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"


def test_no_axe_violation_before_and_after_answering(phone, base_url):
    page = phone("", base_url)
    for quiz_id in (KNOWLEDGE, ASSESSMENT):
        quiz = open_quiz(page, base_url, quiz_id)
        selector = f'section[data-quiz="{quiz_id}"]'
        assert violations_in_both_schemes(page, within=selector) == [], f"{quiz_id} before answering"
        for group in quiz.locator("fieldset").all():
            group.locator("input").nth(2).check()  # on a self-assessment with flags, this raises one
        quiz.locator("[data-check]").click()
        assert violations_in_both_schemes(page, within=selector) == [], f"{quiz_id} after answering"
        if quiz_id in project.assessments():
            quiz.locator("[data-retry]").click()
            answer(quiz, answers_at(quiz_data(quiz_id), 2))  # a band, with the keep box and no flag
            quiz.get_by_role("checkbox", name="Keep my result on this device").check()
            assert violations_in_both_schemes(page, within=selector) == [], f"{quiz_id} with a kept result"
