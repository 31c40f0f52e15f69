"""Find wording copied from the source article: any run of 8 or more words it shares with docs/.

The guide keeps the article's advice but says it in its own words. Before comparing, both texts are
lower-cased, curly quotes are straightened and contractions are expanded, so "Weren’t ready" in
one matches "were not ready" in the other. Checks the pages (docs/**/*.md) and the data behind
worksheets and quizzes (docs/**/*.yml, *.yaml). Standard library only. Run it by hand with

    .venv/bin/python tests/owncopy.py

It prints each copied run with its file and line, and exits 1 if there is any (2 if the article
is missing). The article is read from $GUIDE_ARTICLE, default ../shared/source/article.txt; a
relative path counts from the repository root.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import NamedTuple

# The checkout (the article's default path counts from it), and the docs under test: this checkout's,
# or those of the copy the owner-change test edited (GUIDE_PROJECT).
ROOT = Path(__file__).resolve().parent.parent
DOCS = Path(os.environ.get("GUIDE_PROJECT") or ROOT).resolve() / "docs"
ARTICLE_VARIABLE = "GUIDE_ARTICLE"
DEFAULT_ARTICLE = "../shared/source/article.txt"
RUN = 8  # words in a row that count as copied
CHECKED_SUFFIXES = {".md", ".yml", ".yaml"}

STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Applied in order: the irregular forms before the general "n't"; the lookbehinds keep a quote
# mark that opens a word ('re...) from reading as a contraction.
CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"(?<=[a-z])n't\b"), " not"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\b(it|that|there|here|what|who|he|she)'s\b"), r"\1 is"),
    (re.compile(r"(?<=[a-z])'re\b"), " are"),
    (re.compile(r"(?<=[a-z])'ve\b"), " have"),
    (re.compile(r"(?<=[a-z])'ll\b"), " will"),
    (re.compile(r"(?<=[a-z])'d\b"), " would"),
)
WORD = re.compile(r"[^\W_]+")  # letters and digits; every other mark splits words


class CopiedRun(NamedTuple):
    """A run of words shared with the article: the file, the line it starts on, and the words."""

    file: str
    line: int
    words: str


def article_path() -> Path:
    """Where the article is: $GUIDE_ARTICLE (for a fork that keeps it elsewhere) or the default."""
    return (ROOT / os.environ.get(ARTICLE_VARIABLE, DEFAULT_ARTICLE)).resolve()


def missing_article_reason(path: Path) -> str:
    """Why the check cannot run, and how to point it at the article."""
    return f"source article not found at {path}; set {ARTICLE_VARIABLE} to its path to check for copied wording"


def normalise(text: str) -> str:
    """Lower-case, straight quotes, contractions spelled out: the form both texts are compared in."""
    text = text.lower().translate(STRAIGHT_QUOTES)
    for contraction, expansion in CONTRACTIONS:
        text = contraction.sub(expansion, text)
    return text


def words(text: str) -> list[str]:
    """The normalised words of `text`, without punctuation."""
    return WORD.findall(normalise(text))


def words_by_line(text: str) -> list[tuple[str, int]]:
    """Each normalised word with the line it is on (no contraction spans a line break)."""
    return [(word, number) for number, line in enumerate(text.split("\n"), start=1) for word in words(line)]


def copied_runs(article: str, text: str, name: str = "<text>", run: int = RUN) -> list[CopiedRun]:
    """Every longest run of `run` or more words in `text` that also appears in `article`."""
    source = words(article)
    article_runs = {tuple(source[start:start + run]) for start in range(len(source) - run + 1)}
    found = words_by_line(text)
    flagged = [tuple(word for word, _ in found[start:start + run]) in article_runs
               for start in range(len(found) - run + 1)]
    runs, start = [], 0
    while start < len(flagged):
        if not flagged[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(flagged) and flagged[end + 1]:
            end += 1  # overlapping windows make one longer run
        runs.append(CopiedRun(name, found[start][1], " ".join(word for word, _ in found[start:end + run])))
        start = end + 1
    return runs


def check_docs(article: str, docs: Path = DOCS) -> list[CopiedRun]:
    """Copied runs in every page and data file under `docs`, named from the project folder."""
    runs = []
    for path in sorted(docs.rglob("*")):
        if path.suffix in CHECKED_SUFFIXES and path.is_file():
            name = str(path.relative_to(docs.parent))
            runs += copied_runs(article, path.read_text(encoding="utf-8"), name)
    return runs


def main(docs: Path = DOCS) -> int:
    """Print the copied runs in `docs`; exit status 1 if there are any, 2 if the article is missing."""
    article = article_path()
    if not article.is_file():
        print(missing_article_reason(article), file=sys.stderr)
        return 2
    runs = check_docs(article.read_text(encoding="utf-8"), docs)
    for run in runs:
        print(f'{run.file}:{run.line}: copied from the article: "{run.words}"')
    print(f"{len(runs)} run(s) of {RUN}+ words copied from {article}." if runs
          else f"No run of {RUN}+ words copied from {article}.")
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main())
