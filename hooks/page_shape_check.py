"""Build check: each page's **Next:** line follows the nav, and each step ends with its sources.

The rules live in `guide_macros/pageshape.py` (no MkDocs there, so `./guide check` and the tests
call them too); problems are warnings, which the strict build turns into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.pageshape import next_line_problem, sources_problem

log = get_plugin_logger("page shape")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    """Runs for each page before the macros turn its calls into HTML (so they can still be seen)."""
    name = os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)
    source = page.file.content_string
    following = page.next_page.file.src_uri if page.next_page and page.next_page.file else None
    for problem in (next_line_problem(page.file.src_uri, name, source, following),
                    sources_problem(name, source, page.meta)):
        if problem:
            log.warning(problem)
    return markdown
