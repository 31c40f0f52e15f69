"""My plan and progress in the built site: the plan page lays out every field marked `plan: true`, by
page in reading order, and loads its script; no other page loads it; every worksheet says where it
lives, for the nav's progress marks. Expectations come from the data files and the pages' calls."""

from __future__ import annotations

import pytest

import project as plan
from guide_macros.links import page_title
from guide_macros.pagecalls import nav_pages

SHEETS = plan.worksheets()
HOME_OF = plan.first_use("worksheet")
PLAN_PAGE = plan.one_page_calling("my_plan")
text = plan.text
NAV_TITLES = {page: title for title, page in nav_pages(plan.config().get("nav"), plan.ROOT / "docs")}


def title_of(page: str) -> str:
    """What the nav calls a page (its own title when the nav gives none)."""
    return NAV_TITLES.get(page) or page_title(plan.ROOT / "docs", page)


@pytest.fixture(scope="module")
def board(html_pages, parse):
    return parse(html_pages[plan.built(PLAN_PAGE)]).select_one("[data-plan-page]")


def test_my_plan_lays_out_every_plan_field_by_page_in_reading_order(board):
    planned = [sheet_id for sheet_id in HOME_OF if any(field.plan for field in SHEETS[sheet_id].fields)]
    assert [group["data-plan"] for group in board.select("[data-plan]")] == planned
    steps = board.select("[data-plan-step]")
    assert [text(step.h2) for step in steps] == [title_of(page) for page in dict.fromkeys(HOME_OF[s] for s in planned)]
    for sheet_id in planned:
        group = board.select_one(f'[data-plan="{sheet_id}"]')
        assert group["data-version"] == SHEETS[sheet_id].version, "answers of another layout are never shown"
        assert text(group.h3) == SHEETS[sheet_id].title
        assert group.h3.a["href"].endswith(f"#ws-{sheet_id}")
        labels = [text(label) for label in group.select(".g-plan__label")]
        assert labels == [field.label for field in SHEETS[sheet_id].fields if field.plan]
        # Nothing shows until the reader's own answers are filled in, in their browser.
        assert group.has_attr("hidden") and all(field.has_attr("hidden") for field in group.select(".g-plan__field"))


def test_an_empty_plan_points_to_the_first_worksheet_and_no_script_says_why(board):
    empty = board.select_one("[data-plan-empty]")
    assert empty is not None and empty.has_attr("data-js")
    assert board.select_one("[data-nojs]") is not None
    first = next((sheet_id for sheet_id in HOME_OF if any(field.plan for field in SHEETS[sheet_id].fields)), None)
    if first:
        assert empty.select_one(f'a[href$="#ws-{first}"]') is not None


def test_only_my_plan_loads_its_script(content_pages, parse):
    loading = sorted(name for name, path in content_pages.items()
                     if parse(path).select('script[src*="javascripts/plan.js"]'))
    assert loading == [plan.built(PLAN_PAGE)]


def test_every_worksheet_says_which_page_it_lives_on(content_pages, parse):
    """guide.js notes it with the reader's progress; the nav's marks and "Continue" use it."""
    for name, path in content_pages.items():
        for section in parse(path).select("article section.g-ws"):
            sheet_id = section["data-worksheet"]
            home = HOME_OF[sheet_id]
            assert section["data-home"] == plan.url_path(home), f"{name}: {sheet_id}"
            assert int(section["data-of"]) == sum(1 for where in HOME_OF.values() if where == home)


def test_the_home_page_has_a_hidden_offer_to_continue(content_pages, parse):
    offers = {name for name, path in content_pages.items() if parse(path).select("[data-continue]")}
    assert offers == {"index.html"}
    offer = parse(content_pages["index.html"]).select_one("[data-continue]")
    assert offer.has_attr("hidden") and "Continue where you left off" in text(offer.a)
