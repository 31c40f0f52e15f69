"""Build check: every point of the article is explained on a page, and pages name only real points.

The rules live in `guide_macros/coverage.py` (no MkDocs there, so tests call them directly); this
hook only feeds them the pages' `covers` front matter and reports problems as warnings, which the
strict build turns into a failure. Zensical skips hooks: that is fine for a check.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.coverage import MAP_FILE, coverage_problems, load_points
from guide_macros.datafiles import DataError
from guide_macros.frontmatter import lenient_front_matter

log = get_plugin_logger("coverage")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_env(env, config, files):
    """Runs once every page's front matter has been read, before any page is written."""
    map_path = Path(config.docs_dir) / MAP_FILE
    try:
        points = load_points(map_path)
    except DataError as error:
        log.warning(str(error))
        return env
    pages = {owner_path(file.abs_src_path, config): covers(file) for file in files.documentation_pages()
             if file.page is not None}
    for problem in coverage_problems(points, pages, owner_path(str(map_path), config)):
        log.warning(problem)
    return env


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------

def covers(file):
    """A page's `covers`, also when MkDocs dropped its front matter over an impossible date (the front
    matter check names that date; the points the page covers are still covered)."""
    meta = file.page.meta or lenient_front_matter(file.content_string)
    return meta.get("covers")


def owner_path(path: str, config) -> str:
    """A file as the owner sees it in the project, e.g. docs/take-stock.md."""
    return os.path.relpath(path, Path(config.config_file_path).parent)
