"""Compare with your partner, in the built HTML and in the owner's data files.

Sharing is on exactly the worksheets marked `shareable: true` and on every self-assessment; each
shared field carries its `talk:` question and nothing else does; share.js loads on exactly the pages
that have them, once, from an address that exists (under Zensical too), so every other page costs
nothing more. The owner's slips with `shareable:` and `talk:` stop the build with one plain line.
(What a reader does with it is in tests/browser/test_share.py.)
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import project as plan
from guide_macros import quizzes as quiz_data
from guide_macros import worksheets as worksheet_data
from guide_macros.datafiles import DataError
from guide_macros.quiz_models import SelfAssessment
from sitebuild import ROOT, stopped

SHEETS = plan.worksheets()
QUIZZES = plan.quizzes()
SHARE_JS = ROOT / "docs" / "assets" / "javascripts" / "share.js"


def shared(kind: str, item_id: str) -> bool:
    return SHEETS[item_id].shareable if kind == "worksheet" else isinstance(QUIZZES[item_id], SelfAssessment)


def share_scripts(soup) -> list[str]:
    return [script["src"] for script in soup.select("script[src]") if "/share.js" in script["src"]]


def pages_with_sharing() -> set[str]:
    """Built file of each page whose Markdown calls a shareable worksheet or a self-assessment."""
    return {plan.built(page) for page in plan.pages() if any(shared(kind, item) for kind, item in plan.calls(page))}


# --- The built pages ------------------------------------------------------------------------------------

def test_sharing_is_on_exactly_the_shareable_worksheets_and_the_self_assessments(content_pages, parse):
    seen = {"worksheet": 0, "quiz": 0}
    for name, path in content_pages.items():
        soup = parse(path)
        for section in soup.select("section.g-ws"):
            sheet = SHEETS[section["data-worksheet"]]
            assert section.has_attr("data-share") == sheet.shareable, f"{name}: {section['id']}"
            talks = [field.get("data-talk") for field in section.select(".g-ws__field")]
            assert talks == [field.talk if sheet.shareable else None for field in sheet.fields], f"{name}: {section['id']}"
            seen["worksheet"] += sheet.shareable
        for section in soup.select("section.g-quiz"):
            quiz = QUIZZES[section["data-quiz"]]
            assessment = isinstance(quiz, SelfAssessment)
            assert section.has_attr("data-share") == assessment, f"{name}: {section['id']}"
            talks = [statement.get("data-talk") for statement in section.select("fieldset")]
            if assessment:
                assert section["data-version"] == quiz.version
                # A safety statement is never shared, so it has no question to offer.
                assert talks == [None if statement.safety_flag else statement.talk for statement in quiz.statements]
                seen["quiz"] += 1
            else:
                assert set(talks) == {None}
    used = {item for page in plan.pages() for item in plan.calls(page)}
    for kind in seen:
        if any(shared(kind, item) for call_kind, item in used if call_kind == kind):
            assert seen[kind], f"no shareable {kind} found in the built pages"


def test_share_js_loads_once_on_exactly_the_pages_with_sharing(html_pages, parse, site_dir):
    found = {name: share_scripts(parse(path)) for name, path in html_pages.items()}
    loading = {name for name, sources in found.items() if sources}
    assert loading == pages_with_sharing()
    assert loading, "no page has sharing: the check means nothing"
    for name in loading:
        assert len(found[name]) == 1, f"{name}: share.js is loaded {len(found[name])} times"
        src = urlsplit(found[name][0])
        served = (site_dir / name).parent / src.path
        assert served.resolve().is_file(), f"{name}: {src.path} is not in the site"
        assert served.stat().st_size > 0
        assert src.query == "v=" + hashlib.sha256(SHARE_JS.read_bytes()).hexdigest()[:8], "a new file name for new code"


def test_under_zensical_share_js_loads_on_the_same_pages(zensical_site, html_pages, parse):
    for name in html_pages:
        if name == "404.html":
            continue
        sources = share_scripts(parse(zensical_site / name))
        assert bool(sources) == (name in pages_with_sharing()), name
        for src in sources:
            assert ((zensical_site / name).parent / urlsplit(src).path).resolve().is_file(), f"{name}: {src}"


def test_the_workbook_offers_no_sharing_of_its_own(html_pages, parse):
    for page in plan.pages_calling("workbook"):
        assert not share_scripts(parse(html_pages[plan.built(page)])), "the workbook shares nothing itself"


# --- The owner's slips ------------------------------------------------------------------------------------

def sheet_data(sheet_id: str) -> dict:
    return yaml.safe_load((ROOT / worksheet_data.FOLDER / f"{sheet_id}.yml").read_text(encoding="utf-8"))


def a_sheet(shareable: bool) -> str:
    found = [sheet_id for sheet_id, sheet in SHEETS.items() if sheet.shareable == shareable and len(sheet.fields) > 1]
    if not found:
        pytest.skip(f"no worksheet with shareable: {shareable} and two fields")
    return found[0]


def problem_in(tmp_path: Path, folder: Path, data: dict, loader) -> str:
    target = tmp_path / folder
    target.mkdir(parents=True)
    (target / "broken.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        loader(tmp_path)
    return str(caught.value)


def test_a_shareable_worksheet_names_each_field_without_a_question(tmp_path):
    data = sheet_data(a_sheet(True))
    for index in (0, len(data["fields"]) - 1):
        data["fields"][index].pop("talk")
    message = problem_in(tmp_path, worksheet_data.FOLDER, data, worksheet_data.load)
    first, last = data["fields"][0]["id"], data["fields"][-1]["id"]
    assert (f"broken.yml: fields: fields[0] ({first}) and fields[{len(data['fields']) - 1}] ({last}) need a "
            "`talk:` line, because the worksheet is `shareable: true`") in message


def test_a_question_on_a_worksheet_that_is_not_shareable_is_a_slip(tmp_path):
    data = sheet_data(a_sheet(False))
    data.pop("shareable", None)
    data["fields"][1]["talk"] = "What do you each think?"
    message = problem_in(tmp_path, worksheet_data.FOLDER, data, worksheet_data.load)
    assert (f"broken.yml: fields: fields[1] ({data['fields'][1]['id']}) has a `talk:` line, which readers see only "
            "on a shareable worksheet: add `shareable: true` at the top, or remove the line") in message


def assessment_data() -> tuple[str, dict]:
    found = [quiz_id for quiz_id, quiz in QUIZZES.items() if isinstance(quiz, SelfAssessment) and quiz.flagged]
    if not found:
        pytest.skip("no self-assessment with a safety flag")
    path = ROOT / quiz_data.FOLDER / f"{found[0]}.yml"
    return found[0], yaml.safe_load(path.read_text(encoding="utf-8"))


def load_quizzes_with_pages(tmp_path: Path):
    (tmp_path / "docs").mkdir(exist_ok=True)
    return quiz_data.load(tmp_path, ROOT / "docs")  # linked pages: the real ones


def test_a_self_assessment_names_each_statement_without_a_question(tmp_path):
    _, data = assessment_data()
    counted = [index for index, statement in enumerate(data["statements"]) if not statement.get("safety_flag")]
    data["statements"][counted[0]].pop("talk")
    message = problem_in(tmp_path, quiz_data.FOLDER, data, load_quizzes_with_pages)
    assert f"broken.yml: statements: statements[{counted[0]}] needs a `talk:` line" in message


def test_a_safety_statement_may_not_carry_a_question(tmp_path):
    _, data = assessment_data()
    index = next(index for index, statement in enumerate(data["statements"]) if statement.get("safety_flag"))
    data["statements"][index]["talk"] = "Why?"
    message = problem_in(tmp_path, quiz_data.FOLDER, data, load_quizzes_with_pages)
    assert (f"broken.yml: statements[{index}]: a `safety_flag` statement cannot have a `talk`: its answer is never "
            "shared with a partner") in message


def test_the_build_stops_with_one_plain_line_for_a_missing_question(project_copy, tmp_path):
    sheet_id = a_sheet(True)
    path = project_copy / worksheet_data.FOLDER / f"{sheet_id}.yml"
    data = copy.deepcopy(sheet_data(sheet_id))
    data["fields"][0].pop("talk")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"{path}: fields: fields[0] ({data['fields'][0]['id']}) needs a `talk:` line" in log, log[-1500:]
