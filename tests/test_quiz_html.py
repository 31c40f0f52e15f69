"""Every quiz as the built site shows it, checked against its YAML file (and the same links under Zensical)."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from guide_macros import quizzes
from quiz_plan import ASSESSMENT_PAGES, FILES, KNOWLEDGE_PAGES
from readability import main_text, reading_ease
from sitebuild import ROOT


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def squash(value: str) -> str:
    return " ".join(value.split())


def quizzes_on(content_pages, parse) -> list[tuple[str, str, object]]:
    """(page name, quiz id, section) for every quiz on every built page."""
    return [(name, section["data-quiz"], section)
            for name, path in content_pages.items() for section in parse(path).select("section.g-quiz")]


def site_page(page: str, href: str) -> str:
    """The built file a relative link on `page` reaches, as a site path like `take-stock/index.html`."""
    base = "http://site.invalid/guide/" + page.removesuffix("index.html")
    path = urlsplit(urljoin(base, href)).path.removeprefix("/guide/")
    return path + "index.html" if path.endswith("/") or not path else path


def test_each_quiz_is_on_its_pages(content_pages, parse):
    found = {}
    for name, quiz_id, _ in quizzes_on(content_pages, parse):
        found.setdefault(quiz_id, []).append(name.removesuffix("index.html").rstrip("/"))
    for quiz_id, page in KNOWLEDGE_PAGES.items():
        assert found.get(quiz_id) == [page], f"{quiz_id}: expected on {page}.md only, found on {found.get(quiz_id)}"
    for quiz_id, pages in ASSESSMENT_PAGES.items():
        assert sorted(found.get(quiz_id, [])) == sorted(pages), quiz_id
    assert set(found) == set(FILES), "every quiz file is used on a page"


def test_quizzes_sit_under_a_heading_before_the_next_link(content_pages, parse):
    for quiz_id, page in KNOWLEDGE_PAGES.items():
        soup = parse(content_pages[f"{page}/index.html"])
        section = soup.select_one(f'section[data-quiz="{quiz_id}"]')
        heading = section.find_previous("h2")
        assert text(heading).startswith("Check yourself"), f"{page}: {text(heading)!r}"
        after = [text(p) for p in section.find_all_next("p") if text(p).startswith("Next:")]
        assert after, f"{page}: the quiz comes before the page's Next: line"


def test_the_quizzes_page_links_to_every_knowledge_check(content_pages, parse):
    soup = parse(content_pages["quizzes/index.html"])
    targets = {site_page("quizzes/index.html", a["href"]) + "#" + a["href"].partition("#")[2]
               for a in soup.select("article a[href*='#q-']")}
    assert targets == {f"{page}/index.html#q-{quiz_id}" for quiz_id, page in KNOWLEDGE_PAGES.items()}
    for target in targets:
        page, _, anchor = target.partition("#")
        assert parse(content_pages[page]).find(id=anchor), target


def test_every_quiz_renders_completely(content_pages, parse):
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data, where = FILES[quiz_id], f"{name} {quiz_id}"
        assessment = data["kind"] == "self-assessment"
        assert text(section.select_one(".g-quiz__title")) == data["title"], where
        assert section["aria-labelledby"] == section.select_one(".g-quiz__title")["id"], where
        assert "nothing is sent anywhere" in text(section).lower(), f"{where}: privacy note"
        items = data["statements"] if assessment else data["questions"]
        groups = section.select("fieldset")
        assert len(groups) == len(items), where
        names = set()
        for number, (group, item) in enumerate(zip(groups, items), 1):
            legend = text(group.legend)
            assert legend == f"{number}. {squash(item['text'] if assessment else item['question'])}", where
            radios = group.select("input[type=radio]")
            labels = [squash(o["text"]) for o in item["options"]] if not assessment else list(quizzes.SCALE)
            # Each radio sits in its label (an implicit label: no for/id pair to ship).
            assert [text(radio.find_parent("label")) for radio in radios] == labels, where
            assert len({radio["name"] for radio in radios}) == 1, f"{where}: one radio group per question"
            names.add(radios[0]["name"])
            if not assessment:
                best = [index for index, option in enumerate(item["options"]) if option.get("best")]
                assert [index for index, radio in enumerate(radios) if radio.has_attr("data-best")] == best, where
            else:
                assert group.has_attr("data-reverse") == item.get("reverse", False), where
                assert group.get("data-threshold") == (str(item["threshold"]) if item.get("safety_flag") else None)
        assert len(names) == len(groups), f"{where}: each question its own radio group"
        buttons = [text(button) for button in section.select("button")]
        assert "Check my answers" in buttons and "Try again" in buttons, where
        assert section.select_one("[role=status][data-summary]"), f"{where}: live region"
        if assessment:
            assert "not a diagnosis" in text(section), where


def test_knowledge_checks_show_every_answer_in_details_without_javascript(content_pages, parse):
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data = FILES[quiz_id]
        if data["kind"] != "knowledge-check":
            continue
        for group, question in zip(section.select("fieldset"), data["questions"]):
            details = group.select_one("details")
            assert details is not None and not details.has_attr("open"), f"{name}: collapsed details"
            assert text(details.summary) == "Answers and why"
            shown = details.select("li")
            assert len(shown) == len(question["options"])
            for item, option in zip(shown, question["options"]):
                assert squash(option["explanation"]) in text(item), f"{name}: {option['text']}"
                assert squash(option["text"]) in text(item)
                verdict = "The better move." if option.get("best") else "Not the better move."
                assert verdict in text(item)


def test_self_assessments_show_scoring_by_hand_and_every_band(content_pages, parse):
    quick_exit = re.search(r"^\s*quick_exit_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE).group(1)
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data = FILES[quiz_id]
        if data["kind"] != "self-assessment":
            continue
        model = quizzes.SelfAssessment.model_validate(data)
        guide = section.select_one(".g-quiz__guide")
        assert f"Statements {model.reversed_words} count the other way" in text(guide), name
        assert f"from {model.lowest} to {model.highest}" in text(guide), name
        for number, statement in model.flagged:
            rule = text(guide.select_one(".g-quiz__flag-rule"))
            assert f"statement {number} was {statement.flag_words}" in rule, name
            assert "Leave the steps below, and couples counselling, aside for now." in rule, name
        rows = guide.select("tbody tr[data-min]")
        assert len(rows) == len(data["bands"])
        for row, band in zip(rows, data["bands"]):
            assert text(row.th) == f"{band['min']} to {band['max']}"
            assert (row["data-min"], row["data-max"]) == (str(band["min"]), str(band["max"]))
            assert text(row.td.strong) == band["title"]  # guide.js shows it as the result's title
            assert squash(band["message"]) in text(row)
            links = row.select("a")
            assert [site_page(name, a["href"]) for a in links] == [
                quizzes.page_url(link["page"]) + "index.html" for link in band.get("links", [])], f"{name}: {band['title']}"
            for a, link in zip(links, band.get("links", [])):
                target = parse(content_pages[site_page(name, a["href"])]).h1
                assert text(a) == link.get("text", text(target).rstrip("¶ ").strip())
        safety = section.select_one("[data-safety]")
        assert safety.has_attr("hidden")
        assert safety["data-result"] == model.safety_result  # replaces the band's advice when shown
        assert site_page(name, safety.find("a", string="Read the Safety page")["href"]) == "safety/index.html"
        assert safety.select_one("[data-quick-exit]")["data-quick-exit"] == quick_exit


def test_quiz_html_is_lean(content_pages, parse):
    """Every quiz page ships this HTML: no for/id pairs, no per-question ids or empty feedback boxes
    (guide.js adds those), and no class on the repeated parts (CSS and JS go by tag and data-*)."""
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        where = f"{name} {quiz_id}"
        ids = [element["id"] for element in section.find_all(id=True)]
        assert ids == [section["aria-labelledby"]], f"{where}: only the title has an id, not {ids}"
        assert not section.select("[for], [data-feedback], [aria-describedby], input[value]"), where
        for group in section.select("fieldset"):
            repeated = [group, group.legend, *group.select("label, input, li")]
            assert not [element for element in repeated if element.has_attr("class")], where


def test_quiz_ids_are_unique_on_each_page(content_pages, parse):
    for name, path in content_pages.items():
        soup = parse(path)
        if soup.select_one(".g-quiz"):
            ids = [element["id"] for element in soup.find_all(id=True)]
            assert len(ids) == len(set(ids)), name


def test_quiz_text_reads_easily(content_pages, parse):
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        ease = reading_ease(main_text(BeautifulSoup(str(section), "lxml")))
        assert ease >= 60, f"{quiz_id} on {name}: Flesch reading ease {ease}"


def test_zensical_builds_the_same_quiz_links(zensical_site, content_pages, parse):
    """Zensical resolves links in a page's HTML itself; the quiz's links must land where MkDocs' do."""

    def targets(soup, name):
        return [(section["data-quiz"], site_page(name, a["href"]))
                for section in soup.select("section.g-quiz") for a in section.select("a[href]")
                if not a["href"].startswith("http")]

    for name, path in content_pages.items():
        mkdocs_links = targets(parse(path), name)
        built = zensical_site / name
        zensical_links = targets(parse(built), name)
        assert zensical_links == mkdocs_links, name


def test_search_finds_a_quiz_by_its_title_once_and_never_shows_its_answers(site_dir):
    """A reader searching the site finds each quiz by its title, in one place, with nothing of its
    questions or answers in the index (no spoilers; a smaller index for every reader to download)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = squash(" ".join(doc["text"] for doc in index["docs"]))
    for quiz_id, data in FILES.items():
        hits = [doc for doc in index["docs"] if doc["title"] == data["title"] and "#q-" in doc["location"]]
        assert len(hits) == 1, f"{quiz_id}: expected one search result titled {data['title']!r}, got {len(hits)}"
        items = data.get("questions") or data.get("statements")
        first = items[0]
        assert squash(first.get("question") or first["text"]) not in searchable, f"{quiz_id}: a question shows in search"
        for option in first.get("options", []):
            assert squash(option["explanation"]) not in searchable, f"{quiz_id}: an answer shows in search"
