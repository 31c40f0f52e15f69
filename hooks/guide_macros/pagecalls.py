"""The guide's pages in reading order, and the worksheet and quiz calls each one makes. No MkDocs imports.

Read from the Markdown sources and mkdocs.yml's `nav`, so the index pages (Workbook, Self-checks)
list what the pages really hold, in the order readers meet it, under MkDocs and Zensical alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# `{{ worksheet("take-stock") }}`, `{{ quiz('x', heading_level=3) }}`: the kind and the id.
CALL = re.compile(r"""\{\{-?\s*(worksheet|quiz)\s*\(\s*(["'])([^"'\n]*)\2[^}]*\}\}""")


@dataclass(frozen=True)
class Call:
    kind: str  # "worksheet" or "quiz"
    id: str
    page: str  # the page's file in docs/, e.g. "take-stock.md"
    page_title: str


def calls_in(markdown: str) -> list[tuple[str, str]]:
    """`(kind, id)` of each worksheet or quiz call, in the order they appear."""
    return [(match.group(1), match.group(3)) for match in CALL.finditer(markdown)]


def nav_pages(nav, docs_dir: Path) -> list[tuple[str | None, str]]:
    """`(title or None, page file)` for every page in `nav`, in order; every page file when there is no nav."""
    if not nav:
        files = sorted(str(path.relative_to(docs_dir)).replace("\\", "/") for path in docs_dir.rglob("*.md")
                       if "data" not in path.relative_to(docs_dir).parts)
        return [(None, file) for file in sorted(files, key=lambda file: (file != "index.md", file))]
    pages: list[tuple[str | None, str]] = []

    def walk(items) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                pages.append((None, item))
            elif isinstance(item, dict) and "children" in item:
                # Zensical's nav: {title, url (the page file), children, ...}
                if str(item.get("url") or "").endswith(".md"):
                    pages.append((item.get("title"), item["url"]))
                walk(item["children"])
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        if not re.match(r"^[a-z]+://", value):  # an outside link, not a page
                            pages.append((title, value))
                    else:
                        walk(value)

    walk(nav)
    return pages


def calls_in_order(nav, docs_dir: Path, title_of, skip: str | None = None) -> list[Call]:
    """Every worksheet and quiz call on the guide's pages in reading order (each once per page),
    leaving out the page `skip` (the index page itself)."""
    found: list[Call] = []
    for title, page in nav_pages(nav, docs_dir):
        path = docs_dir / page
        if page == skip or not path.is_file():
            continue
        seen: set[tuple[str, str]] = set()
        for kind, item in calls_in(path.read_text(encoding="utf-8")):
            if (kind, item) not in seen:
                seen.add((kind, item))
                found.append(Call(kind, item, page, title or title_of(page)))
    return found


# A worksheet or quiz call in rendered Markdown: the macros replace every call they run with HTML.
LEFTOVER = re.compile(r"""\{*\s*\b(worksheet|quiz)\s*\(\s*["'][^"'\n]*["'][^)\n]*\)\s*\}*""")


def leftover_calls(rendered: str, source: str) -> list[tuple[int, str]]:
    """`(line in the source file, text)` of each call the macros did not run."""
    found = []
    for match in LEFTOVER.finditer(rendered):
        text = match.group(0).strip()
        at = source.find(text)
        found.append((source[:at].count("\n") + 1 if at >= 0 else 0, text))
    return found
