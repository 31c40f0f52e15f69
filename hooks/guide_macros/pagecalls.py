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
    """Every worksheet and quiz the guide's pages call, in reading order, each once, at the first page
    that calls it (a second copy would repeat its ids, and print twice), leaving out the page `skip`
    (the index page itself)."""
    found: list[Call] = []
    seen: set[tuple[str, str]] = set()
    for title, page in nav_pages(nav, docs_dir):
        path = docs_dir / page
        if page == skip or not path.is_file():
            continue
        for kind, item in calls_in(path.read_text(encoding="utf-8")):
            if (kind, item) not in seen:
                seen.add((kind, item))
                found.append(Call(kind, item, page, title or title_of(page)))
    return found


# A worksheet or quiz call, with or without its braces.
ANY_CALL = re.compile(r"""\b(worksheet|quiz)\s*\(\s*["'][^"'\n]*["'][^)\n]*\)""")


def leftover_calls(source: str) -> list[tuple[int, str]]:
    """`(line, text)` of each call in a page's source that is not inside `{{ ... }}`, so the macros
    never run it (`{ quiz("x") }`, or a call with no braces at all)."""
    found = []
    for match in ANY_CALL.finditer(source):
        before, after = source[:match.start()], source[match.end():]
        opened = before.rfind("{{") > before.rfind("}}")
        closed = after.find("}}") >= 0 and (after.find("{{") < 0 or after.find("}}") < after.find("{{"))
        if not (opened and closed):
            line_start = before.rfind("\n") + 1
            line_end = source.find("\n", match.end())
            found.append((before.count("\n") + 1, source[line_start:line_end if line_end >= 0 else None].strip()))
    return found


def leftover_call_problems(name: str, source: str) -> list[str]:
    """One line for each call the macros would never run; `name` is the page as the owner sees it."""
    return [f"{name}, line {line}: {text} was not run: a macro call needs two braces on each side, "
            'like {{ quiz("take-stock-check") }}' for line, text in leftover_calls(source)]
