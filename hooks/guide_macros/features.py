"""Where the macros package starts: each feature loads and validates its data, then registers macros.

Each feature module has a `register(env, renderer)`; a bad data file stops the build at the start.
Add a new feature module to FEATURES (and import it) here.
"""

from __future__ import annotations

from pathlib import Path

from . import contact, pageerrors, quizzes, rawhtml, worksheets
from .datafiles import DataError
from .templates import Renderer

# Feature modules, each with `register(env, renderer)`; add new ones here.
FEATURES: tuple = (worksheets, contact, quizzes)


def define_env(env) -> None:
    """Called by mkdocs-macros (and Zensical) at the start of every build."""
    renderer = Renderer(Path(env.project_dir) / "overrides", fenced=rawhtml.install(env))
    pageerrors.install(str(env.project_dir))
    try:
        for feature in FEATURES:
            feature.register(env, renderer)
    except DataError as error:
        raise build_error(error) from None


def build_error(error: DataError) -> Exception:
    """MkDocs prints a PluginError as one clear line, not a traceback; Zensical has no such class."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return error
    return PluginError(str(error))
