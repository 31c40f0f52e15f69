"""Every quiz as the built site shows it, checked against its YAML file (and the same links under Zensical).

What to expect comes from the data files and the pages' macro calls (tests/project.py), so a quiz the
owner adds, as AUTHORING.md shows, is checked the same way."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

import project
from guide_macros import links, quiz_models
from readability import main_text, reading_ease
from sitebuild import ROOT

# Every quiz file as the owner wrote it (id -> data).
FILES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
         for path in sorted((ROOT / "docs" / "data" / "quizzes").glob("*.y*ml"))}


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


def test_each_quiz_is_on_the_pages_that_call_it_and_every_quiz_is_used(content_pages, parse):
    found = {}
    for name, quiz_id, _ in quizzes_on(content_pages, parse):
        found.setdefault(quiz_id, []).append(name)
    for quiz_id in FILES:
        expected = [project.built(page) for page in project.where_used("quiz", quiz_id)]
        assert expected, f"{quiz_id}.yml is on no page: call it with {{{{ quiz(\"{quiz_id}\") }}}}"
        assert sorted(found.get(quiz_id, [])) == sorted(expected), quiz_id


def test_the_self_checks_page_lists_every_quiz_in_reading_order(content_pages, parse):
    """Built by `{{ quiz_index() }}` from the pages' calls: nothing typed twice, nothing stale."""
    index_page = project.one_page_calling("quiz_index")
    soup = parse(content_pages[project.built(index_page)])
    listed = [site_page(project.built(index_page), a["href"]) + "#" + a["href"].partition("#")[2]
              for a in soup.select("article a[href*='#q-']")]
    first = project.first_use("quiz")
    quizzes = project.quizzes()
    expected = [f"{project.built(first[quiz_id])}#q-{quiz_id}"
                for kind in (quiz_models.SelfAssessment, quiz_models.KnowledgeCheck)
                for quiz_id in first if isinstance(quizzes[quiz_id], kind) and first[quiz_id] != index_page]
    assert listed == expected
    for target in listed:
        page, _, anchor = target.partition("#")
        assert parse(content_pages[page]).find(id=anchor), target
    assert soup.select("article section.g-quiz") == [], "the index links to quizzes; it does not repeat them"


def test_every_quiz_renders_completely(content_pages, parse):
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data, where = FILES[quiz_id], f"{name} {quiz_id}"
        assessment = data["kind"] == "self-assessment"
        assert text(section.select_one(".g-quiz__title")) == data["title"], where
        assert section["aria-labelledby"] == section.select_one(".g-quiz__title")["id"], where
        note = text(section).lower()
        assert "your answers stay on this device" in note, f"{where}: privacy note"
        if assessment:
            assert "your result is kept only if you ask" in note, f"{where}: the result is private by default"
        items = data["statements"] if assessment else data["questions"]
        groups = section.select("fieldset")
        assert len(groups) == len(items), where
        names = set()
        for number, (group, item) in enumerate(zip(groups, items), 1):
            legend = text(group.legend)
            assert legend == f"{number}. {squash(item['text'] if assessment else item['question'])}", where
            radios = group.select("input[type=radio]")
            labels = [squash(o["text"]) for o in item["options"]] if not assessment else list(quiz_models.SCALE)
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
        switch = section.select_one("[data-js] input[data-nosave][role=switch]")
        assert switch and "Don't save" in text(switch.find_parent("label")), f"{where}: the don't-save choice"
        if assessment:
            assert "not a diagnosis" in text(section), where
            keep = section.select_one("[data-js] input[type=checkbox][data-keep]")
            assert keep and not keep.has_attr("checked"), f"{where}: keeping a result is the reader's choice, off"


def test_knowledge_checks_keep_one_answer_key_after_the_last_question(content_pages, parse):
    """As in a printed workbook: the answers and why sit together after the questions, closed, so a
    reader (on paper too) can answer before seeing them; without JavaScript they are one tap away."""
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data = FILES[quiz_id]
        if data["kind"] != "knowledge-check":
            continue
        groups = section.select("fieldset")
        assert not [group for group in groups if group.select_one("details")], f"{name}: no answers beside a question"
        key = section.select_one("details.g-quiz__key")
        assert key is not None and not key.has_attr("open"), f"{name}: one closed answer key"
        assert text(key.summary) == "Answers and why"
        assert key in groups[-1].find_all_next("details"), f"{name}: the key comes after the last question"
        entries = key.select(":scope > ol > li")
        assert len(entries) == len(data["questions"]), f"{name}: one entry per question"
        for entry, question in zip(entries, data["questions"]):
            assert text(entry.p) == squash(question["question"])
            shown = entry.select("li")
            assert len(shown) == len(question["options"])
            for item, option in zip(shown, question["options"]):
                assert squash(option["explanation"]) in text(item), f"{name}: {option['text']}"
                assert text(item).startswith(squash(option["text"]))
                verdict = "(the better move)" if option.get("best") else "(not the better move)"
                assert verdict in text(item)
                assert ("(not the better move)" in text(item)) != bool(option.get("best"))


def test_self_assessments_show_scoring_by_hand_and_every_band(content_pages, parse):
    settings = project.settings()
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        data = FILES[quiz_id]
        if data["kind"] != "self-assessment":
            continue
        model = quiz_models.SelfAssessment.model_validate(data, strict=False)
        guide = section.select_one(".g-quiz__guide")
        assert guide.has_attr("data-nojs"), f"{name}: the by-hand guide gives way to guide.js"
        if model.reversed_numbers:
            numbers = [str(number) for number in model.reversed_numbers]
            listed = " and ".join(filter(None, [", ".join(numbers[:-1]), numbers[-1]]))
            assert f"{listed} count" in text(guide), name
        assert f"from {model.lowest} to {model.highest}" in text(guide), name
        rules = [text(rule) for rule in guide.select(".g-quiz__flag-rule")]
        assert len(rules) == (1 if model.flagged else 0), name
        for number, statement in model.flagged:
            words = quiz_models.SCALE[statement.threshold - 1]
            assert re.search(rf"{words}( or more often)? to statements? ([\d, ]*(or )?)*\b{number}\b", rules[0]), (name, number)
        if rules:
            assert "Leave the steps below, and couples counselling, aside for now." in rules[0], name
        rows = guide.select("tbody tr[data-min]")
        assert len(rows) == len(data["bands"])
        for row, band in zip(rows, data["bands"]):
            assert text(row.th) == (f"{band['min']} to {band['max']}" if band["min"] != band["max"] else str(band["min"]))
            assert (row["data-min"], row["data-max"]) == (str(band["min"]), str(band["max"]))
            assert text(row.td.strong) == band["title"]  # guide.js shows it as the result's title
            assert squash(band["message"]) in text(row)
            found = row.select("a")
            assert [site_page(name, a["href"]) for a in found] == [
                links.page_url(link["page"].partition("#")[0]) + "index.html" for link in band.get("links", [])], band["title"]
            for a, link in zip(found, band.get("links", [])):
                target = parse(content_pages[site_page(name, a["href"])]).h1
                assert text(a) == link.get("text", text(target).rstrip("¶ ").strip()), band["title"]
        if model.flagged:
            # Nothing of the safety result is in the page until a flag is raised: guide.js builds it
            # from these attributes, so a text browser never shows it unasked.
            assert not section.select("[data-safety], .g-quiz__safety, [hidden] [data-quick-exit]"), name
            assert section["data-exit"] == settings.quick_exit_url
            assert site_page(name, section["data-safety-href"]) == project.built(project.SAFETY_PAGE)
            assert section["data-safety-message"] == squash(model.safety_message)
            help_list = BeautifulSoup(section["data-help"], "lxml")
            for region in project.helplines().regions:
                for service in region.services:
                    assert service.name in text(help_list), f"{name}: {service.name} missing from the safety result"


def test_two_bands_linking_the_same_page_keep_their_own_link_text(project_copy, tmp_path):
    """A band's link text belongs to that band (it once leaked from one band into another)."""
    quiz_id, data = next((quiz_id, data) for quiz_id, data in FILES.items() if data["kind"] == "self-assessment"
                         and len(data["bands"]) >= 2)
    page = data["bands"][0].get("links", [{"page": "index.md"}])[0]["page"]
    data["bands"][0]["links"] = [{"page": page, "text": "Read this first"}]
    data["bands"][1]["links"] = [{"page": page}]
    (project_copy / "docs" / "data" / "quizzes" / f"{quiz_id}.yml").write_text(
        yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    from sitebuild import mkdocs_build, output
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    shown = project.where_used("quiz", quiz_id, project_copy)[0]
    soup = BeautifulSoup((tmp_path / "out" / project.built(shown)).read_text(encoding="utf-8"), "lxml")
    rows = soup.select(f'section[data-quiz="{quiz_id}"] tbody tr')
    title = links.page_title(project_copy / "docs", page.partition("#")[0])
    assert [text(a) for a in rows[0].select("a")] == ["Read this first"]
    assert [text(a) for a in rows[1].select("a")] == [title]


def test_quiz_html_is_lean(content_pages, parse):
    """Every quiz page ships this HTML: no for/id pairs, no per-question ids or empty feedback boxes
    (guide.js adds those), and no class on the repeated parts (CSS and JS go by tag and data-*)."""
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        where = f"{name} {quiz_id}"
        ids = [element["id"] for element in section.find_all(id=True) if not element.find_parent(attrs={"data-js": True})]
        assert ids == [section["aria-labelledby"]], f"{where}: only the title has an id, not {ids}"
        questions = section.select("fieldset")
        assert not [element for element in questions for element in element.select("[for], [data-feedback], [aria-describedby], input[value]")], where
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
