"""A frightened reader finds help, and nothing sells to them or gives them away (issue 26), read in the
built site: Safety after Home and in every footer; coercive control named with its signs and linked
wherever control or manipulation comes up; every link in a sentence about fear, threats, control or
abuse leads to Safety; no page that shows helplines shows the owner's paid help; a self-assessment's
answers sit in a form the browser never refills, with "Exit this page" inside when it asks about safety.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString

import project
from project import text

SAFETY = project.url_path(project.SAFETY_PAGE)  # "safety/"
# Words of a sentence about feeling unsafe, afraid, threatened or controlled, or about abuse.
DANGER = re.compile(r"\b(unsafe|afraid|frighten\w*|scared|threat\w*|abus\w*|violen\w*|coerc\w*|controll\w*|"
                    r"controls|manipulat\w*|gaslight\w*)\b", re.IGNORECASE)
# Prose that names control or manipulation: it links to Safety's part on coercive control.
CONTROL = re.compile(r"\b(manipulat\w*|gaslight\w*|coerc\w*|controll\w*|controls)\b", re.IGNORECASE)
BLOCKS = ["p", "li", "td", "th", "dd"]
# Help itself, and page furniture, are not sentences of the page.
NOT_PROSE = ".g-help, .g-quick-exit, .headerlink, .md-tags"
COMPONENTS = ".g-quiz, .g-ws"


def path_of(name: str, href: str) -> str:
    """The site path ("safety/") a link on built page `name` leads to."""
    return urlsplit(urljoin("https://site.invalid/" + name, href)).path.removeprefix("/").removesuffix("index.html")


def prose(article, also_skip: str = ""):
    """The article without help lists and page furniture (and `also_skip`), as a fresh tree."""
    copy = BeautifulSoup(str(article), "lxml").find("article")
    for element in copy.select(", ".join(filter(None, (NOT_PROSE, also_skip)))):
        element.decompose()
    return copy


def sentences(block):
    """(sentence, hrefs of the links in it) for each sentence of a paragraph or list item, leaving nested
    blocks to be read on their own."""
    chars, hrefs = [], []
    for node in block.descendants:
        if not isinstance(node, NavigableString):
            continue
        inner = node.find_parents(BLOCKS + ["ul", "ol"])
        if inner and inner[0] is not block:
            continue
        link = node.find_parent("a")
        chars.append(str(node))
        hrefs.extend([link.get("href") if link and block in link.parents else None] * len(node))
    whole, start = "".join(chars), 0
    for end in [match for match in re.finditer(r"(?<=[.!?])\s+", whole)] + [None]:
        stop = end.start() if end else len(whole)
        yield " ".join(whole[start:stop].split()), {href for href in hrefs[start:stop] if href}
        start = end.end() if end else len(whole)


# --- Finding Safety -------------------------------------------------------------------------------------

def test_safety_comes_right_after_home_and_every_footer_links_it(content_pages, parse):
    assert project.pages()[1] == project.SAFETY_PAGE, "Safety comes right after Home in mkdocs.yml's nav"
    for name, path in content_pages.items():
        soup = parse(path)
        links = [path_of(name, a["href"]) for a in soup.select("nav.md-nav--primary > ul > li > a[href]")]
        assert links[1:2] == [SAFETY], f"{name}: the menu starts {links[:3]}"
        assert SAFETY in {path_of(name, a["href"]) for a in soup.select(".g-footer-note a[href]")}, f"{name}: footer"


# --- Coercive control -------------------------------------------------------------------------------------

def test_safety_names_coercive_control_and_its_signs(content_pages, parse):
    section = parse(content_pages[project.built(project.SAFETY_PAGE)]).find(id="coercive-control")
    assert section and section.name == "h2", "Safety has a section headed Coercive control"
    signs = text(section.find_next("ul")).lower()
    for sign in ("phone", "messages", "money", "friends", "family", "threats", "puts you down", "wear", "where you go"):
        assert sign in signs, f"the signs of coercive control leave out: {sign}"


def test_every_page_that_names_control_or_manipulation_links_coercive_control(content_pages, parse):
    target = f"{SAFETY}#coercive-control"
    for name, path in content_pages.items():
        if name == project.built(project.SAFETY_PAGE):
            continue
        article = prose(parse(path).find("article"), also_skip=COMPONENTS)
        named = CONTROL.search(text(article))
        if named:
            links = {path_of(name, a["href"]) + "#" + urlsplit(a["href"]).fragment for a in article.find_all("a", href=True)}
            assert target in links, f"{name}: says '{named.group(0)}' but does not link the Safety page's coercive control"


# --- Links in sentences about danger ------------------------------------------------------------------------

def test_every_link_in_a_sentence_about_danger_leads_to_safety(content_pages, parse):
    """'If you feel unsafe, read <When it cannot be saved>' sent a frightened reader to the page with the
    dating offer. A citation in such a sentence goes to Safety too (the Safety page links the source)."""
    wrong = []
    for name, path in content_pages.items():
        if name == project.built(project.SAFETY_PAGE):
            continue  # its links are the help itself
        for block in prose(parse(path).find("article")).find_all(BLOCKS):
            for sentence, hrefs in sentences(block):
                if DANGER.search(sentence):
                    wrong += [f"{name}: '{sentence}' links {path_of(name, href)}" for href in hrefs
                              if path_of(name, href) != SAFETY]
    assert not wrong, "\n".join(wrong)


# --- The dating offer apart from help -------------------------------------------------------------------------

def test_no_page_that_shows_helplines_shows_the_dating_offer(content_pages, parse):
    settings = project.settings()
    selling = {name for name, box in settings.cta.items() if box.paid_help}
    for page in project.pages():
        soup = parse(content_pages[project.built(page)])
        if not soup.select("article .g-help, article [data-help]"):
            continue
        assert project.box_of(page) not in selling, f"{page}: shows helplines and the box that lists paid help"
        words = text(soup.find("article")) + " " + " ".join(text(box) for box in soup.select(".g-cta"))
        offered = [item for item in settings.owner.paid_help if " ".join(item.split()) in words]
        assert not offered, f"{page}: shows helplines and the dating offer ({offered})"


def test_the_dating_offer_is_reached_from_the_page_about_parting(content_pages, parse):
    """The page that covers starting again (P10) links the page whose box lists the paid help."""
    selling = {name for name, box in project.settings().cta.items() if box.paid_help}
    offer_pages = {project.url_path(page) for page in project.pages() if project.box_of(page) in selling}
    assert offer_pages, "some page offers the paid help (a box with paid_help: true)"
    for page in (page for page in project.pages() if "P10" in (project.front_matter(page).get("covers") or [])):
        name = project.built(page)
        links = {path_of(name, a["href"]) for a in parse(content_pages[name]).find("article").find_all("a", href=True)}
        assert links & offer_pages, f"{page} does not link {sorted(offer_pages)}"


# --- Self-assessments: nothing restored, a way out ---------------------------------------------------------------

def test_self_assessment_answers_are_never_refilled_and_safety_questions_come_with_a_way_out(content_pages, parse):
    exit_url = project.settings().quick_exit_url
    checked = 0
    for quiz_id, quiz in project.assessments().items():
        for page in project.where_used("quiz", quiz_id):
            section = parse(content_pages[project.built(page)]).find(attrs={"data-quiz": quiz_id})
            form = section.find("form")
            assert form and form.get("autocomplete") == "off" and form.get("method") == "dialog", f"{page}: {quiz_id}"
            assert len(form.find_all("input")) == len(section.find_all("input")), f"{page}: an input outside the form"
            exits = section.select(".g-fill [data-quick-exit]")
            if quiz.flagged:
                assert exits and exits[0]["href"] == exit_url, f"{page}: {quiz_id} asks about safety without a way out"
                fill = exits[0].find_parent(class_="g-fill")
                assert fill.find("fieldset") is exits[0].find_next("fieldset"), f"{page}: the exit comes after a question"
            else:
                assert not exits, f"{page}: {quiz_id} has no safety questions"
            checked += 1
    assert checked, "no self-assessment is placed on a page"
