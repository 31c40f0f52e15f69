"""What the project says it holds, for tests to expect: never lists or wording copied into a test.

Everything comes from mkdocs.yml, the pages' front matter and macro calls, and the data files, read
through the same code the build uses; so when the owner follows AUTHORING.md (new owner details, a
new worksheet, quiz or page), the tests expect the new content without being edited.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from guide_macros import helplines as helpline_data
from guide_macros import quizzes as quiz_data
from guide_macros import settings as owner_settings
from guide_macros import worksheets as worksheet_data
from guide_macros.frontmatter import FRONT_MATTER
from guide_macros.pagecalls import calls_in, nav_pages
from guide_macros.quiz_models import SelfAssessment
from sitebuild import ROOT

DOCS = ROOT / "docs"
SAFETY_PAGE = quiz_data.SAFETY_PAGE


class LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: `!ENV` and `!!python/name` values become None."""


LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@functools.cache
def config(root: Path = ROOT) -> dict:
    """mkdocs.yml as the owner wrote it."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)


def settings(root: Path = ROOT) -> owner_settings.Settings:
    """extra.owner, extra.cta and extra.quick_exit_url, validated as the build does."""
    return owner_settings.load(config(root).get("extra"))


@functools.cache
def worksheets(root: Path = ROOT) -> dict:
    return worksheet_data.load(root)


@functools.cache
def quizzes(root: Path = ROOT) -> dict:
    return quiz_data.load(root)


@functools.cache
def helplines(root: Path = ROOT):
    return helpline_data.load(root)


def assessments(root: Path = ROOT) -> dict:
    return {quiz_id: quiz for quiz_id, quiz in quizzes(root).items() if isinstance(quiz, SelfAssessment)}


def knowledge_checks(root: Path = ROOT) -> dict:
    return {quiz_id: quiz for quiz_id, quiz in quizzes(root).items() if not isinstance(quiz, SelfAssessment)}


def pages(root: Path = ROOT) -> list[str]:
    """Every page file in the nav, in reading order ("index.md", "take-stock.md", ...)."""
    return [page for _, page in nav_pages(config(root).get("nav"), root / "docs")]


def built(page: str) -> str:
    """The built HTML file of a page file: "take-stock.md" -> "take-stock/index.html"."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") + "index.html"
    return stem + "/index.html"


def url_path(page: str) -> str:
    """A page's address below the site: "take-stock.md" -> "take-stock/", "index.md" -> ""."""
    return built(page).removesuffix("index.html")


def source(page: str, root: Path = ROOT) -> str:
    return (root / "docs" / page).read_text(encoding="utf-8")


def front_matter(page: str, root: Path = ROOT) -> dict:
    match = FRONT_MATTER.match(source(page, root))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def calls(page: str, root: Path = ROOT) -> list[tuple[str, str]]:
    """`(kind, id)` of the page's worksheet and quiz calls, in order."""
    return calls_in(source(page, root))


def pages_calling(macro: str, root: Path = ROOT) -> list[str]:
    """The pages whose Markdown calls `{{ macro(...) }}`."""
    pattern = re.compile(r"\{\{-?\s*" + re.escape(macro) + r"\s*\(")
    return [page for page in pages(root) if pattern.search(source(page, root))]


def one_page_calling(macro: str, root: Path = ROOT) -> str:
    found = pages_calling(macro, root)
    assert len(found) == 1, f"expected one page calling {macro}(), found {found}"
    return found[0]


def quick_exit_pages(root: Path = ROOT) -> list[str]:
    return [page for page in pages(root) if front_matter(page, root).get("quick_exit") is True]


def box_of(page: str, root: Path = ROOT) -> str | None:
    """The name of the end-of-page box a page shows (None for `cta: false`)."""
    chosen = front_matter(page, root).get("cta", owner_settings.DEFAULT_CTA)
    return None if chosen is False else chosen


def where_used(kind: str, item_id: str, root: Path = ROOT) -> list[str]:
    """The pages that call a worksheet or quiz, in reading order (the index pages list them, not call them)."""
    return [page for page in pages(root) if (kind, item_id) in calls(page, root)]


def first_use(kind: str, root: Path = ROOT) -> dict[str, str]:
    """Each worksheet's (or quiz's) first page, in reading order: where the index pages link to."""
    found: dict[str, str] = {}
    for page in pages(root):
        for call_kind, item_id in calls(page, root):
            if call_kind == kind:
                found.setdefault(item_id, page)
    return found


def text(element) -> str:
    """What a reader sees in an element, with runs of white space as single spaces."""
    return " ".join(element.get_text(" ").split())
