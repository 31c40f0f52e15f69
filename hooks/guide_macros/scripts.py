"""Scripts only some pages need (sharing with a partner, My plan), loaded only on those pages.

guide.js, on every page, stays small; a feature's own script is a `<script>` in the page's content,
which Material's instant navigation runs again on each page that has one. Each file gets a `?v=`
fingerprint of its source, so a reader's browser never runs a stale copy, and after the build the
served copy is minified like guide.js (mkdocs-minify-plugin renames and minifies only the files in
mkdocs.yml's extra_javascript). No MkDocs imports: Zensical runs this too (and serves the readable
file, as it does guide.js).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jsmin import jsmin

from .links import relative_url, source_path
from .host import is_zensical

FOLDER = "assets/javascripts"


class PageScripts:
    """`<script>` tags for feature scripts in docs/assets/javascripts/, at most once per page."""

    def __init__(self, env, docs_dir: Path):
        self.docs_dir = docs_dir
        self.zensical = is_zensical(env)
        self.given: set[tuple[str, str]] = set()
        self.fingerprints: dict[str, str] = {}  # each file read once per build

    def fingerprint(self, name: str) -> str:
        if name not in self.fingerprints:
            source = (self.docs_dir / FOLDER / f"{name}.js").read_bytes()
            self.fingerprints[name] = hashlib.sha256(source).hexdigest()[:8]
        return self.fingerprints[name]

    def tag(self, name: str, page) -> str:
        """The tag for `name.js` the first time a page asks for it, then "" (one copy runs per page)."""
        here = getattr(page, "url", "") or ""
        if (here, name) in self.given:
            return ""
        self.given.add((here, name))
        target = f"{FOLDER}/{name}.js"
        if self.zensical:  # Zensical resolves raw HTML links from the page's source file
            src = relative_url(target, source_path(page))
        else:
            src = relative_url(target, here.lstrip("/"))
        return f'<script src="{src}?v={self.fingerprint(name)}" defer></script>'


def minify_served_copies(site_dir: Path, docs_dir: Path) -> None:
    """Each of our feature scripts in the built site, minified in place (comments and spaces out)."""
    for source in sorted((docs_dir / FOLDER).glob("*.js")):
        served = site_dir / FOLDER / source.name
        if served.is_file():  # guide.js is not: the minify plugin renamed it guide.<hash>.min.js
            served.write_text(jsmin(source.read_text(encoding="utf-8"), quote_chars="'\"`"), encoding="utf-8")
