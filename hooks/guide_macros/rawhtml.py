"""Under MkDocs, hand our components' HTML to Markdown already stashed, so its HTML parsers skip it.

Why: MkDocs (to collect anchor ids) and Python-Markdown (to find raw HTML blocks) each tokenise a
page's raw HTML with the pure-Python html.parser; with a worksheet and a quiz that made converting a
page three times slower than the same page without them. A pymdownx.superfences custom fence whose
format function returns its text unchanged stores the HTML before either parser runs (superfences'
preprocessor runs at priority 25, MkDocs' at 21, Markdown's html_block at 20), and Markdown puts it
back as it was at the end. Only the outer tags stay outside the fence, so MkDocs still sees the
component's id (`ws-take-stock`, `q-take-stock-check`), the one that pages link to: strict anchor
validation keeps working for those links. Ids inside a component are not link targets.

Zensical runs the macros as a Markdown preprocessor and never gets the fence registered, so there
the HTML goes into the page as plain raw HTML, as before: `install` says which of the two applies.
"""

from __future__ import annotations

import re

from .host import is_mkdocs

FENCE_NAME = "guide-html"
EXTENSION = "pymdownx.superfences"
# The first tag when it opens the element that the last line closes: `<section ...>` ... `</section>`.
OUTER = re.compile(r"\A(<([a-z]+)\b[^>]*>)(.*)\n?(</\2>)\Z", re.DOTALL)
# Tags Markdown takes as a block of raw HTML (not as the start of a paragraph) when a line opens with them.
BLOCK_TAGS = ("section", "div", "details", "aside", "nav", "form", "figure", "table", "ul", "ol")
BACKTICKS = re.compile(r"`{3,}")
# superfences reads a fence line by line, looking for its end: the HTML goes in as one line, its line
# breaks written as this character (ASCII record separator, never in HTML text), and comes back out.
NEWLINE = "\x1e"


def as_is(source, language, class_name, options, md, **kwargs) -> str:
    """superfences format function: the fenced text is already HTML, keep it unchanged."""
    return source.replace(NEWLINE, "\n")


def install(env) -> bool:
    """Register the fence in MkDocs' Markdown settings; True when it was (MkDocs with superfences).

    define_env runs in the macros plugin's on_config, before MkDocs makes any page's Markdown
    instance from `mdx_configs`, so every page of this build gets the fence.
    """
    if not is_mkdocs(env):
        return False  # Zensical: its Markdown settings are not ours to change from here
    conf = env.conf
    if EXTENSION not in (conf.get("markdown_extensions") or []):
        return False
    settings = conf["mdx_configs"].setdefault(EXTENSION, {})
    fences = settings.setdefault("custom_fences", [])
    if not any(fence.get("name") == FENCE_NAME for fence in fences):
        fences.append({"name": FENCE_NAME, "class": FENCE_NAME, "format": as_is})
    return True


def fence(html: str) -> str:
    """`html` with all but its outer block tags in a guide-html fence; other HTML as it is."""
    match = OUTER.match(html)
    if not match or match.group(2) not in BLOCK_TAGS or not match.group(3).strip() or NEWLINE in html:
        return html
    opening, _, inner, closing = match.groups()
    # A fence longer than any run of backticks in the HTML cannot be closed early by its text.
    ticks = "`" * max([3] + [len(run) + 1 for run in BACKTICKS.findall(inner)])
    body = inner.strip("\n").replace("\n", NEWLINE)
    return f"{opening}\n{ticks}{FENCE_NAME}\n{body}\n{ticks}\n{closing}"
