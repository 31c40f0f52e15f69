"""Quizzes in Chromium: answered with the keyboard alone, scored as the data file says, announced,
kept across a reload and cleared; the safety message; no JavaScript; print; axe before and after."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from guide_macros import quizzes

DATA = Path(__file__).resolve().parents[2] / "docs" / "data" / "quizzes"
AXE = Axe()


def quiz_data(quiz_id: str) -> dict:
    return yaml.safe_load((DATA / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return " ".join(text.split())


def total_and_band(data: dict, answers: list[int]) -> tuple[int, dict]:
    """The total for answers given as scale points (1 = first word), reverse statements counted back."""
    total = sum(6 - answer if statement.get("reverse") else answer
                for statement, answer in zip(data["statements"], answers, strict=True))
    return total, next(band for band in data["bands"] if band["min"] <= total <= band["max"])


def flag_raised(data: dict, answers: list[int]) -> bool:
    return any(statement.get("safety_flag") and answer >= statement["threshold"]
               for statement, answer in zip(data["statements"], answers))


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def answer_by_keyboard(page, quiz, choices: list[int]) -> None:
    """From just before the quiz: Tab into each radio group, pick with Space or arrow keys, then Check.

    `choices` are 0-based places in each group. Tab lands on a group's first radio without
    choosing it; Space chooses it; each arrow press moves on and chooses the next.
    """
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


def open_quiz(page, base_url: str, path: str, quiz_id: str):
    """Open a page scrolled to a quiz; the next Tab goes to the quiz's first control."""
    page.goto(f"{base_url}{path}#q-{quiz_id}", wait_until="networkidle")
    quiz = page.locator(f'section[data-quiz="{quiz_id}"]')
    wait_until_ready(quiz)
    return quiz


def wait_until_ready(quiz):
    """guide.js marks a quiz it has set up (its buttons show a moment earlier, with data-guide-js on <html>)."""
    quiz.locator("xpath=self::*[@data-ready]").wait_for()


def summary_links(page, quiz) -> dict[str, str]:
    """Link text -> absolute address, for every link in the result summary."""
    return {squash(a.inner_text()): urljoin(page.url, a.get_attribute("href"))
            for a in quiz.locator("[data-summary] a").all()}


def violations(page, selector: str) -> list[str]:
    """axe-core's violations inside `selector` (tests/browser/test_accessibility.py checks whole pages)."""
    results = AXE.run(page, context=selector).response["violations"]
    return [f"{rule['id']}: {', '.join(map(str, node['target']))}" for rule in results for node in rule["nodes"]]


# ---------------------------------------------------------------------------


def test_knowledge_check_with_the_keyboard_alone(page, base_url):
    data = quiz_data("take-stock-check")
    quiz = open_quiz(page, base_url, "take-stock/", "take-stock-check")
    best = [next(i for i, option in enumerate(q["options"]) if option.get("best")) for q in data["questions"]]
    # The better move on the first question only: every other answer is a wrong one.
    choices = [best[0]] + [(b + 1) % len(q["options"]) for b, q in zip(best[1:], data["questions"][1:])]
    answer_by_keyboard(page, quiz, choices)
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(element => element.id)")
    assert len(ids) == len(set(ids)), "the ids guide.js adds at the check are unique on the page"

    heading = quiz.locator("[data-summary] h4")
    assert heading.inner_text() == "Your result" and is_focused(heading)
    status = quiz.get_by_role("status")
    assert f"You picked the better move in 1 of {len(choices)} questions." in status.inner_text()
    for index, (group, question) in enumerate(zip(quiz.locator("fieldset").all(), data["questions"])):
        feedback = group.locator("[data-feedback]")
        if index == 0:
            assert feedback.inner_text() == "Your answer is the better move."
        else:
            better = squash(question["options"][best[index]]["text"])
            assert squash(feedback.inner_text()) == f"Not quite. The better move is “{better}”"
        # guide.js adds the feedback and ties it to the question: a screen reader reads it with the group.
        expect(group).to_have_accessible_description(feedback.inner_text())
        # Why each choice is or is not the better move, beside the question.
        for option in question["options"]:
            assert group.get_by_text(squash(option["explanation"])).is_visible()

    page.keyboard.press("Tab")
    assert focused_text(page) == "Try again"
    page.keyboard.press("Enter")
    assert quiz.locator("input:checked").count() == 0
    assert is_focused(quiz.locator("input").first)
    assert status.inner_text().strip() == ""
    assert not quiz.locator("fieldset details").first.is_visible()
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
        page.goto(base_url)
        quiz = page.locator('section[data-quiz="two-minute-check"]')
        wait_until_ready(quiz)
        check = quiz.get_by_role("button", name="Check my answers")
        check.scroll_into_view_if_needed()  # the first question is now far above the screen
        check.click()  # nothing answered: guide.js brings the first question back, focus on its first answer
        expect(quiz.locator("input").first).to_be_focused()
        page.evaluate(SCROLL_SETTLED)
        top, header_bottom = page.evaluate("""() => [
            document.activeElement.closest("fieldset").querySelector("legend").getBoundingClientRect().top,
            document.querySelector(".md-header").getBoundingClientRect().bottom]""")
        assert top >= header_bottom, f"the missed question starts at {top}px, under the header (to {header_bottom}px)"
        for group, answer in zip(quiz.locator("fieldset").all(), [1, 3, 2, 2, 3, 3, 2, 1, 0]):
            group.locator("label").nth(answer).click()
        check.click()
        expect(quiz.get_by_role("heading", name="Your result")).to_be_focused()
        top, header_bottom = page.evaluate(TOP_OF_FOCUS_AND_HEADER)
        assert top >= header_bottom, f"the result heading starts at {top}px, under the header (to {header_bottom}px)"
    finally:
        context.close()


def test_changing_an_answer_after_a_check_clears_the_stale_feedback(page, base_url):
    data = quiz_data("take-stock-check")
    quiz = open_quiz(page, base_url, "take-stock/", "take-stock-check")
    best = [next(i for i, option in enumerate(q["options"]) if option.get("best")) for q in data["questions"]]
    groups = quiz.locator("fieldset")
    for index, group in enumerate(groups.all()):
        group.locator("input").nth((best[index] + 1) % len(data["questions"][index]["options"])).check()
    quiz.get_by_role("button", name="Check my answers").click()
    status = quiz.get_by_role("status")
    assert f"0 of {len(best)}" in status.inner_text()
    assert groups.first.locator("[data-feedback]").inner_text().startswith("Not quite.")

    # The reader changes their mind on question 1: what was said about the old answers no longer holds.
    groups.first.locator("input").nth(best[0]).check()
    assert status.inner_text().strip() == "You changed an answer. Check again to see your result."
    for group in groups.all():
        assert group.locator("[data-feedback]").inner_text() == ""
    assert not groups.first.locator("details").is_visible()
    assert quiz.get_by_role("button", name="Try again").is_hidden()
    assert groups.first.locator("input").nth(best[0]).is_checked(), "the answers stay"
    quiz.get_by_role("button", name="Check my answers").click()
    assert f"You picked the better move in 1 of {len(best)} questions." in status.inner_text()
    assert groups.first.locator("[data-feedback]").inner_text() == "Your answer is the better move."
    assert "Last time" not in status.inner_text(), "the corrected check is not compared with itself"
    results = page.evaluate("Object.entries(localStorage).filter(([k]) => k.endsWith(':quiz:take-stock-check'))"
                            ".map(([, v]) => JSON.parse(v))[0]")
    assert [entry["score"] for entry in results] == [1], "the corrected result replaced the stale one"
    assert page.watch.console_errors == []


def test_dont_save_on_the_same_page_removes_saved_quiz_results_too(page, base_url):
    quiz = open_quiz(page, base_url, "take-stock/", "take-stock-check")
    for group in quiz.locator("fieldset").all():
        group.locator("input").first.check()
    quiz.locator("[data-check]").click()
    history = quiz.locator("[data-history]")
    assert squash(history.locator("summary").inner_text()) == "Your saved results on this device (1)"
    assert page.evaluate("guideStore.names('quiz:')") == ["quiz:take-stock-check"]

    sheet = page.locator('section.g-worksheet[data-worksheet="take-stock"]')
    wait_until_ready(sheet)
    sheet.locator("details.g-ws-more summary").click()
    sheet.get_by_role("switch", name="Don't save on this device").check()
    assert "quiz results removed" in sheet.locator(".g-ws-more [role=status]").inner_text()
    assert page.evaluate("guideStore.names('quiz:')") == []
    assert history.is_hidden() and history.locator("li").count() == 0
    page.reload(wait_until="networkidle")
    wait_until_ready(quiz)
    assert history.is_hidden()


def test_self_assessment_band_is_the_one_the_data_gives_and_is_kept(page, base_url):
    data = quiz_data("two-minute-check")
    answers = [2, 4, 3, 2, 5, 3, 4, 1, 1]
    total, band = total_and_band(data, answers)
    assert not flag_raised(data, answers)
    quiz = open_quiz(page, base_url, "", "two-minute-check")
    answer_by_keyboard(page, quiz, [answer - 1 for answer in answers])

    status = squash(quiz.get_by_role("status").inner_text())
    lowest, highest = data["bands"][0]["title"], data["bands"][-1]["title"]
    # Which end is which, in the data's own words: a reader cannot tell otherwise whether low is good.
    assert f"Your total is {total}, on a range from 9 (“{lowest}”) to 45 (“{highest}”)." in status
    assert band["title"] in status and squash(band["message"]) in status
    links = summary_links(page, quiz)
    assert [address.removeprefix(base_url) for address in links.values()] == [
        link["page"].removesuffix(".md") + "/" for link in band["links"]]
    assert "Exit this page" not in status
    points = quiz.locator("fieldset").first.locator("[data-feedback]").inner_text()
    assert points == f"{6 - answers[0]} points (this one counts the other way)."

    # Back later: the result is kept, but folded away so nobody nearby sees it until it is opened.
    page.reload(wait_until="networkidle")
    wait_until_ready(quiz)
    history = quiz.locator("[data-history]")
    assert squash(history.inner_text()) == "Your saved results on this device (1)"
    assert not history.get_by_text(band["title"]).is_visible()
    assert not history.get_by_role("button", name="Clear my saved results").is_visible()
    history.locator("summary").click()
    assert history.get_by_text(f"{total} points, {band['title']}").is_visible()
    # A retake shows the change since last time.
    retake = [1, 1, 1, 1, 1, 1, 1, 5, 1]
    retake_total, _ = total_and_band(data, retake)
    for group, answer in zip(quiz.locator("fieldset").all(), retake):
        group.locator("input").nth(answer - 1).check()
    quiz.locator("[data-check]").click()
    assert (f"Last time, on" in quiz.get_by_role("status").inner_text()
            and f"This time it is {total - retake_total} lower, toward “{lowest}”."
            in quiz.get_by_role("status").inner_text())
    assert history.locator("summary").inner_text() == "Your saved results on this device (2)"

    history.get_by_role("button", name="Clear my saved results").click()
    assert history.is_hidden()
    assert page.evaluate("guideStore.names('quiz:')") == []
    page.reload(wait_until="networkidle")
    wait_until_ready(quiz)
    assert history.is_hidden()


def mild_answers_with_flag(data: dict, raised: bool = True, level: int = 1) -> list[int]:
    """Every statement at `level` points (reverse ones answered the other way); flagged statements
    at their threshold when `raised`, else at the first scale word."""
    return [(statement["threshold"] if raised else 1) if statement.get("safety_flag")
            else (6 - level if statement.get("reverse") else level) for statement in data["statements"]]


@pytest.mark.parametrize("quiz_id, path", [("two-minute-check", ""), ("talk-and-listen", "quizzes/")])
def test_a_safety_flag_puts_safety_first_and_leaves_out_counselling(page, base_url, quiz_id, path):
    data = quiz_data(quiz_id)
    quiz = open_quiz(page, base_url, path, quiz_id)
    status = quiz.get_by_role("status")

    # Mildest everywhere but the flagged statement: the total lands in the mildest band.
    answers = mild_answers_with_flag(data)
    total, band = total_and_band(data, answers)
    assert flag_raised(data, answers) and band == data["bands"][0]
    answer_by_keyboard(page, quiz, [answer - 1 for answer in answers])
    first = status.locator(":scope > *").nth(1)  # right after the "Your result" heading
    assert first.get_attribute("data-safety") is not None and first.is_visible()
    assert "Your safety comes first." in first.inner_text()
    assert first.get_by_role("link", name="Exit this page").is_visible()
    assert summary_links(page, quiz)["Read the Safety page"] == base_url + "safety/"
    assert_safe_result(page, base_url, quiz, data, band)

    # A total whose band suggests counselling: with the flag raised, the suggestion is left out.
    level = next(level for level in range(1, 6)
                 if any(link["page"] == "outside-help.md"
                        for link in total_and_band(data, mild_answers_with_flag(data, level=level))[1]["links"]))
    for raised in (True, False):
        answers = mild_answers_with_flag(data, raised=raised, level=level)
        total, band = total_and_band(data, answers)
        quiz.locator("[data-retry]").click()
        for group, answer in zip(quiz.locator("fieldset").all(), answers):
            group.locator("input").nth(answer - 1).check()
        quiz.locator("[data-check]").click()
        assert (status.locator("[data-safety]").count() == 1) is raised
        if raised:
            assert_safe_result(page, base_url, quiz, data, band)
        else:
            assert band["title"] in status.inner_text() and squash(band["message"]) in squash(status.inner_text())
            assert base_url + "outside-help/" in summary_links(page, quiz).values()


def assert_safe_result(page, base_url: str, quiz, data: dict, band: dict) -> None:
    """A raised flag: the band's title (from the data) stays, its advice and links give way to the safety text."""
    result = quiz.locator("[data-summary] td")  # the band, as the scoring table shows it
    assert result.locator("strong").first.inner_text() == band["title"]
    shown = squash(result.inner_text())
    assert shown == squash(f"{band['title']} {data.get('safety_result', quizzes.SAFETY_RESULT)}")
    for any_band in data["bands"]:
        assert squash(any_band["message"]) not in squash(quiz.get_by_role("status").inner_text())
    # Links within the guide: the Safety page only (the Exit button leaves the site).
    assert {address for address in summary_links(page, quiz).values() if address.startswith(base_url)} == {
        base_url + "safety/"}


def test_safe_to_run_again_and_after_instant_navigation(page, base_url):
    quiz = open_quiz(page, base_url, "take-stock/", "take-stock-check")
    page.evaluate("document$.next(document)")  # what Material does after each instant navigation
    for group in quiz.locator("fieldset").all():
        group.locator("input").first.check()
    quiz.locator("[data-check]").click()
    assert len(page.evaluate("guideStore.read('quiz:take-stock-check', [])")) == 1  # one listener, one result
    assert quiz.locator("[data-summary] h4").count() == 1

    # Instant navigation swaps the page without a reload: the next page's quiz still works.
    page.locator("article a[href$='/decide-honestly/']").first.click()
    page.wait_for_url("**/decide-honestly/")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    next_quiz = page.locator('section[data-quiz="decide-honestly-check"]')
    for group in next_quiz.locator("fieldset").all():
        group.locator("input").first.check()
    next_quiz.locator("[data-check]").click()
    assert "You picked the better move in" in next_quiz.get_by_role("status").inner_text()
    assert page.watch.console_errors == []


def test_without_javascript_the_answers_are_in_details(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    data = quiz_data("take-stock-check")
    page.goto(base_url + "take-stock/")
    quiz = page.locator('section[data-quiz="take-stock-check"]')
    assert quiz.get_by_role("button", name="Check my answers").count() == 0  # hidden: it needs JavaScript
    details = quiz.locator("fieldset details")
    assert details.count() == len(data["questions"])
    for index, question in enumerate(data["questions"]):
        box = details.nth(index)
        assert box.get_attribute("open") is None
        box.locator("summary").click()
        for option in question["options"]:
            assert box.get_by_text(squash(option["explanation"])).is_visible()
    # A self-assessment shows how to score it by hand, with the bands.
    page.goto(base_url)
    guide = page.locator('section[data-quiz="two-minute-check"] .g-quiz__guide')
    assert guide.get_by_text("Score it by hand").is_visible()
    assert guide.locator("tbody tr[data-min]").count() == len(quiz_data("two-minute-check")["bands"])
    context.close()


def test_print_shows_boxes_the_answers_and_the_scoring_guide(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.emulate_media(media="print")
    quiz = page.locator('section[data-quiz="two-minute-check"]')
    assert quiz.locator(".g-quiz__guide").is_visible()  # hidden on screen once JavaScript runs
    assert quiz.locator("input").first.evaluate("el => getComputedStyle(el).appearance") == "none"
    assert quiz.locator("[data-actions]").is_hidden()
    page.goto(base_url + "take-stock/", wait_until="networkidle")
    page.emulate_media(media="print")
    explanation = page.locator('section[data-quiz="take-stock-check"] details li').first
    assert explanation.evaluate("el => el.getBoundingClientRect().height") > 0
    # "Check yourself" is not left alone at the foot of a printed page, cut off from its quiz.
    heading = page.locator('h2:has(+ section[data-quiz="take-stock-check"])')
    assert heading.inner_text().startswith("Check yourself")
    assert heading.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_before_and_after_answering(browser, base_url, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    for path, quiz_id in (("take-stock/", "take-stock-check"), ("", "two-minute-check")):
        quiz = open_quiz(page, base_url, path, quiz_id)
        selector = f'section[data-quiz="{quiz_id}"]'
        assert violations(page, selector) == [], f"{quiz_id} before answering"
        groups = quiz.locator("fieldset").all()
        for group in groups:
            group.locator("input").nth(1).check()  # on the two-minute check this raises the safety flag
        quiz.locator("[data-check]").click()
        assert violations(page, selector) == [], f"{quiz_id} after answering"
    context.close()
