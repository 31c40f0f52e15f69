"""Quiz data: the rules (no build), the real files, and the build's messages for the owner's mistakes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

import project as plan
from guide_macros import links, quiz_models, quizzes, schemas
from guide_macros.datafiles import DataError
from sitebuild import ROOT, stopped

DATA = ROOT / "docs" / "data" / "quizzes"

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schemas/quiz.schema.json"

KNOWLEDGE = {
    "kind": "knowledge-check",
    "title": "Quick check",
    "questions": [{"question": "What now?", "options": [
        {"text": "Ask", "explanation": "Asking helps.", "best": True},
        {"text": "Guess", "explanation": "Guessing misses."},
    ]}],
}
# Two counted statements and a safety flag (never counted): totals run from 2 to 10.
ASSESSMENT = {
    "kind": "self-assessment",
    "title": "How are we?",
    "statements": [{"text": "We talk.", "reverse": True, "talk": "When do you talk best?"},
                   {"text": "I feel afraid.", "safety_flag": True, "threshold": 2},
                   {"text": "We fight.", "talk": "What starts a fight?"}],
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
    assert isinstance(loaded["check"], quiz_models.KnowledgeCheck)
    assert isinstance(loaded["assess"], quiz_models.SelfAssessment)
    assert (loaded["assess"].lowest, loaded["assess"].highest) == (2, 10), "the safety flag adds nothing to the total"


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lambda d: d["questions"][0]["options"][0].pop("best"),
                 "broken.yml: questions[0]: no option has `best: true`; mark the one better move", id="no-best"),
    pytest.param(lambda d: d["questions"][0]["options"][1].update(best=True),
                 "broken.yml: questions[0]: 2 options have `best: true` (options[0] and options[1]); "
                 "mark only the one better move", id="two-best"),
    pytest.param(lambda d: d["questions"][0]["options"][1].update(explaination="typo"),
                 "broken.yml: questions[0].options[1].explaination: 'explaination' is not a key this file knows "
                 "(did you mean 'explanation'?)", id="unknown-key"),
    pytest.param(lambda d: d["questions"][0]["options"][1].pop("explanation"),
                 "broken.yml: questions[0].options[1].explanation: missing; add a line `explanation: ...` here",
                 id="no-explanation"),
    pytest.param(lambda d: d["questions"][0]["options"][1].update(text="  ask  "),
                 "broken.yml: questions[0]: options[0] and options[1] have the same text", id="same-text"),
    pytest.param(lambda d: d["questions"][0]["options"][0].update(best="yes"),
                 "broken.yml: questions[0].options[0].best: should be true or false (found the text 'yes')", id="best-yes"),
    pytest.param(lambda d: d.update(kind="poll"),
                 "broken.yml: kind: 'poll' is not a kind; use one of 'knowledge-check', 'self-assessment'",
                 id="unknown-kind"),
    pytest.param(lambda d: d.pop("kind"), "broken.yml: kind: missing: it says which kind this is, one of "
                 "'knowledge-check', 'self-assessment'", id="no-kind"),
    pytest.param(lambda d: d.update(kind=None), "broken.yml: kind: missing: it says which kind this is",
                 id="empty-kind"),
    pytest.param(lambda d: d["questions"][0].update(question="Is this **really** the best?"),
                 "broken.yml: questions[0].question: '**' looks like Markdown or HTML", id="markup"),
])
def test_knowledge_check_mistakes_name_file_field_and_reason(tmp_path, edit, expected):
    assert expected in problem(tmp_path, changed(KNOWLEDGE, edit))


@pytest.mark.parametrize(("edit", "expected"), [
    pytest.param(lambda d: d["bands"][1].update(min=7),
                 "broken.yml: bands: with 2 counted statements (1 safety flag not counted) a total runs from 2 to 10, "
                 "and every total needs exactly one band: no band covers 6", id="gap"),
    pytest.param(lambda d: d["bands"][0].update(max=7), "bands[0] and bands[1] both cover 6 to 7", id="overlap"),
    pytest.param(lambda d: d["bands"].reverse(),
                 "bands[1] (from 2) comes after bands[0] (from 6): list the bands from the lowest totals to the highest",
                 id="high-to-low"),
    pytest.param(lambda d: d["bands"][1].update(max=9), "no band covers 10", id="top-missing"),
    pytest.param(lambda d: d["bands"][1].update(max=12), "totals 11 to 12 cannot happen", id="past-the-top"),
    pytest.param(lambda d: d["bands"][0].update(min=5, max=4),
                 "broken.yml: bands[0]: min (5) is higher than max (4)", id="upside-down"),
    pytest.param(lambda d: d["statements"][1].update(threshold=7),
                 "broken.yml: statements[1].threshold: should be 5 or less (found the number 7)", id="threshold-out-of-range"),
    pytest.param(lambda d: d["statements"][1].pop("threshold"),
                 "broken.yml: statements[1]: a `safety_flag` statement needs a `threshold` (2 = Rarely to 5 = Always)",
                 id="flag-without-threshold"),
    pytest.param(lambda d: d["statements"][0].update(threshold=3),
                 "broken.yml: statements[0]: `threshold` only works with `safety_flag: true`", id="threshold-alone"),
    pytest.param(lambda d: d["statements"][1].update(reverse=True),
                 "statements[1]: a `safety_flag` statement cannot be `reverse`", id="reverse-flag"),
    pytest.param(lambda d: d["statements"][0].update(weight=2),
                 "broken.yml: statements[0].weight: 'weight' is not a key this file knows", id="unknown-key"),
    pytest.param(lambda d: d["statements"][0].update(link={"page": "take-stock"}),
                 "broken.yml: statements[0].link.page: is not written the way this field needs", id="link-not-a-page"),
])
def test_self_assessment_mistakes_name_file_field_and_reason(tmp_path, edit, expected):
    assert expected in problem(tmp_path, changed(ASSESSMENT, edit))


def test_overlaps_and_gaps_are_reported_exactly(tmp_path):
    """An overlap is not also reported as a gap, and each problem names its totals."""
    data = changed(ASSESSMENT, lambda d: d.update(bands=[
        {"min": 2, "max": 6, "title": "A", "message": "a"},
        {"min": 5, "max": 7, "title": "B", "message": "b"},
        {"min": 9, "max": 10, "title": "C", "message": "c"},
    ]))
    message = problem(tmp_path, data)
    assert "bands[0] and bands[1] both cover 5 to 6" in message
    assert "no band covers 8" in message
    assert "no band covers 5" not in message and "covers 7" not in message.replace("5 to 7", "")


def test_a_band_linking_to_a_missing_page_is_named(tmp_path):
    data = changed(ASSESSMENT, lambda d: d["bands"][0]["links"].append({"page": "take-stok.md"}))
    message = problem(tmp_path, data)
    assert "broken.yml: bands[0].links[1].page: no page 'take-stok.md' in docs/" in message


def test_a_safety_flag_needs_the_safety_page(tmp_path):
    message = problem(tmp_path, ASSESSMENT, pages=("take-stock.md", "outside-help.md"))
    assert "broken.yml: statements[1].safety_flag: the safety result links to safety.md, which is not in docs/" in message


def test_link_text_defaults_to_the_page_title(tmp_path):
    root = project(tmp_path, {})
    assert links.page_title(root / "docs", "take-stock.md") == "Take-Stock"


@pytest.mark.parametrize(("target", "base", "expected"), [
    ("outside-help/", "take-stock/", "../outside-help/"),
    ("outside-help/", "", "outside-help/"),
    ("take-stock/", "take-stock/", "./"),
    ("", "take-stock/", "../"),
    ("safety/#get-help", "a/b/", "../../safety/#get-help"),
    ("safety.html", "take-stock.html", "safety.html"),
])
def test_links_are_relative_to_the_page(target, base, expected):
    assert links.relative_url(target, base) == expected


def test_page_urls_follow_mkdocs():
    assert links.page_url("take-stock.md") == "take-stock/"
    assert links.page_url("index.md") == ""
    assert links.page_url("take-stock.md", directory_urls=False) == "take-stock.html"


# ---------------------------------------------------------------------------
# The real files
# ---------------------------------------------------------------------------

def test_the_real_quizzes_load():
    loaded = quizzes.load(ROOT)
    assert set(loaded) == {path.stem for path in DATA.glob("*.y*ml")}


def test_every_quiz_file_points_editors_at_the_schema():
    for path in sorted(DATA.glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith(SCHEMA_COMMENT + "\n"), path.name


def test_the_published_schema_is_current():
    assert schemas.schema_path("quiz").read_text(encoding="utf-8") == schemas.schema_text(quiz_models.Quiz), (
        "schemas/quiz.schema.json is stale: run `cd hooks && ../.venv/bin/python -m guide_macros.schemas`")


def test_the_authoring_guide_examples_are_valid(tmp_path):
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8").partition("\n## Quizzes\n")[2].partition("\n## ")[0]
    examples = re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL)
    assert len(examples) == 2
    folder = tmp_path / "docs" / "data" / "quizzes"
    folder.mkdir(parents=True)
    for index, example in enumerate(examples):
        (folder / f"example-{index}.yml").write_text(example, encoding="utf-8")
    loaded = quizzes.load(tmp_path, ROOT / "docs")
    assert {type(quiz).__name__ for quiz in loaded.values()} == {"KnowledgeCheck", "SelfAssessment"}


# ---------------------------------------------------------------------------
# The owner's mistakes through a real build
# ---------------------------------------------------------------------------

def test_an_unknown_quiz_id_fails_the_build_listing_the_known_ids(project_copy, tmp_path):
    page = plan.pages(project_copy)[0]
    path = project_copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + '\n{{ quiz("no-such-check") }}\n', encoding="utf-8")
    known = ", ".join(sorted(path.stem for path in DATA.glob("*.y*ml")))
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"docs/{page}, line " in log
        assert f"Unknown quiz id 'no-such-check'. Known quiz ids: {known}" in log


def test_a_malformed_quiz_file_fails_the_build_naming_file_field_and_reason(project_copy, tmp_path):
    quiz_id, data = next((path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(DATA.glob("*.yml"))
                         if yaml.safe_load(path.read_text(encoding="utf-8"))["kind"] == "knowledge-check")
    other = next(index for index, option in enumerate(data["questions"][0]["options"]) if not option.get("best"))
    best = next(index for index, option in enumerate(data["questions"][0]["options"]) if option.get("best"))
    data["questions"][0]["options"][other]["best"] = True
    path = project_copy / "docs" / "data" / "quizzes" / f"{quiz_id}.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    first, second = sorted((other, best))
    for log in stopped(project_copy, tmp_path / "out"):
        assert (f"{path}: questions[0]: 2 options have `best: true` (options[{first}] and options[{second}]); "
                "mark only the one better move") in log
