"""Under MkDocs, a mistake in a page's macro call (an unknown worksheet or quiz id) is one line.

mkdocs-macros prints an error raised while rendering a page with a Python traceback under it,
which the owner has no use for; it lets a package choose the text for an error type of its own
(`format_error` is a singledispatch function). Zensical reports errors its own way.
"""

from __future__ import annotations

import os

from .datafiles import DataError


def install(project_dir: str) -> None:
    """From now on a DataError from a page prints as `docs/<page>.md: <what is wrong>`."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:
        return

    def one_line(error: DataError, markdown: str, page) -> str:
        return f"{os.path.relpath(page.file.abs_src_path, project_dir)}: {error}"

    format_error.register(DataError, one_line)
