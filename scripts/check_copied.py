#!/usr/bin/env python3
"""Find wording copied from the source article: any run of 8 or more words it shares with docs/.

The guide keeps the article's advice but says it in its own words. Case and punctuation are
ignored ("Don't" matches "don’t"). Checks the pages (docs/**/*.md) and the data behind worksheets
and quizzes (docs/**/*.yml). Usage, from the project folder:

    .venv/bin/python scripts/check_copied.py [ARTICLE]   # default: ../shared/source/article.txt

Prints each shared run with its file and line, and exits 1 if there is any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source" / "article.txt"
RUN = 8  # words in a row that count as copied
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class Match(NamedTuple):
    """A run of words shared with the article: where it starts in a file, and the words."""

    file: str
    line: int
    words: str


def words(text: str) -> list[tuple[str, int]]:
    """Each word, lower-cased and without punctuation, with the offset where it starts."""
    text = text.lower().replace("\u2019", "'")
    return [(found.group(), found.start()) for found in WORD.finditer(text)]


def shared_runs(article: str, text: str, name: str = "<text>", run: int = RUN) -> list[Match]:
    """Every longest run of `run` or more words in `text` that also appears in `article`."""
    source = [word for word, _ in words(article)]
    copied = {tuple(source[start:start + run]) for start in range(len(source) - run + 1)}
    found = words(text)
    flagged = [tuple(word for word, _ in found[start:start + run]) in copied
               for start in range(len(found) - run + 1)]
    matches, start = [], 0
    while start < len(flagged):
        if not flagged[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(flagged) and flagged[end + 1]:
            end += 1  # overlapping windows: one longer run
        offset = found[start][1]
        matches.append(Match(name, text.count("\n", 0, offset) + 1,
                             " ".join(word for word, _ in found[start:end + run])))
        start = end + 1
    return matches


def check_docs(article: str, docs: Path) -> list[Match]:
    """Shared runs in every Markdown and YAML file under `docs`."""
    matches = []
    for path in sorted(docs.rglob("*")):
        if path.suffix in {".md", ".yml", ".yaml"} and path.is_file():
            name = str(path.relative_to(docs.parent))
            matches += shared_runs(article, path.read_text(encoding="utf-8"), name)
    return matches


def main(argv: list[str]) -> int:
    """Report copied runs; exit status 1 if there are any, 2 if the article is missing."""
    article = Path(argv[1]) if len(argv) > 1 else ARTICLE
    if not article.is_file():
        print(f"Article not found: {article}", file=sys.stderr)
        return 2
    matches = check_docs(article.read_text(encoding="utf-8"), ROOT / "docs")
    for match in matches:
        print(f"{match.file}:{match.line}: copied from the article: \"{match.words}\"")
    print(f"{len(matches)} run(s) of {RUN}+ words copied from {article.name}." if matches
          else f"No run of {RUN}+ words copied from {article.name}.")
    return 1 if matches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
