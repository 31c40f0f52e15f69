"""The shape every page of the guide keeps, as owner-readable problems. No MkDocs imports.

- A page's **Next:** line points to the page the nav puts next (Material's footer links there too):
  when a page is added to the nav, the line before it must follow.
- A step of the course (a page whose front matter names the article's points it explains, `covers:`)
  ends with a section "What the research says" linking one to three sources outside the guide.
"""

from __future__ import annotations

import posixpath
import re

SOURCES_HEADING = "What the research says"
NEXT_LINK = re.compile(r"\*\*Next:\*\*\s*(?:[^\[\n]*)\[[^\]]*\]\(([^)\s#]*)")
H2 = re.compile(r"(?m)^## +(.+?)\s*(?:\{[^}]*\})?\s*$")
OUTSIDE_LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def next_line_problem(page: str, name: str, markdown: str, next_page: str | None) -> str | None:
    """Why the page's **Next:** line disagrees with the nav, or None. `page` is the file in docs/,
    `name` the file as the owner sees it, `next_page` the next page's file in docs/ (None: last)."""
    match = NEXT_LINK.search(markdown)
    if not match:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1))) if match.group(1) else page
    if next_page is None:
        return f"{name}: the **Next:** line links to {target}, but this is the last page in the nav; remove the line"
    if target != next_page:
        return (f"{name}: the **Next:** line links to {target}, but the next page in the nav is {next_page}; "
                f"link it there (the footer's Next goes there too)")
    return None


def sources_problem(name: str, markdown: str, meta: dict) -> str | None:
    """Why a step of the course does not end with its sources, or None."""
    if not meta.get("covers"):
        return None
    headings = H2.findall(markdown)
    if not headings or headings[-1].strip() != SOURCES_HEADING:
        return (f"{name}: a step of the course (a page with `covers:`) ends with a section '## {SOURCES_HEADING}' "
                "linking one to three sources (see AUTHORING.md)")
    section = markdown[list(H2.finditer(markdown))[-1].end():]
    links = OUTSIDE_LINK.findall(section)
    if not 1 <= len(links) <= 3:
        return (f"{name}: '## {SOURCES_HEADING}' links {len(links)} sources outside the guide; "
                "give one to three, the ones that back the page best")
    if any(not link.startswith("https://") for link in links):
        return f"{name}: '## {SOURCES_HEADING}': link each source with its https:// address"
    return None
