"""The site builds strictly, and every page is a complete HTML page."""

from __future__ import annotations

import json
import re

import pytest
import yaml

import project
from sitebuild import check, mkdocs_build, output, stopped


def test_every_page_has_a_title_description_and_one_h1(content_pages, parse):
    for name, path in content_pages.items():
        soup = parse(path)
        assert soup.title and soup.title.get_text(strip=True), f"{name}: no <title>"
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description.get("content", "").strip(), f"{name}: no meta description"
        assert len(soup.find_all("h1")) == 1, f"{name}: expected exactly one <h1>"


def test_search_index_holds_every_page_title(site_dir, content_pages, parse):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed_titles = {doc["title"] for doc in index["docs"]}
    for name, path in content_pages.items():
        h1 = parse(path).find("h1")
        heading = h1.get_text(" ", strip=True).rstrip("¶").strip()
        assert heading in indexed_titles, f"{name}: title {heading!r} missing from the search index"


def test_broken_internal_link_fails_the_strict_build(project_copy, tmp_path):
    index = project_copy / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n[Lost](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "no-such-page.md" in output(result)


def test_broken_anchor_fails_the_strict_build(project_copy, tmp_path):
    index = project_copy / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n\n[Lost](#no-such-heading)\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "no-such-heading" in output(result)


@pytest.mark.parametrize("prose", ["## Start here {#start}", "Curly {braces} and a {# lone hash"])
def test_jinja_like_prose_does_not_break_the_build(project_copy, tmp_path, prose):
    index = project_copy / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n\n{prose}\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)


def link_first_band_to(project_dir, target: str) -> tuple[str, str]:
    """Point a self-assessment's first band link at `target`; (its file as the owner sees it, quiz id)."""
    quiz_id = next(quiz_id for quiz_id, quiz in project.assessments(project_dir).items() if quiz.bands[0].links)
    path = project_dir / "docs" / "data" / "quizzes" / f"{quiz_id}.yml"
    old = quiz_data_first_link(path)
    content = path.read_text(encoding="utf-8")
    path.write_text(content.replace(f"page: {old}\n", f"page: {target}\n", 1), encoding="utf-8")
    return f"docs/data/quizzes/{quiz_id}.yml", quiz_id


def quiz_data_first_link(path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["bands"][0]["links"][0]["page"]


def a_worksheet_page() -> tuple[str, str]:
    """A page with a worksheet, and the worksheet's anchor: a part of a page a band may link to."""
    page, sheet = next((page, item) for page in project.pages() for kind, item in project.calls(page) if kind == "worksheet")
    return page, f"ws-{sheet}"


def test_a_quiz_link_to_a_missing_part_of_a_page_fails_the_build(project_copy, tmp_path):
    page, _ = a_worksheet_page()
    data_file, _ = link_first_band_to(project_copy, f"{page}#no-such-part")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    message = f"{data_file}: bands[0].links[0].page: {page} has no part '#no-such-part'"
    assert message in output(result)
    # The same line from the same rule when `./guide build` reads the pages MkDocs wrote (as after Zensical).
    checked = check(project_copy, tmp_path / "out")
    assert checked.returncode != 0 and message in checked.stderr


def test_a_quiz_link_to_a_part_of_a_page_lands_there(project_copy, tmp_path, parse):
    page, anchor = a_worksheet_page()
    _, quiz_id = link_first_band_to(project_copy, f"{page}#{anchor}")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    shown = project.where_used("quiz", quiz_id, project_copy)[0]
    quiz = parse(tmp_path / "out" / project.built(shown)).select_one(f'[data-quiz="{quiz_id}"]')
    hrefs = [a["href"] for a in quiz.select("tbody tr")[0].select("a")]
    assert hrefs[0].endswith(f"{project.url_path(page)}#{anchor}"), f"the band's link lost its #part: {hrefs}"


def test_an_impossible_reviewed_date_is_named_not_a_crash(project_copy, tmp_path):
    """Quizzes read linked pages' titles; a page whose front matter YAML cannot read is the page's
    problem, reported by name, not a traceback from whichever page's quiz got there first."""
    name = next(page for page in project.pages() if "reviewed" in project.front_matter(page) and project.calls(page))
    page = project_copy / "docs" / name
    page.write_text(re.sub(r"(?m)^reviewed: .*$", "reviewed: 2026-02-30", page.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"docs/{name}: reviewed: '2026-02-30' is not a real date" in log
        assert "covered by no page" not in log
