"""The macros package (mkdocs.yml: plugins > macros > module_name).

Everything a reader sees that is computed at build time lives here, not in MkDocs hooks,
because Zensical, Material's successor, runs this package but not `hooks:`.
"""

from __future__ import annotations

from pathlib import Path


def define_env(env) -> None:
    """Called by mkdocs-macros (and Zensical) once per build: load data, register macros."""
    project_dir = Path(env.project_dir)
    env.variables["guide_root"] = str(project_dir)
