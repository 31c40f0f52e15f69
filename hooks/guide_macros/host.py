"""What the macros package needs to know about the program running it: MkDocs or Zensical.

The one place that tells the two apart, so every feature asks the same question the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_zensical(env) -> bool:
    """True under Zensical, whose macros emulation differs from mkdocs-macros in a few places."""
    return type(env).__module__.startswith("zensical")


def is_mkdocs(env) -> bool:
    """True under MkDocs with mkdocs-macros."""
    return type(env).__module__.startswith("mkdocs_macros")


def zensical_serving() -> bool:
    """True inside `zensical serve`, which ends for good when the macros raise: there a mistake is shown
    in the terminal and the server waits for the fix, as `mkdocs serve` does."""
    return sys.argv[1:2] == ["serve"] and Path(sys.argv[0]).name.startswith(("zensical", "__main__"))


def current_page(env):
    """The page being rendered, or None (mkdocs-macros raises before the first page; Zensical gives None)."""
    try:
        return getattr(env, "page", None)
    except AttributeError:
        return None


def docs_dir(env) -> Path:
    """The docs folder, absolute."""
    return Path(env.project_dir) / env.conf.get("docs_dir", "docs")


def build_error(message: str) -> Exception:
    """An error MkDocs prints as one clear line, not a traceback; Zensical has no such class."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return RuntimeError(message)
    return PluginError(message)
