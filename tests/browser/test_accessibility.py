"""axe-core finds no violation on any built page, in the light and the dark scheme, and after use.

Material's default violations (an unnamed search dialog, footer contrast) are fixed in the site
(overrides/main.html, our CSS); no axe rule is switched off here. A fixture with an unlabeled
input proves the check reports what it should.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

import project
from axecheck import violations, violations_in_both_schemes
from components import open_all_fills, open_fill
from siteserver import serve

FIXTURES = Path(__file__).parent.parent / "fixtures" / "a11y"


def page_address(base_url: str, name: str) -> str:
    return base_url + name.removesuffix("index.html")


def open_page(page, address: str, site_path: str = "") -> None:
    if site_path and address.endswith("404.html"):
        # The 404 page loads its assets from site_url's path (it may be shown at any depth); map
        # that path to the test server's sub-path, as GitHub Pages serves it at the real address.
        base = address.removesuffix("404.html")
        page.route(f"**{site_path}**", lambda route: route.continue_(
            url=base + route.request.url.split(site_path, 1)[1]))
    response = page.goto(address)
    # The 404 page answers 404 on purpose; anything else must load.
    assert response is not None and (response.ok or address.endswith("404.html")), address


def page_with_most(pages: dict[str, Path], parse, selector: str) -> str | None:
    """The built page with the most elements matching `selector` (the first on a tie), or None."""
    counts = {name: len(parse(path).select(selector)) for name, path in pages.items()}
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] else None


@pytest.fixture(scope="session")
def site_path(site_dir) -> str:
    """The path of site_url, which the 404 page's asset addresses start with."""
    canonical = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml").find("link", rel="canonical")
    return urlsplit(canonical["href"]).path if canonical else ""


def test_no_violation_on_any_page(page, base_url, html_pages, site_path):
    found = {}
    for name in html_pages:
        open_page(page, page_address(base_url, name), site_path)
        # Worksheets' fields and quizzes' questions wait folded: opened, as a reader opens them, the
        # page holds everything it holds closed (the folds' own controls included), so one run checks both.
        open_all_fills(page)
        if problems := violations_in_both_schemes(page):
            found[name] = problems
        page.unroute_all(behavior="ignoreErrors")  # the 404 page's route
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)


def test_no_violation_with_the_search_dialog_open(page, base_url):
    open_page(page, base_url)
    page.keyboard.press("/")  # Material's shortcut opens search at any width
    page.locator("input.md-search__input").press_sequentially("talk", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.get_by_role("dialog", name="Search").is_visible()
    assert violations_in_both_schemes(page) == []


def test_no_violation_on_worksheets_after_typing(page, base_url):
    # The workbook, with every worksheet brought onto it, has every kind of field.
    name = project.url_path(project.one_page_calling("workbook"))
    open_page(page, base_url + name)
    page.get_by_role("button", name="Show every worksheet here").click()
    page.locator(".g-workbook__sheets .g-ws[data-ready]").nth(len(project.first_use("worksheet")) - 1).wait_for()
    fields = page.locator(".g-ws :is(textarea, input[type=text])[data-k]")
    assert fields.count() > 0, f"{name}: no worksheet field to type in"
    for index in range(fields.count()):
        fields.nth(index).fill(f"Answer {index + 1}: we talk on Sundays.")
    # Every tick box and scale point a reader can answer (the last point of each scale stays picked).
    choices = page.locator(".g-ws :is([data-k][type=checkbox], [data-k] [type=radio]):visible")
    for index in range(choices.count()):
        choices.nth(index).check()
    assert violations_in_both_schemes(page) == []


@pytest.mark.parametrize("kind", ["self-assessment", "knowledge-check"])
def test_no_violation_on_a_quiz_after_answering(page, base_url, content_pages, parse, kind):
    name = page_with_most(content_pages, parse, f".g-quiz--{kind}")
    if name is None:
        pytest.skip(f"no built page has a {kind} quiz (.g-quiz--{kind}) yet")
    open_page(page, page_address(base_url, name))
    quiz = page.locator(f".g-quiz--{kind}").first
    open_fill(quiz)  # "Take this self-check" / "Answer the questions"
    questions = quiz.locator("fieldset")
    assert questions.count() > 0, f"{name}: the quiz has no question (fieldset)"
    for index in range(questions.count()):
        questions.nth(index).locator("input[type=radio], input[type=checkbox]").first.check()
    quiz.locator("[data-check]").click()  # "Check my answers": feedback and a score appear
    quiz.locator("[data-feedback]:not(:empty)").first.wait_for()
    # Open the answers too, so their text is checked as a reader sees it.
    for answers in quiz.locator("details").all():
        answers.evaluate("details => details.open = true")
    assert violations_in_both_schemes(page) == []


# --- Seeded defect: the same check must fail on a page that is wrong on purpose ---------------------

def test_an_unlabeled_input_is_reported(page):
    with serve(FIXTURES) as url:
        open_page(page, url + "unlabeled-input.html")
        found = violations(page)
    assert any(line.startswith("label (critical): #name") for line in found), found


def test_the_check_button_s_focus_ring_stands_apart_from_the_button(page, base_url):
    """The filled button and its ring share a colour: a gap of page colour shows focus."""
    page.goto(base_url + project.url_path(next(iter(project.first_use("quiz").values()))))
    quiz = page.locator(".g-quiz").first
    quiz.locator("xpath=self::*[@data-ready]").wait_for()
    open_fill(quiz)
    button = quiz.get_by_role("button", name="Check my answers")
    button.wait_for()
    quiz.locator("fieldset input").last.focus()
    page.keyboard.press("Tab")
    assert button.evaluate("el => el === document.activeElement && el.matches(':focus-visible')")
    assert button.evaluate("el => parseFloat(getComputedStyle(el).outlineOffset)") >= 2


# Drops what a browser without :has() drops (Firefox before 121): every rule whose selector list has
# :has() in it, whole, and every @supports selector(:has(...)) block. Run on all of the page's sheets.
DROP_HAS_RULES = """() => {
    const drop = (group) => {
        for (let i = group.cssRules.length - 1; i >= 0; i--) {
            const rule = group.cssRules[i];
            const text = rule.selectorText || rule.conditionText || "";
            if ((rule instanceof CSSStyleRule || rule instanceof CSSSupportsRule) && text.includes(":has(")) {
                group.deleteRule(i);
            } else if (rule.cssRules) {
                drop(rule);
            }
        }
    };
    for (const sheet of document.styleSheets) drop(sheet);
}"""

# A ring of at least 2 px (not the browser's thin default) on the control, its label, or the box drawn
# next to it (scale boxes hide the radio and ring the number beside it).
HAS_OWN_FOCUS_RING = """el => {
    if (el !== document.activeElement || !el.matches(":focus-visible")) return false;
    return [el, el.closest("label"), el.nextElementSibling].filter(Boolean).some(part => {
        const style = getComputedStyle(part);
        return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    });
}"""

CONTROL_KINDS = [".g-ws input[type=text]", ".g-ws textarea", ".g-ws__field--checklist [type=checkbox]",
                 ".g-ws__boxes input", ".g-ws button", ".g-ws__grid [type=checkbox]", ".g-quiz input[type=radio]",
                 ".g-quiz [data-check]", ".g-quiz [data-nosave]", ".g-ws .g-fill > summary", ".g-quiz .g-fill > summary"]


def controls_to_check(site_dir) -> list[tuple[str, str]]:
    """(page, selector): each kind of worksheet and quiz control, on the first page that has it."""
    found = []
    for selector in CONTROL_KINDS:
        for page in project.pages():
            soup = BeautifulSoup((site_dir / project.built(page)).read_text(encoding="utf-8"), "lxml")
            if soup.select_one(selector):
                found.append((project.url_path(page), selector))
                break
    return found


@pytest.mark.parametrize("has_support", [True, False], ids=["with :has()", "without :has()"])
def test_every_worksheet_and_quiz_control_shows_focus(page, base_url, site_dir, has_support):
    """A keyboard user sees where they are on every kind of control, also in browsers that lack
    :has(): a selector list holding it would be dropped whole there, rings and all."""
    missing = []
    controls = controls_to_check(site_dir)
    assert len(controls) >= 6, "the site should have most kinds of control"
    for path in dict.fromkeys(path for path, _ in controls):
        page.goto(base_url + path)
        page.locator("html[data-guide-js]").wait_for(state="attached")
        if not has_support:
            page.evaluate(DROP_HAS_RULES)
        open_all_fills(page)  # the controls inside "Fill in this worksheet" and a quiz's fold
        page.keyboard.press("Tab")  # a key pressed: focus from here on is keyboard focus
        for selector in (selector for where, selector in controls if where == path):
            control = page.locator(selector).first
            control.focus()
            if not control.evaluate(HAS_OWN_FOCUS_RING):
                missing.append(f"{path} {selector}")
    assert not missing, f"no visible focus ring on: {missing}"
