"""Front matter rules every page must meet, as owner-readable problems. No MkDocs imports.

- `description`: one sentence for search results and link previews; every page has one.
- `reviewed`: when the owner last checked the page (YYYY-MM-DD, not in the future); required
  on pages that explain points of the article (`covers`), checked wherever it is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

import yaml

# libyaml's parser where PyYAML has it: the one MkDocs reads front matter with, so both fail alike.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DatesAsText(SAFE_LOADER):
    """Front matter with every date left as text, so a page whose date MkDocs could not read still
    tells the other checks what it covers."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.copy().items()
}

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A page that lists the helplines: it calls the macro.
HELPLINES_CALL = re.compile(r"\{\{-?\s*helplines\s*\(")
# The front matter block as MkDocs finds it: between two `---` lines at the top of the file.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def read_front_matter(source: str) -> tuple[dict, str]:
    """`(front matter, the rest of the page)` as MkDocs reads them: no front matter (`{}`) when it cannot be
    read, and then the page is all body."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, source
    try:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except (yaml.YAMLError, ValueError):
        return {}, source
    if not isinstance(data, dict):
        return {}, source
    return data, source[match.end():].lstrip("\n")


def page_problems(page: str, source: str, meta: Mapping, today: date, boxes: Iterable[str],
                  selling: Iterable[str] = ()) -> list[str]:
    """Every front matter problem of one page: why it cannot be read, or what is missing or wrong in it.

    `meta` is the front matter the engine read (empty when it could not read it); `selling` are the
    boxes that list the owner's paid help (`selling_boxes`)."""
    unreadable = None if meta else unreadable_front_matter(page, source)
    return [unreadable] if unreadable else front_matter_problems(page, meta, today, boxes, selling,
                                                                 HELPLINES_CALL.search(source) is not None)


def cta_boxes(extra) -> Iterable[str]:
    """The names of the end-of-page boxes in mkdocs.yml `extra.cta` (none when it is not a mapping)."""
    boxes = extra.get("cta") if hasattr(extra, "get") else None  # MkDocs' `extra` is a mapping of its own
    return boxes.keys() if isinstance(boxes, Mapping) else ()


def selling_boxes(extra) -> list[str]:
    """The boxes of `extra.cta` that list the owner's paid help (`paid_help: true`)."""
    boxes = extra.get("cta") if hasattr(extra, "get") else None
    return [name for name, box in boxes.items() if isinstance(box, Mapping) and box.get("paid_help") is True] \
        if isinstance(boxes, Mapping) else []


def unreadable_front_matter(page: str, source: str) -> str | None:
    """Why the front matter cannot be read, or None.

    MkDocs silently drops front matter it cannot parse (a date like 2026-02-30 is enough), and
    the page would then only be reported for missing fields; this names the real cause.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return None
    try:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark else ""  # +1 for 1-based, +1 for the opening ---
        return (f"{page}: {where}the front matter's layout is broken here ({getattr(error, 'problem', None) or error}); "
                "each line is `key: value`, and a text with ': ' in it goes in double quotes")
    except ValueError:
        # An impossible date: name the key that holds it, and nothing else goes wrong because of it.
        for key, value in lenient_front_matter(source).items():
            if isinstance(value, str) and ISO_DATE.match(value.strip()):
                try:
                    date.fromisoformat(value.strip())
                except ValueError:
                    return f"{page}: {key}: '{value}' is not a real date; write a date that exists, as YYYY-MM-DD"
        return f"{page}: a date in the front matter is not a real date; write dates as YYYY-MM-DD"
    if not isinstance(data, dict):
        return f"{page}: front matter must be lines of `key: value`"
    return None


def lenient_front_matter(source: str) -> dict:
    """The front matter's keys even when a date in it is impossible (empty when it cannot be read at all)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}
    try:
        data = yaml.load(match.group(1), Loader=DatesAsText)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def front_matter_problems(page: str, meta: Mapping, today: date, boxes: Iterable[str] = ("default",),
                          selling: Iterable[str] = (), shows_help: bool = False) -> list[str]:
    """What is missing or wrong in one page's front matter; `page` is the file as the owner sees it.

    `boxes` are the names of the end-of-page boxes in mkdocs.yml `extra.cta`, `selling` those that
    list the owner's paid help; `shows_help`: the page lists the helplines."""
    problems = []
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        problems.append(f"{page}: front matter needs a description: one sentence saying what the page is about")
    if "reviewed" in meta:
        problem = reviewed_problem(meta["reviewed"], today)
        if problem:
            problems.append(f"{page}: reviewed: {problem}")
    elif meta.get("covers"):
        problems.append(f"{page}: front matter needs reviewed: the date you last checked the page, like {today.isoformat()}")
    if "cta" in meta and meta["cta"] is not False and meta["cta"] not in boxes:
        names = ", ".join(sorted(boxes))
        problems.append(f"{page}: cta: '{meta['cta']}' is not a box in mkdocs.yml extra.cta; use one of {names}, "
                        "or cta: false for none")
    elif shows_help and meta.get("cta", "default") in set(selling):
        problems.append(f"{page}: cta: '{meta.get('cta', 'default')}' lists your paid help, and this page lists the "
                        "helplines: the dating offer never sits beside help for people at risk; pick another box, "
                        "or cta: false")
    for key in ("quick_exit",):
        if key in meta and not isinstance(meta[key], bool):
            problems.append(f"{page}: {key}: should be true or false (found '{meta[key]}')")
    return problems


def reviewed_problem(value: object, today: date) -> str | None:
    """Why a `reviewed` value is not a usable date, or None when it is fine."""
    # YAML turns 2026-11-26 into a date; anything else arrives as text (or a date and time).
    if isinstance(value, datetime) or not isinstance(value, (date, str)):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, like {today.isoformat()}"
    if isinstance(value, str):
        if not ISO_DATE.match(value.strip()):
            return f"'{value}' is not a date; write it as YYYY-MM-DD, like {today.isoformat()}"
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return f"'{value}' is not a real date"
    if value > today:
        return f"{value.isoformat()} is in the future (today is {today.isoformat()})"
    return None
