"""What every page of the guide promises its readers, read from the built site.

- Each step of the course (a page with `covers:`) ends with the same sources section, "What the
  research says", linking one to three public sources outside the site.
- Some page names the four habits that most harm an argument, each with its antidote.
- A page's **Next:** line goes where Material's footer goes next: the nav decides the order, the
  text follows it.
- One spelling of the noun: "break-up" (a tag "breakup" helps search, but the prose never says it).
- Tags are readers' words, shown on the page: nothing a search matches is hidden from readers.

What to expect comes from mkdocs.yml's nav, the pages' macro calls and front matter (tests/project.py).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

import project
from sitebuild import stopped

SOURCES_HEADING = "What the research says"
SITE = "https://guide.invalid/"  # a stand-in base address for resolving the site's relative links
# The four habits and their antidotes (gentle start-up; feelings, needs and appreciation; taking
# responsibility; a break to soothe yourself), as a reader reads them on one page.
HABITS = ("criticism", "contempt", "defensiveness", "stonewalling")
ANTIDOTES = ("gentle start-up", "appreciation", "responsibility", "break", "soothe")
NOUN_BREAKUP = re.compile(r"\bbreakups?\b|\b(?:a|the|your|our|their|this|that|after|before)\s+break\s+ups?\b",
                          re.IGNORECASE)


def themed_pages() -> list[str]:
    """The steps of the course: nav pages whose front matter names the article's points they explain."""
    return [page for page in project.pages() if project.front_matter(page).get("covers")]


THEMED = themed_pages()


def article(parse, site_dir, page: str):
    """The page's article as a reader reads it: its own Markdown, without the end-of-page box."""
    soup = parse(site_dir / project.built(page))
    return soup.select_one("article")


def heading_text(heading) -> str:
    return project.text(heading).removesuffix("¶").strip()


def own_headings(body) -> list:
    """The page's own h2 headings, in order (not those inside worksheets, quizzes or the box)."""
    return [h2 for h2 in body.find_all("h2", recursive=False)]


def address(page: str, href: str) -> str:
    """A link on `page` as a full address, without its #part."""
    return urljoin(SITE + project.url_path(page), href).split("#", 1)[0]


def external_links(elements) -> list[str]:
    """Links to other sites among `elements` and everything inside them."""
    links = []
    for element in elements:
        anchors = [element] if element.name == "a" else element.find_all("a", href=True)
        links += [a["href"] for a in anchors if a.get("href", "").startswith(("http://", "https://"))]
    return links


def test_there_are_themed_pages():
    assert len(THEMED) >= 5, f"expected the guide's themed pages, found {THEMED}"


@pytest.mark.parametrize("page", THEMED)
def test_each_themed_page_ends_with_its_sources(parse, site_dir, page):
    body = article(parse, site_dir, page)
    headings = own_headings(body)
    assert headings, f"{page}: no sections"
    last = headings[-1]
    assert heading_text(last) == SOURCES_HEADING, (
        f"{page}: the last section is {heading_text(last)!r}; end the page with '## {SOURCES_HEADING}'")
    section = [sibling for sibling in last.find_next_siblings() if "g-cta" not in (sibling.get("class") or [])]
    links = external_links(section)
    assert links, f"{page}: '{SOURCES_HEADING}' links no source outside the guide"
    assert all(link.startswith("https://") for link in links), f"{page}: a source is not on https: {links}"
    assert len(links) <= 3, f"{page}: {len(links)} sources; give one to three, the ones that back the page best"


def test_a_page_names_the_four_habits_and_their_antidotes(parse, site_dir):
    texts = {page: project.text(article(parse, site_dir, page)).lower() for page in project.pages()}
    naming = [page for page, text in texts.items() if all(word in text for word in HABITS + ANTIDOTES)]
    assert naming, f"no page names all of {HABITS} with their antidotes {ANTIDOTES}"


def next_link(page: str, body) -> str | None:
    """Where the page's **Next:** line points first, or None when it has no such line."""
    for strong in body.find_all("strong"):
        if project.text(strong) == "Next:":
            paragraph = strong.find_parent("p")
            link = paragraph.find("a", href=True) if paragraph else None
            assert link, f"{page}: its Next: line links nowhere"
            return address(page, link["href"])
    return None


@pytest.mark.parametrize("page", [page for page in project.pages() if "**Next:**" in project.source(page)])
def test_a_next_line_goes_where_the_footer_goes(parse, site_dir, page):
    soup = parse(site_dir / project.built(page))
    target = next_link(page, soup.select_one("article"))
    assert target is not None, f"{page}: its **Next:** line did not render as a bold 'Next:'"
    footer = soup.select_one("a.md-footer__link--next")
    assert footer is not None, f"{page}: a Next: line, but Material's footer has no next page"
    expected = address(page, footer["href"])
    assert target == expected, (
        f"{page}: Next: goes to {urlsplit(target).path}, but the footer (the nav's order) goes to "
        f"{urlsplit(expected).path}")


def test_prose_spells_break_up_as_one_hyphenated_noun(content_pages, parse):
    found = []
    for name, path in content_pages.items():
        body = parse(path).select_one("article")
        text = " ".join(part for part in body.find_all(string=True)
                        if not any("md-tags" in (parent.get("class") or []) for parent in part.parents))
        found += [f"{name}: {match.group(0)!r}" for match in NOUN_BREAKUP.finditer(text)]
    assert not found, "write the noun as 'break-up' (the verb 'break up' is fine): " + "; ".join(found)


def test_the_noun_check_tells_the_spellings_apart():
    assert NOUN_BREAKUP.search("After a breakup, rest.")
    assert NOUN_BREAKUP.search("the break up was hard")
    assert not NOUN_BREAKUP.search("A break-up is a loss.")
    assert not NOUN_BREAKUP.search("Some couples break up and get back together.")


@pytest.mark.parametrize("page", [page for page in project.pages() if project.front_matter(page).get("tags")])
def test_every_tag_is_shown_on_its_page(parse, site_dir, page):
    shown = {project.text(tag) for tag in parse(site_dir / project.built(page)).select("article .md-tags .md-tag")}
    hidden = [str(tag) for tag in project.front_matter(page)["tags"] if str(tag) not in shown]
    assert not hidden, f"{page}: tags {hidden} are not shown to readers"


# --- The build checks the same shape, in the owner's words (hooks/page_shape_check.py) ------------------

def test_a_next_line_off_the_nav_and_a_step_without_its_sources_stop_the_build(project_copy, tmp_path):
    with_next = [page for page in project.pages(project_copy) if "**Next:**" in project.source(page, project_copy)]
    page = with_next[0]
    path = project_copy / "docs" / page
    elsewhere = project.pages(project_copy)[0]
    path.write_text(re.sub(r"(\*\*Next:\*\*[^\[]*\[[^\]]*\]\()[^)#\s]+", rf"\g<1>{elsewhere}",
                           path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    step = next(themed for themed in THEMED if themed != page)
    step_path = project_copy / "docs" / step
    step_path.write_text(step_path.read_text(encoding="utf-8").replace(f"## {SOURCES_HEADING}", "## Read more"),
                         encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"docs/{page}: the **Next:** line links to {elsewhere}, but the next page in the nav is" in log
        assert (f"docs/{step}: a step of the course (a page with `covers:`) ends with a section "
                f"'## {SOURCES_HEADING}'") in log
