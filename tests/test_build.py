"""The site builds strictly, and every page is a complete HTML page."""

from __future__ import annotations

import json

import pytest

from sitebuild import mkdocs_build, output


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


def link_first_band_to(project, target: str) -> str:
    """Point the two-minute check's first band link at `target`; the file as the owner sees it."""
    path = project / "docs" / "data" / "quizzes" / "two-minute-check.yml"
    text = path.read_text(encoding="utf-8")
    assert "page: celebrate-progress.md\n" in text
    path.write_text(text.replace("page: celebrate-progress.md\n", f"page: {target}\n", 1), encoding="utf-8")
    return "docs/data/quizzes/two-minute-check.yml"


def test_a_quiz_link_to_a_missing_part_of_a_page_fails_the_build(project_copy, tmp_path):
    data_file = link_first_band_to(project_copy, "take-stock.md#no-such-part")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"{data_file}: bands[0].links[0].page: take-stock.md has no part '#no-such-part'" in output(result)


def test_a_quiz_link_to_a_part_of_a_page_lands_there(project_copy, tmp_path, parse):
    link_first_band_to(project_copy, "take-stock.md#ws-take-stock")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    quiz = parse(tmp_path / "out" / "index.html").select_one('[data-quiz="two-minute-check"]')
    assert quiz.select_one('a[href="take-stock/#ws-take-stock"]'), "the band's link lost its #part"


def test_an_impossible_reviewed_date_is_named_not_a_crash(project_copy, tmp_path):
    """Quizzes read linked pages' titles; a page whose front matter YAML cannot read is the page's
    problem, reported by name, not a traceback from whichever page's quiz got there first."""
    page = project_copy / "docs" / "take-stock.md"
    page.write_text(page.read_text(encoding="utf-8").replace("reviewed: 2026-11-26", "reviewed: 2026-02-30", 1),
                    encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/take-stock.md: front matter cannot be read" in output(result)
    assert "Traceback" not in output(result)
