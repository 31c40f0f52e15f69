"""Each page shows "N min read · Reviewed 26 November 2026" just above its title, under both builders.

The line comes from overrides/partials/guide/page-meta.html at build time: words of the rendered
page / 220 a minute, rounded up; the date from the page's `reviewed:` front matter. No MkDocs hook
is involved, so the Zensical build (which skips hooks) must show exactly the same lines.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

from sitebuild import ROOT

WORDS_PER_MINUTE = 220
LINE = re.compile(r"^(?P<minutes>\d+) min read(?: · Reviewed (?P<date>\d{1,2} [A-Z][a-z]+ \d{4}))?$")


def meta_line(soup: BeautifulSoup) -> str | None:
    """The reading-time line as a reader sees it, or None."""
    line = soup.select_one("article .g-page-meta")
    return " ".join(line.get_text(" ", strip=True).split()) if line else None


def read_page(path: Path) -> BeautifulSoup:
    """A fresh parse: other tests may change the soups cached by the `parse` fixture."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def source_page(name: str) -> Path:
    """The Markdown file a built page comes from ("take-stock/index.html" -> docs/take-stock.md)."""
    stem = name.removesuffix("index.html").strip("/") or "index"
    return ROOT / "docs" / f"{stem}.md"


def front_matter(path: Path) -> dict:
    """A page's front matter ({} when it has none)."""
    text = path.read_text(encoding="utf-8")
    return (yaml.safe_load(text.split("---", 2)[1]) or {}) if text.startswith("---") else {}


def render_line(content: str, meta: dict) -> str:
    """The partial rendered on its own with Jinja2, as MkDocs renders it, for edge cases."""
    environment = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))
    html = environment.get_template("partials/guide/page-meta.html").render(page={"content": content, "meta": meta})
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ", strip=True).split())


# ---------------------------------------------------------------------------
# The MkDocs build
# ---------------------------------------------------------------------------

def test_every_page_shows_reading_time_and_review_date_above_its_title(content_pages):
    for name, path in content_pages.items():
        soup = read_page(path)
        line = soup.select_one("article .g-page-meta")
        assert line is not None, f"{name}: no reading-time line"
        following = line.find_next_sibling()
        if following.name == "nav" and "md-tags" in following.get("class", []):
            following = following.find_next_sibling()  # the page's tags (Material's) sit above its title too
        assert following.name == "h1", f"{name}: the line is not right above the title"
        match = LINE.match(meta_line(soup))
        assert match, f"{name}: unexpected line {meta_line(soup)!r}"
        reviewed = front_matter(source_page(name)).get("reviewed")
        expected = f"{reviewed.day} {reviewed:%B %Y}" if isinstance(reviewed, date) else None
        assert match["date"] == expected, f"{name}: review date {match['date']!r}, front matter says {reviewed!r}"


def test_reading_time_follows_the_words_on_the_page(content_pages):
    for name, path in content_pages.items():
        soup = read_page(path)
        article = soup.select_one("article")
        # What the page's Markdown rendered to: not our line, the ¶ links or the call to action after it.
        for element in article.select(".g-page-meta, .headerlink, .g-cta"):
            element.decompose()
        words = len(article.get_text(" ").split())  # words in neighbouring cells or items are apart
        minutes = int(LINE.match(meta_line(read_page(path)))["minutes"])
        assert minutes == max(1, math.ceil(words / WORDS_PER_MINUTE)), f"{name}: {minutes} min for {words} words"


@pytest.mark.parametrize("words, meta, expected", [
    (1, {}, "1 min read"),
    (220, {"reviewed": date(2026, 11, 26)}, "1 min read · Reviewed 26 November 2026"),
    (221, {"reviewed": date(2026, 1, 5)}, "2 min read · Reviewed 5 January 2026"),
    (1000, {"reviewed": "2026-03-09"}, "5 min read · Reviewed 9 March 2026"),
])
def test_reading_time_rounds_up_and_date_reads_in_words(words, meta, expected):
    content = "<h1>Title<a class='headerlink'>¶</a></h1><p>" + " ".join(["word"] * (words - 1)) + "</p>"
    assert render_line(content, meta) == expected


def test_words_in_neighbouring_elements_count_apart():
    """Our components' HTML has no line break between block tags: `<td>a</td><td>b</td>` is two words."""
    cells = "".join(f"<td>w{n}</td>" for n in range(221))
    assert render_line(f"<table><tr>{cells}</tr></table>", {}) == "2 min read"


# ---------------------------------------------------------------------------
# The Zensical build: same lines, without any MkDocs hook
# ---------------------------------------------------------------------------

def test_zensical_shows_the_same_reading_time_and_date(zensical_site, content_pages):
    for name, path in content_pages.items():
        built = zensical_site / name
        assert built.exists(), f"Zensical did not build {name}"
        zensical_line = meta_line(read_page(built))
        assert zensical_line == meta_line(read_page(path)), f"{name}: Zensical shows {zensical_line!r}"
