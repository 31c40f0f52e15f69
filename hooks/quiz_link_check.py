"""Build check: a quiz link to a part of a page (`take-stock.md#try-this`) finds that part.

The quiz HTML is kept from MkDocs' own link checks (guide_macros/rawhtml.py), and a part's id
exists only once its page is rendered; on_env runs then, before any page is written. Pages that
do not exist are reported earlier, when the macros load the quizzes. Problems are warnings, which
the strict build turns into a failure. Zensical skips hooks: that is fine for a check.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.datafiles import DataError, load_file
from guide_macros.quizzes import FOLDER, Quiz, anchor_links

log = get_plugin_logger("quiz links")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_env(env, config, files):
    project_dir = Path(config.config_file_path).parent
    for path in sorted((project_dir / FOLDER).glob("*.y*ml")):
        if ".md#" not in path.read_text(encoding="utf-8"):
            continue  # most quizzes link whole pages: no need to read them again
        try:
            quiz = load_file(path, Quiz).root
        except DataError:
            continue  # the macros have already stopped the build on this file
        for field, page, anchor in anchor_links(quiz):
            file = files.get_file_from_path(page)
            anchors = file.page.present_anchor_ids if file and file.page else None
            if anchors is not None and anchor not in anchors:
                log.warning(f"{os.path.relpath(path, project_dir)}: {field}: {page} has no part '#{anchor}' "
                            f"(use the id of a heading on that page, or leave out the # and what follows)")
    return env
