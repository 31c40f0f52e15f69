"""Leaving fast leaves nothing behind (issue 26): a reader answers the safety questions of a
self-assessment at their most worrying, leaves by "Exit this page" (on Safety, or inside the
self-check) or by pressing Shift three times, then goes Back and Forward. No answer shows ticked, no
result shows, nothing is in storage: by full page loads and by instant navigation, with the browser's
back-forward cache on (Playwright turns it off: the module's own Chromium drops that switch, and each
test checks that the page really came back from the cache, `persisted` true) and, for a page that is
loaded again instead, with it off.

Why Firefox and Safari behave the same: both keep a back-forward cache and fire `pagehide` before a
page enters it and `pageshow` with `persisted` true when it comes back, which is all quiz.js listens
to; both refill forms on a reload only where autocomplete is on (the self-checks' form has it off);
neither needs `unload`, which the guide never uses.

Only 127.0.0.1 is requested: the quick-exit address is answered by a route inside the browser.
"""

from __future__ import annotations

import pytest

import project
from components import open_fill

EXIT_PAGE = "<!doctype html><title>Weather</title><h1>Weather</h1>"
SAFETY = project.url_path(project.SAFETY_PAGE)
FLAGGED_IDS = [quiz_id for quiz_id, quiz in project.assessments().items() if quiz.flagged]
# The pages that place a self-assessment with safety questions, and the first such quiz on each.
FLAGGED_PAGES = {page: quiz_id for page in project.pages() for kind, quiz_id in reversed(project.calls(page))
                 if kind == "quiz" and quiz_id in FLAGGED_IDS}
PAGE, QUIZ = next(iter(FLAGGED_PAGES.items()), (None, None))
# A page to come from by instant navigation: one without a self-check.
PLAIN = next(project.url_path(page) for page in project.pages() if not project.calls(page) and page != project.SAFETY_PAGE)
# Every pageshow of every document, in order: true when it came back from the back-forward cache.
RECORD_SHOWS = "addEventListener('pageshow', (event) => (window.guideShows = window.guideShows || []).push(event.persisted))"

pytestmark = pytest.mark.skipif(PAGE is None, reason="no page places a self-assessment with safety questions")


@pytest.fixture(scope="module")
def cached_browser(browser, chromium_options):
    """The same Chromium with its back-forward cache on, as readers' browsers have it."""
    launched = browser.browser_type.launch(**chromium_options, ignore_default_args=["--disable-back-forward-cache"])
    yield launched
    launched.close()


def new_tab(browser, exit_url, **options):
    """A fresh reader's tab: the exit address answered locally, every pageshow recorded."""
    context = browser.new_context(**({"viewport": {"width": 1280, "height": 900}} | options))
    context.route(exit_url, lambda route: route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE))
    context.add_init_script(RECORD_SHOWS)
    return context, context.new_page()


@pytest.fixture
def exit_url() -> str:
    return project.settings().quick_exit_url


def ready(page) -> None:
    page.wait_for_function("typeof document$ !== 'undefined' && !!window.guideStore")


def answer_at_worst(page, check: bool) -> None:
    """Every statement answered, each safety question at its most worrying answer; Check if asked."""
    section = page.locator(f"[data-quiz='{QUIZ}']")
    section.locator("xpath=self::*[@data-ready]").wait_for()
    open_fill(section)
    for statement in section.locator("fieldset").all():
        statement.locator("input").last.check()  # Always: a flag's most worrying answer
    if check:
        section.get_by_role("button", name="Check my answers").click()
        section.locator(".g-quiz__safety").wait_for()


def came_back(page, url: str, from_cache: bool) -> None:
    """Wait for the page Back or Forward brought: from the back-forward cache, or loaded again."""
    page.wait_for_url(url, wait_until="commit")
    page.wait_for_function("(cached) => (window.guideShows || []).at(-1) === cached && !!window.guideStore", arg=from_cache)


def assert_nothing_left(page) -> None:
    left = page.evaluate("""() => ({
        ticked: document.querySelectorAll('[data-quiz] input:checked').length,
        results: [...document.querySelectorAll('[data-quiz] [data-summary], .g-quiz__safety')].map((el) => el.textContent).join('').trim(),
        hidden: document.body.style.display === 'none',
        stored: guideStore.names(),
        session: Object.keys(sessionStorage).filter((key) => key.startsWith('guide')),
    })""")
    assert left == {"ticked": 0, "results": "", "hidden": False, "stored": [], "session": []}, left


def test_full_loads_exit_on_safety_then_back_from_the_cache(cached_browser, base_url, exit_url):
    context, page = new_tab(cached_browser, exit_url)
    page.goto(base_url + project.url_path(PAGE))
    ready(page)
    answer_at_worst(page, check=True)
    page.goto(base_url + SAFETY)
    ready(page)
    page.locator(".md-banner [data-quick-exit]").click()
    page.wait_for_url(exit_url)
    page.go_back(wait_until="commit")
    came_back(page, base_url + project.url_path(PAGE), from_cache=True)
    assert_nothing_left(page)
    page.go_forward(wait_until="commit")
    page.wait_for_url(exit_url, wait_until="commit")  # the exit page, perhaps from the cache too: no new load
    context.close()


def test_instant_navigation_shift_three_times_inside_the_self_check(cached_browser, base_url, exit_url):
    """The reader arrives by the menu, answers without checking, and presses Shift three times while
    the self-check is open: its own "Exit this page" is on screen, so the shortcut works."""
    context, page = new_tab(cached_browser, exit_url)
    page.goto(base_url + PLAIN)
    ready(page)
    page.evaluate("(url) => [...document.querySelectorAll('nav.md-nav--primary a[href]')].find((a) => a.href === url).click()",
                  base_url + project.url_path(PAGE))  # the menu: Material swaps the page in, no load
    page.wait_for_url(base_url + project.url_path(PAGE))
    answer_at_worst(page, check=False)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(exit_url)
    page.go_back(wait_until="commit")
    came_back(page, base_url + PLAIN, from_cache=True)
    assert_nothing_left(page)
    page.go_forward(wait_until="commit")
    page.wait_for_url(exit_url, wait_until="commit")  # the exit page, perhaps from the cache too: no new load
    context.close()


def test_without_the_cache_a_page_loaded_again_refills_no_answer(browser, base_url, exit_url):
    """Back to a page left by instant navigation loads it again; the browser would tick the answers
    again from its saved form state, but the self-check's form has autocomplete off."""
    context, page = new_tab(browser, exit_url)
    page.goto(base_url + project.url_path(PAGE))
    ready(page)
    answer_at_worst(page, check=False)
    page.locator(f".g-footer-note a[href$='{SAFETY}']").click()
    page.wait_for_url(base_url + SAFETY)
    page.locator(".md-banner [data-quick-exit]").click()
    page.wait_for_url(exit_url)
    page.go_back(wait_until="commit")
    came_back(page, base_url + project.url_path(PAGE), from_cache=False)
    page.locator(f"[data-quiz='{QUIZ}'][data-ready]").wait_for(state="attached")
    assert_nothing_left(page)
    context.close()


def test_on_a_phone_the_exit_stays_beside_the_safety_questions(cached_browser, base_url, exit_url):
    """390 x 844, touch: from the moment the self-check opens, its exit is in view beside the safety
    questions, and a tap leaves at once; Back skips the page left, Forward goes out again."""
    context, page = new_tab(cached_browser, exit_url, viewport={"width": 390, "height": 844}, is_mobile=True,
                            has_touch=True)
    page.goto(base_url + PLAIN)
    ready(page)
    page.goto(base_url + project.url_path(PAGE))
    ready(page)
    section = page.locator(f"[data-quiz='{QUIZ}']")
    exit_control = section.locator("[data-quick-exit]")
    assert not exit_control.is_visible(), "closed, the self-check shows no exit"
    answer_at_worst(page, check=False)
    for flagged in section.locator("fieldset[data-threshold]").all():
        flagged.scroll_into_view_if_needed()
        box, question = exit_control.bounding_box(), flagged.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= 390
        assert question["y"] < 844 and question["y"] + question["height"] > 0
    exit_control.tap()
    page.wait_for_url(exit_url)
    page.go_back(wait_until="commit")
    came_back(page, base_url + PLAIN, from_cache=True)
    assert_nothing_left(page)
    page.go_forward(wait_until="commit")
    page.wait_for_url(exit_url, wait_until="commit")
    context.close()
