"""The guide says the article's advice in its own words: no run of 8+ words copied from it.

The article lives outside the repository (../shared/source/article.txt); without it the check
on the real pages is skipped, and the check itself is still proved on seeded text.
"""

from __future__ import annotations

import pytest

from check_copied import ARTICLE, ROOT, Match, check_docs, main, shared_runs

ARTICLE_TEXT = ("As people, we are constantly growing. Sometimes, we end up growing away from "
                "our partners without even realising it, and that’s okay.")


def test_a_seeded_copy_is_found_with_its_line():
    page = "# Why\n\nWe change.\nSometimes WE END UP growing away from our partners, without even noticing.\n"
    assert shared_runs(ARTICLE_TEXT, page, "docs/why.md") == [
        Match("docs/why.md", 4, "sometimes we end up growing away from our partners without even")]


def test_seven_words_in_a_row_are_not_a_copy():
    assert shared_runs(ARTICLE_TEXT, "Yes, sometimes we end up growing away from each other.") == []


def test_apostrophes_and_case_do_not_hide_a_copy():
    page = "You can drift from our partners -- without even realising it. And THAT'S okay!"
    assert [match.words for match in shared_runs(ARTICLE_TEXT, page)] == [
        "from our partners without even realising it and that's okay"]


def test_script_reports_and_fails_on_a_copy(tmp_path, capsys, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    (docs / "data" / "quiz.yml").write_text("question: >-\n  we end up growing away from our\n  partners without even realising\n")
    monkeypatch.setattr("check_copied.ROOT", tmp_path)
    assert main(["check_copied.py", str(article)]) == 1
    assert 'docs/data/quiz.yml:2: copied from the article: "we end up growing away from our partners without even realising"' \
        in capsys.readouterr().out


def test_script_says_when_the_article_is_missing(tmp_path, capsys):
    assert main(["check_copied.py", str(tmp_path / "no-article.txt")]) == 2
    assert "Article not found" in capsys.readouterr().err


@pytest.mark.skipif(not ARTICLE.is_file(), reason=f"the source article is not here ({ARTICLE})")
def test_no_page_or_data_file_copies_the_article():
    matches = check_docs(ARTICLE.read_text(encoding="utf-8"), ROOT / "docs")
    assert matches == [], "\n".join(f'{match.file}:{match.line}: "{match.words}"' for match in matches)
