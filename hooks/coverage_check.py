"""Build check: every point of the article is explained on a page, and pages name only real points.

The rules live in `guide_macros/coverage.py` (no MkDocs there, so `./guide check` and the tests call
them too); this hook only feeds them the pages' `covers` front matter and reports problems as
warnings, which the strict build turns into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.coverage import MAP_FILE, map_problems, page_covers

log = get_plugin_logger("coverage")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_env(env, config, files):
    """Runs once every page's front matter has been read, before any page is written."""
    map_path = Path(config.docs_dir) / MAP_FILE
    pages = {owner_path(file.abs_src_path, config): page_covers(file.page.meta, file.content_string)
             for file in files.documentation_pages() if file.page is not None}
    for problem in map_problems(map_path, owner_path(str(map_path), config), pages):
        log.warning(problem)
    return env


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------

def owner_path(path: str, config) -> str:
    """A file as the owner sees it in the project, e.g. docs/take-stock.md."""
    return os.path.relpath(path, Path(config.config_file_path).parent)
