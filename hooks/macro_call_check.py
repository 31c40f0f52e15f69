"""Build check: no worksheet or quiz call is left on a page as text.

`{ quiz("x") }` with single braces is not run by the macros: the page would show the words instead
of the quiz, and nothing else would fail. The rules live in
`guide_macros/pagecalls.py` (`./guide check` calls them too); problems are warnings, which the
strict build turns into a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from guide_macros.pagecalls import leftover_call_problems

log = get_plugin_logger("macro calls")


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def on_page_markdown(markdown, page, config, files):
    """Runs for each page: a call in its source that no `{{ }}` holds is never run."""
    name = os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)
    for problem in leftover_call_problems(name, page.file.content_string):
        log.warning(problem)
    return markdown
