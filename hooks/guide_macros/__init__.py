"""The macros package (mkdocs.yml: plugins > macros > module_name).

Everything a reader sees that is computed at build time lives here, not in MkDocs hooks,
because Zensical, Material's successor, runs this package but not `hooks:`.
Each feature module has a `register(env, renderer)` that loads and validates its data
(so a bad file stops the build at the start) and registers its macros.
"""

from __future__ import annotations

from pathlib import Path

from .templates import Renderer

# Feature modules, each with `register(env, renderer)`; add new ones here.
FEATURES: tuple = ()


def define_env(env) -> None:
    """Called by mkdocs-macros (and Zensical) at the start of every build."""
    renderer = Renderer(Path(env.project_dir) / "overrides")
    for feature in FEATURES:
        feature.register(env, renderer)
