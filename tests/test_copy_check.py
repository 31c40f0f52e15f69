"""The guide says the article's advice in its own words: no run of 8+ words copied from it.

The article lives outside the repository ($GUIDE_ARTICLE, default ../shared/source/article.txt);
without it the check on the real pages is skipped with a reason, and the check itself is still
proved on seeded text.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from owncopy import (ARTICLE_VARIABLE, DOCS, ROOT, CopiedRun, article_path, check_docs, copied_runs,
                     main, missing_article_reason, normalise)

ARTICLE_TEXT = ("As people, we are constantly growing. Sometimes, we end up growing away from "
                "our partners without even realising it, and that’s okay. You likely heard things "
                "you weren’t ready to hear. Now we were not ready to give up on each other.")


def test_a_seeded_copy_is_found_with_its_line():
    page = "# Why\n\nWe change.\nSometimes WE END UP growing away from our partners, without even noticing.\n"
    assert copied_runs(ARTICLE_TEXT, page, "docs/why.md") == [
        CopiedRun("docs/why.md", 4, "sometimes we end up growing away from our partners without even")]


def test_seven_words_in_a_row_are_not_a_copy():
    assert copied_runs(ARTICLE_TEXT, "Yes, sometimes we end up growing away from each other.") == []


def test_case_and_curly_apostrophes_do_not_hide_a_copy():
    page = "You can drift from our partners -- without even realising it. And THAT'S okay!"
    assert [run.words for run in copied_runs(ARTICLE_TEXT, page)] == [
        "from our partners without even realising it and that is okay"]


def test_a_contracted_copy_of_spelled_out_words_is_caught():
    page = "Maybe we weren’t ready to give up on each other yet."
    assert [run.words for run in copied_runs(ARTICLE_TEXT, page)] == [
        "we were not ready to give up on each other"]


def test_spelled_out_words_copying_a_contraction_are_caught():
    page = "You have likely heard things\nyou were not ready to hear."
    assert copied_runs(ARTICLE_TEXT, page, "docs/talk.md") == [
        CopiedRun("docs/talk.md", 1, "likely heard things you were not ready to hear")]


@pytest.mark.parametrize(("written", "compared"), [
    ("Won’t", "will not"), ("can't", "can not"), ("cannot", "can not"), ("DON'T", "do not"),
    ("you’re", "you are"), ("we've", "we have"), ("they'll", "they will"), ("I'd", "i would"),
    ("I’m", "i am"), ("it's", "it is"), ("there’s", "there is"), ("let's", "let us"),
    ("“quoted”", '"quoted"'),
])
def test_normalising_spells_out_contractions_and_straightens_quotes(written, compared):
    assert normalise(written) == compared


def test_the_article_path_can_be_set_for_a_fork(monkeypatch, tmp_path):
    monkeypatch.delenv(ARTICLE_VARIABLE, raising=False)
    assert article_path() == (ROOT.parent / "shared" / "source" / "article.txt").resolve()
    monkeypatch.setenv(ARTICLE_VARIABLE, str(tmp_path / "article.txt"))
    assert article_path() == tmp_path / "article.txt"
    monkeypatch.setenv(ARTICLE_VARIABLE, "source/article.txt")  # relative: from the repository root
    assert article_path() == ROOT / "source" / "article.txt"


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    """A tmp project: the article where $GUIDE_ARTICLE points, and an empty docs/data folder."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    monkeypatch.setenv(ARTICLE_VARIABLE, str(article))
    (tmp_path / "docs" / "data").mkdir(parents=True)
    return tmp_path / "docs"


def test_the_command_reports_and_fails_on_a_copy(seeded, capsys):
    (seeded / "data" / "quiz.yml").write_text(
        "question: >-\n  we end up growing away from our\n  partners without even knowing\n", encoding="utf-8")
    assert main(seeded) == 1
    assert 'docs/data/quiz.yml:2: copied from the article: "we end up growing away from our partners without even"' \
        in capsys.readouterr().out


def test_the_command_passes_clean_input(seeded, capsys):
    (seeded / "index.md").write_text("# Hello\n\nWe grow, and we talk about it together.\n", encoding="utf-8")
    assert main(seeded) == 0
    assert "No run of 8+ words copied" in capsys.readouterr().out


def test_the_command_names_the_missing_article_and_the_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ARTICLE_VARIABLE, str(tmp_path / "no-article.txt"))
    assert main(tmp_path) == 2
    error = capsys.readouterr().err
    assert str(tmp_path / "no-article.txt") in error and ARTICLE_VARIABLE in error


def test_the_command_runs_by_hand(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Nothing in this text is anywhere in the guide: zyx qwv.", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "owncopy.py")], capture_output=True,
                            text=True, env=dict(os.environ, **{ARTICLE_VARIABLE: str(article)}), timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, f"No run of 8+ words copied from {article}.")


def test_no_page_or_data_file_copies_the_article():
    article = article_path()
    if not article.is_file():
        pytest.skip(missing_article_reason(article))
    runs = check_docs(article.read_text(encoding="utf-8"), DOCS)
    assert not runs, f"copied from {article}, rephrase:\n" + "\n".join(
        f'{run.file}:{run.line}: "{run.words}"' for run in runs)
