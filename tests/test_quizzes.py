"""Quizzes: the data rules (no build), the build's messages for the owner's mistakes, and every quiz
as the built site shows it, checked against its YAML file."""

from __future__ import annotations

import copy
import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from guide_macros import quizzes, schemas
from guide_macros.datafiles import DataError
from readability import main_text, reading_ease
from sitebuild import ROOT, mkdocs_build, output

DATA = ROOT / "docs" / "data" / "quizzes"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schemas/quiz.schema.json"
FILES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.yml"))}
# Which knowledge check belongs on which themed page (TEAM.md), and the self-assessments' pages.
KNOWLEDGE_PAGES = {
    "take-stock-check": "take-stock", "decide-honestly-check": "decide-honestly",
    "bring-your-partner-in-check": "bring-your-partner-in", "talk-and-listen-check": "talk-and-listen",
    "outside-help-check": "outside-help", "actions-not-words-check": "actions-not-words",
    "celebrate-progress-check": "celebrate-progress", "when-it-cannot-be-saved-check": "when-it-cannot-be-saved",
}
ASSESSMENT_PAGES = {"two-minute-check": ["", "quizzes"], "talk-and-listen": ["talk-and-listen", "quizzes"]}

KNOWLEDGE = {
    "kind": "knowledge-check",
    "title": "Quick check",
    "questions": [{"question": "What now?", "options": [
        {"text": "Ask", "explanation": "Asking helps.", "best": True},
        {"text": "Guess", "explanation": "Guessing misses."},
    ]}],
}
# Two statements: totals run from 2 to 10.
ASSESSMENT = {
    "kind": "self-assessment",
    "title": "How are we?",
    "statements": [{"text": "We talk.", "reverse": True}, {"text": "I feel afraid.", "safety_flag": True, "threshold": 2}],
    "bands": [
        {"min": 2, "max": 5, "title": "Steady", "message": "Keep going.", "links": [{"page": "take-stock.md"}]},
        {"min": 6, "max": 10, "title": "Strained", "message": "Talk soon.",
         "links": [{"page": "outside-help.md", "text": "Get help"}]},
    ],
}


def project(tmp_path: Path, files: dict[str, dict], pages=("take-stock.md", "outside-help.md", "safety.md")) -> Path:
    """A folder with quiz files and the docs pages they may link to."""
    folder = tmp_path / "docs" / "data" / "quizzes"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / f"{name}.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for page in pages:
        (tmp_path / "docs" / page).write_text(f"---\ntitle: {page[:-3].title()}\n---\n\n# Page\n", encoding="utf-8")
    return tmp_path


def problem(tmp_path: Path, data: dict, **kwargs) -> str:
    """The DataError message for one broken quiz file named broken.yml."""
    with pytest.raises(DataError) as caught:
        quizzes.load(project(tmp_path, {"broken": data}, **kwargs))
    return str(caught.value)


def changed(base: dict, edit) -> dict:
    data = copy.deepcopy(base)
    edit(data)
    return data


# ---------------------------------------------------------------------------
# Data rules, without a build
# ---------------------------------------------------------------------------

def test_good_files_of_both_kinds_load(tmp_path):
    loaded = quizzes.load(project(tmp_path, {"check": KNOWLEDGE, "assess": ASSESSMENT}))
    assert isinstance(loaded["check"], quizzes.KnowledgeCheck)
    assert isinstance(loaded["assess"], quizzes.SelfAssessment)


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lambda d: d["questions"][0]["options"][0].pop("best"),
                 "broken.yml: questions[0]: no option has `best: true`; mark the one better move", id="no-best"),
    pytest.param(lambda d: d["questions"][0]["options"][1].update(best=True),
                 "broken.yml: questions[0]: 2 options have `best: true` (options[0] and options[1]); "
                 "mark only the one better move", id="two-best"),
    pytest.param(lambda d: d["questions"][0]["options"][1].update(explaination="typo"),
                 "broken.yml: questions[0].options[1].explaination: Extra inputs are not permitted", id="unknown-key"),
    pytest.param(lambda d: d["questions"][0]["options"][1].pop("explanation"),
                 "broken.yml: questions[0].options[1].explanation: Field required", id="no-explanation"),
    pytest.param(lambda d: d.update(kind="poll"),
                 "broken.yml: Input tag 'poll' found using 'kind' does not match any of the expected tags: "
                 "'knowledge-check', 'self-assessment'", id="unknown-kind"),
])
def test_knowledge_check_mistakes_name_file_field_and_reason(tmp_path, edit, expected):
    assert expected in problem(tmp_path, changed(KNOWLEDGE, edit))


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lambda d: d["bands"][1].update(min=7),
                 "broken.yml: bands: with 2 statements a total runs from 2 to 10, and every total needs exactly "
                 "one band: no band covers 6", id="gap"),
    pytest.param(lambda d: d["bands"][0].update(max=7),
                 "bands[0] and bands[1] both cover 6", id="overlap"),
    pytest.param(lambda d: d["bands"][1].update(max=9), "no band covers 10", id="top-missing"),
    pytest.param(lambda d: d["bands"][1].update(max=12), "totals 11 to 12 cannot happen", id="past-the-top"),
    pytest.param(lambda d: d["bands"][0].update(min=5, max=4),
                 "broken.yml: bands[0]: min (5) is higher than max (4)", id="upside-down"),
    pytest.param(lambda d: d["statements"][1].update(threshold=7),
                 "broken.yml: statements[1]: threshold 7 is outside the scale: use 2 to 5 (2 = Rarely, 5 = Always)",
                 id="threshold-out-of-range"),
    pytest.param(lambda d: d["statements"][1].pop("threshold"),
                 "broken.yml: statements[1]: a `safety_flag` statement needs a `threshold` (2 to 5)",
                 id="flag-without-threshold"),
    pytest.param(lambda d: d["statements"][0].update(threshold=3),
                 "broken.yml: statements[0]: `threshold` only works with `safety_flag: true`", id="threshold-alone"),
    pytest.param(lambda d: d["statements"][1].update(reverse=True),
                 "statements[1]: a `safety_flag` statement cannot be `reverse`", id="reverse-flag"),
    pytest.param(lambda d: d["bands"][1].update(message="See a counsellor."),
                 "broken.yml: bands[1].message: suggest counselling with a link to outside-help.md", id="counselling-text"),
    pytest.param(lambda d: d["statements"][0].update(weight=2),
                 "broken.yml: statements[0].weight: Extra inputs are not permitted", id="unknown-key"),
])
def test_self_assessment_mistakes_name_file_field_and_reason(tmp_path, edit, expected):
    assert expected in problem(tmp_path, changed(ASSESSMENT, edit))


def test_a_band_linking_to_a_missing_page_is_named(tmp_path):
    data = changed(ASSESSMENT, lambda d: d["bands"][0]["links"].append({"page": "take-stok.md"}))
    message = problem(tmp_path, data)
    assert "broken.yml: bands[0].links[1].page: no page 'take-stok.md' in docs/" in message


def test_a_safety_flag_needs_the_safety_page(tmp_path):
    message = problem(tmp_path, ASSESSMENT, pages=("take-stock.md", "outside-help.md"))
    assert "broken.yml: statements[1].safety_flag: the safety message links to safety.md, which is not in docs/" in message


def test_link_text_defaults_to_the_page_title(tmp_path):
    root = project(tmp_path, {})
    assert quizzes.page_title(root / "docs", "take-stock.md") == "Take-Stock"


def test_scoring_counts_reverse_statements_the_other_way():
    assessment = quizzes.SelfAssessment.model_validate(ASSESSMENT)
    reverse, flagged = assessment.statements
    assert [reverse.points(answer) for answer in range(1, 6)] == [5, 4, 3, 2, 1]
    assert [flagged.points(answer) for answer in range(1, 6)] == [1, 2, 3, 4, 5]
    assert [flagged.raises_flag(answer) for answer in range(1, 6)] == [False, True, True, True, True]
    assert assessment.band_for(5).title == "Steady" and assessment.band_for(6).title == "Strained"


@pytest.mark.parametrize(("target", "base", "expected"), [
    ("outside-help/", "take-stock/", "../outside-help/"),
    ("outside-help/", "", "outside-help/"),
    ("take-stock/", "take-stock/", "./"),
    ("", "take-stock/", "../"),
    ("safety/#get-help", "a/b/", "../../safety/#get-help"),
    ("safety.html", "take-stock.html", "safety.html"),
])
def test_links_are_relative_to_the_page(target, base, expected):
    assert quizzes.relative_url(target, base) == expected


def test_page_urls_follow_mkdocs():
    assert quizzes.page_url("take-stock.md") == "take-stock/"
    assert quizzes.page_url("index.md") == ""
    assert quizzes.page_url("take-stock.md", directory_urls=False) == "take-stock.html"


# ---------------------------------------------------------------------------
# The real files
# ---------------------------------------------------------------------------

def test_the_real_quizzes_load_and_include_the_planned_ones():
    loaded = quizzes.load(ROOT)
    assert set(loaded) >= set(KNOWLEDGE_PAGES) | set(ASSESSMENT_PAGES)
    for quiz_id in KNOWLEDGE_PAGES:
        assert isinstance(loaded[quiz_id], quizzes.KnowledgeCheck), quiz_id
        assert 3 <= len(loaded[quiz_id].questions) <= 5, f"{quiz_id}: a knowledge check has 3 to 5 questions"
    for quiz_id in ASSESSMENT_PAGES:
        assert isinstance(loaded[quiz_id], quizzes.SelfAssessment), quiz_id
        assert loaded[quiz_id].flagged, f"{quiz_id}: asks about fear, so the safety message can show"
        assert loaded[quiz_id].reversed_numbers, f"{quiz_id}: some statements count the other way"


def test_every_quiz_file_points_editors_at_the_schema():
    for path in sorted(DATA.glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith(SCHEMA_COMMENT + "\n"), path.name


def test_the_published_schema_is_current():
    assert schemas.schema_path("quiz").read_text(encoding="utf-8") == schemas.schema_text(quizzes.Quiz), (
        "schemas/quiz.schema.json is stale: run `cd hooks && ../.venv/bin/python -m guide_macros.schemas`")


def test_quiz_script_stays_small():
    script = ROOT / "docs" / "assets" / "javascripts" / "quizzes.js"
    assert len(gzip.compress(script.read_bytes(), 9)) <= 3 * 1024


# ---------------------------------------------------------------------------
# The owner's mistakes through a real build
# ---------------------------------------------------------------------------

def test_an_unknown_quiz_id_fails_the_build_listing_the_known_ids(project_copy, tmp_path):
    page = project_copy / "docs" / "take-stock.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ quiz("take-stok-check") }}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "Unknown quiz id 'take-stok-check'. Known quiz ids: " + ", ".join(sorted(FILES)) in output(result)


def test_a_malformed_quiz_file_fails_the_build_naming_file_field_and_reason(project_copy, tmp_path):
    broken = changed(FILES["take-stock-check"], lambda d: d["questions"][1]["options"][2].update(best=True))
    path = project_copy / "docs" / "data" / "quizzes" / "take-stock-check.yml"
    path.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert (f"{path}: questions[1]: 2 options have `best: true` (options[0] and options[2]); "
            "mark only the one better move") in output(result)


# ---------------------------------------------------------------------------
# Every quiz in the built site, against its file
# ---------------------------------------------------------------------------

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
        for number, (group, item) in enumerate(zip(groups, items), 1):
            legend = text(group.legend)
            assert legend == f"{number}. {squash(item['text'] if assessment else item['question'])}", where
            radios = group.select("input[type=radio]")
            labels = [squash(o["text"]) for o in item["options"]] if not assessment else list(quizzes.SCALE)
            assert [text(section.find("label", attrs={"for": radio["id"]})) for radio in radios] == labels, where
            assert len({radio["name"] for radio in radios}) == 1, f"{where}: one radio group per question"
            assert group.select_one(f'#{group["aria-describedby"]}[data-feedback]'), f"{where}: feedback beside it"
            if assessment:
                assert group.has_attr("data-reverse") == item.get("reverse", False), where
                assert group.get("data-threshold") == (str(item["threshold"]) if item.get("safety_flag") else None)
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
        rows = guide.select("tr[data-band]")
        assert len(rows) == len(data["bands"])
        for row, band in zip(rows, data["bands"]):
            assert text(row.th) == f"{band['min']} to {band['max']}"
            assert (row["data-min"], row["data-max"]) == (str(band["min"]), str(band["max"]))
            assert text(row.select_one(".g-quiz__band-title")) == band["title"]
            assert squash(band["message"]) in text(row)
            links = row.select("a")
            assert [site_page(name, a["href"]) for a in links] == [
                quizzes.page_url(link["page"]) + "index.html" for link in band.get("links", [])], f"{name}: {band['title']}"
            for a, link in zip(links, band.get("links", [])):
                target = parse(content_pages[site_page(name, a["href"])]).h1
                assert text(a) == link.get("text", text(target).rstrip("¶ ").strip())
                assert a.parent.has_attr("data-counselling") == (link["page"] == "outside-help.md")
        safety = section.select_one("[data-safety]")
        assert safety.has_attr("hidden")
        assert site_page(name, safety.find("a", string="Read the Safety page")["href"]) == "safety/index.html"
        assert safety.select_one("[data-quick-exit]")["data-quick-exit"] == quick_exit


def test_quiz_ids_are_unique_on_each_page(content_pages, parse):
    for name, path in content_pages.items():
        soup = parse(path)
        if soup.select_one(".g-quiz"):
            ids = [element["id"] for element in soup.find_all(id=True)]
            assert len(ids) == len(set(ids)), name


def test_quiz_text_reads_easily(content_pages, parse):
    for name, quiz_id, section in quizzes_on(content_pages, parse):
        from bs4 import BeautifulSoup
        ease = reading_ease(main_text(BeautifulSoup(str(section), "lxml")))
        assert ease >= 60, f"{quiz_id} on {name}: Flesch reading ease {ease}"
