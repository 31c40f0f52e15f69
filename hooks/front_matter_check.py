"""Build check: each page's front matter has a description and, where needed, a real `reviewed` date.

The rules live in `guide_macros/frontmatter.py` (no MkDocs there, so tests call them directly);
problems are warnings, which the strict build turns into a failure. Zensical skips hooks: that is
fine for a check.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.frontmatter import front_matter_problems, unreadable_front_matter

log = get_plugin_logger("front matter")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    """Runs for each page right after MkDocs has read its front matter."""
    name = os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)
    # MkDocs keeps front matter only when it could read it: only a page without any needs a second look.
    unreadable = None if page.meta else unreadable_front_matter(name, page.file.content_string)
    boxes = (config.extra.get("cta") or {}).keys() if isinstance(config.extra.get("cta"), dict) else ()
    problems = [unreadable] if unreadable else front_matter_problems(name, page.meta, date.today(), boxes)
    for problem in problems:
        log.warning(problem)
    return markdown
