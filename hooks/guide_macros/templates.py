"""Render our component templates from `overrides/partials/guide/` into page Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension

from .datafiles import DataError
from .rawhtml import fence

# A line break beside a block-level tag is never drawn (CSS drops white space at either end of a
# line), yet each is a text node that browsers and the search indexer walk through: take-stock's two
# worksheets and quiz had about 150. guide.css makes none of these tags inline.
_BLOCK = r"(?:div|p|section|fieldset|legend|ul|ol|li|table|caption|thead|tbody|tr|td|th|details|summary|h[1-6])"
BREAK_AFTER_BLOCK_TAG = re.compile(rf"(</?{_BLOCK}\b[^>]*>)\n")
BREAK_BEFORE_BLOCK_TAG = re.compile(rf"\n(?=</?{_BLOCK}\b)")


class NoBreaksBesideBlockTags(Extension):
    """Takes those line breaks out of a template's source, once, when Jinja loads it (not per render)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name and name.endswith(".md"):
            return source  # Markdown: a blank line ends a block, so every line break counts
        return BREAK_BEFORE_BLOCK_TAG.sub("", BREAK_AFTER_BLOCK_TAG.sub(r"\1", source))


class Renderer:
    """A Jinja environment of our own over `overrides/`: it works the same under MkDocs and Zensical."""

    def __init__(self, overrides_dir: Path, fenced: bool = False):
        # fenced: wrap the HTML for the guide-html fence (rawhtml.py), which MkDocs has registered.
        self.fenced = fenced
        self.environment = Environment(
            loader=FileSystemLoader(str(overrides_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a new Renderer each build: no need to check every template's file per call
            extensions=[NoBreaksBesideBlockTags],
        )

    def render(self, template: str, **context) -> str:
        """The component for a page's Markdown (fenced from Markdown's HTML parsers under MkDocs)."""
        html = self.render_html(template, **context)
        return fence(html) if self.fenced else html

    def render_markdown(self, template: str, **context) -> str:
        """Markdown (a template named *.md): lines unindented, blank lines kept (they end Markdown blocks)."""
        text = self.environment.get_template(template).render(**context)
        return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.splitlines())).strip()

    def render_html(self, template: str, **context) -> str:
        """HTML with no line indented: indented lines in Markdown would turn into code blocks."""
        html = self.environment.get_template(template).render(**context)
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())


class UniqueIds:
    """HTML id prefixes unique on each page, even when a component appears twice on it.

    Keyed by `page.url`, which both MkDocs and Zensical give; one instance per build.
    """

    def __init__(self):
        self.seen: dict[tuple[str, str], int] = {}

    def prefix(self, page, base: str) -> str:
        """`base` the first time on a page, then `base-2`, `base-3`..."""
        key = (getattr(page, "url", "") or "", base)
        count = self.seen[key] = self.seen.get(key, 0) + 1
        return base if count == 1 else f"{base}-{count}"


def safe_heading_level(requested) -> int:
    """A component's heading level, kept between h2 and h5 so the page outline stays sound."""
    if isinstance(requested, bool) or not isinstance(requested, int):
        raise DataError(f"heading_level={requested!r} should be a whole number from 2 to 5, like heading_level=3")
    return min(max(requested, 2), 5)
