"""Build check: a quiz link to a part of a page (`take-stock.md#try-this`) finds that part.

The quiz HTML is kept from MkDocs' own link checks (guide_macros/rawhtml.py), and a part's id
exists only once its page is rendered; on_env runs then, before any page is written. Pages that
do not exist are reported earlier, when the macros load the quizzes. The rule lives in
`guide_macros/quizzes.py` (`./guide build` runs it on the built site under either engine); problems
are warnings, which the strict build turns into a failure.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.quizzes import anchor_problems

log = get_plugin_logger("quiz links")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_env(env, config, files):
    """Runs once every page is rendered (so its ids are known), before any page is written."""

    def anchors_of(page: str):
        file = files.get_file_from_path(page)
        return file.page.present_anchor_ids if file and file.page else None

    for problem in anchor_problems(Path(config.config_file_path).parent, anchors_of):
        log.warning(problem)
    return env
