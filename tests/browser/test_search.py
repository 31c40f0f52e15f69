"""Readers find the page they want by typing their own words into Material's search box.

Pages carry readers' words as `tags:` in their front matter (shown at the top of the page, so nothing
is hidden from readers); Material's search ranks a page whose tag matches far above text matches.
Each tag, typed as a reader types it (press "/", then the words), lists every page that carries it
among the first three results. The words the guide's readers use most (ISSUE_WORDS) must each be a
tag somewhere, and find a page that carries it.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

import project

# Words readers type when they look for help (issue 17): each must be a tag on the page they want.
ISSUE_WORDS = ("argue", "argument", "fight", "cheating", "affair", "counseling", "counselling",
               "break up", "breakup", "trust", "apology", "time out")
FIRST = 3  # a page must be among the first three results: what a phone shows without scrolling
PLACEHOLDER = "Type to start searching"  # what Material's result list says while the box is empty
# Words a frightened reader types (issue 26): each lists the Safety page first, and a phrase made with
# one of them lists it among the first three. The Safety page carries them as tags and in its words.
SAFETY_WORDS = ("scared", "afraid", "frightened", "abuse", "abused", "violence", "violent", "hits", "threat",
                "threatens", "controlling", "coercive")
SAFETY_PHRASES = ("scared of my partner", "my partner hits me", "afraid of him")


def tagged_pages() -> dict[str, list[str]]:
    """Each tag in the pages' front matter, with the pages (in nav order) that carry it."""
    found: dict[str, list[str]] = {}
    for page in project.pages():
        for tag in project.front_matter(page).get("tags") or []:
            found.setdefault(str(tag), []).append(page)
    return found


TAGS = tagged_pages()


@pytest.fixture(scope="module")
def search(browser, base_url):
    """Type words into the search box of the home page, as a reader does; return the first results'
    page paths ("take-stock/", "" for the home page), best first. One browser tab for the module: the
    box is emptied before each search."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    page.goto(base_url)
    page.wait_for_function("typeof document$ !== 'undefined'")
    page.keyboard.press("/")  # Material's shortcut: opens the search box and puts the cursor in it
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")  # "Type to start searching", then "3 matching documents"

    def first_results(words: str) -> list[str]:
        box.press("Control+a")
        box.press("Backspace")  # the box empties, as a reader clears it before the next words
        meta.filter(has_text=PLACEHOLDER).wait_for()
        # Material searches on each key released, for the words in the box then: the words go in at
        # once and the last key is pressed, so exactly one search runs, for all of them.
        box.fill(words[:-1])
        box.press(words[-1])
        meta.filter(has_not_text=PLACEHOLDER).wait_for()
        links = page.locator(".md-search-result__item > .md-search-result__link")
        hrefs = links.evaluate_all("links => links.slice(0, %d).map(link => link.href)" % FIRST)
        base = urlsplit(urljoin(base_url, "."))
        return [urlsplit(href).path.removeprefix(base.path) for href in hrefs]

    yield first_results
    context.close()


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_typing_a_tag_lists_every_page_that_carries_it_first(search, tag):
    pages = TAGS[tag]
    assert len(pages) <= FIRST, f"tag {tag!r} is on {len(pages)} pages; only {FIRST} can come first: {pages}"
    found = search(tag)
    missing = [page for page in pages if project.url_path(page) not in found]
    assert not missing, f"searching {tag!r} lists {found} first, not {missing}"


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_readers_words_find_a_page_tagged_with_them(search, word):
    assert word in TAGS, f"{word!r} is no page's tag: add it to the `tags:` of the page a reader would want"
    found = search(word)
    assert any(project.url_path(page) in found for page in TAGS[word]), (
        f"searching {word!r} lists {found} first, none of them tagged {word!r} ({TAGS[word]})")


def test_a_frightened_reader_finds_the_safety_page_first(search):
    """One test for all the words, so one failure report lists every word that missed."""
    safety = project.url_path(project.SAFETY_PAGE)
    missed = [f"{word!r} lists {found}" for word in SAFETY_WORDS if (found := search(word))[:1] != [safety]]
    missed += [f"{phrase!r} lists {found}" for phrase in SAFETY_PHRASES if safety not in (found := search(phrase))]
    assert not missed, "Safety is not first for: " + "; ".join(missed)
