"""Build check: each page's front matter has a description and, where needed, a real `reviewed` date;
a page that lists the helplines never picks a box that lists the owner's paid help.

The rules live in `guide_macros/frontmatter.py` (no MkDocs there, so `./guide check` and the tests
call them too); problems are warnings, which the strict build turns into a failure.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.frontmatter import cta_boxes, page_problems, selling_boxes

log = get_plugin_logger("front matter")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    """Runs for each page right after MkDocs has read its front matter."""
    name = os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)
    for problem in page_problems(name, page.file.content_string, page.meta, date.today(), cta_boxes(config.extra),
                                 selling_boxes(config.extra)):
        log.warning(problem)
    return markdown
