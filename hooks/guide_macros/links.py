"""Links from a component to a page of the guide, written the way each program needs them.

MkDocs leaves links in a page's raw HTML as they are, so they must already be the page's final URL,
relative to the page they sit on. Zensical resolves links in raw HTML like Markdown links (from the
page's source file to the `.md` file). No MkDocs imports.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

import yaml

from .datafiles import OwnerLoader
from .frontmatter import FRONT_MATTER
from .host import is_zensical


def page_url(src: str, directory_urls: bool = True) -> str:
    """Site-relative URL MkDocs gives a page file: `take-stock.md` -> `take-stock/`, `index.md` -> ``."""
    stem, _, _ = src.rpartition(".")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(target: str, base: str) -> str:
    """`target` (site-relative, may carry `#fragment`) as seen from the page at site-relative `base`."""
    path, hash_, fragment = target.partition("#")
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    relative = posixpath.relpath("/" + path, "/" + base_dir)
    if (path.endswith("/") or not path) and not relative.endswith("/"):
        relative += "/"  # "." and ".." too: a folder URL keeps its slash
    return relative + hash_ + fragment


def page_title(docs_dir: Path, page: str) -> str:
    """The `title:` in a page's front matter, else its first `# heading`, else the file name."""
    text = (docs_dir / page).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=OwnerLoader) or {}
        except (yaml.YAMLError, ValueError):  # e.g. reviewed: 2026-02-30
            meta = {}  # hooks/front_matter_check.py names the page and the reason; no crash here
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    return heading.group(1).strip() if heading else Path(page).stem.replace("-", " ").capitalize()


def source_path(page) -> str:
    """The page's file in docs/, e.g. "take-stock.md" (MkDocs: page.file.src_uri; Zensical: page.path)."""
    file = getattr(page, "file", None)
    return (file.src_uri if file is not None else getattr(page, "path", "")) or ""


class Linker:
    """Hrefs and titles of the guide's pages, as seen from the page being rendered."""

    def __init__(self, env, docs_dir: Path):
        self.zensical = is_zensical(env)
        self.directory_urls = env.conf.get("use_directory_urls", True)
        # Many components on many pages name the same few pages: read each title once per build.
        self.title = functools.cache(functools.partial(page_title, docs_dir))

    def markdown_href(self, target: str, page) -> str:
        """`take-stock.md#try-this` as a Markdown link on `page` (both programs resolve and check those)."""
        path, hash_, fragment = target.partition("#")
        return posixpath.relpath(path, posixpath.dirname(source_path(page)) or ".") + hash_ + fragment

    def href(self, target: str, page) -> str:
        """`take-stock.md#try-this` as a link (`<a href>`) on `page`."""
        return self.markdown_href(target, page) if self.zensical else self.url(target, page)

    def url(self, target: str, page) -> str:
        """`take-stock.md#try-this` as its final address from `page`, for a place neither program rewrites
        (a data attribute that a script turns into a link)."""
        path, hash_, fragment = target.partition("#")
        here = (getattr(page, "url", "") or "").lstrip("/")
        return relative_url(page_url(path, self.directory_urls) + hash_ + fragment, here)
