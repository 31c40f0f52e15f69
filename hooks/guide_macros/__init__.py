"""The macros package (mkdocs.yml: plugins > macros > module_name).

Everything a reader sees that is computed at build time lives here, not in MkDocs hooks,
because Zensical, Material's successor, runs this package but not `hooks:`.

FEATURES (the list of feature modules) and define_env live in features.py: Zensical loads this
file by its path, as a plain module where `from .x import` fails, so it only hands over to the
package imported by name.
"""

import sys
from pathlib import Path

_HOOKS_DIR = str(Path(__file__).resolve().parent.parent)
if _HOOKS_DIR not in sys.path:
    sys.path.insert(0, _HOOKS_DIR)

from guide_macros.features import define_env, on_post_build  # noqa: E402,F401
