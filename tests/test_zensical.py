"""The site also builds with Zensical, Material's successor, and shows the same pages.

Zensical runs our macros package and theme overrides but not MkDocs `hooks:`, so this proves that
everything a reader sees comes from the parts that will outlive Material for MkDocs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import build_env, copy_project


def page_titles(site: Path) -> dict[str, str]:
    """`<title>` of every page but the 404 page, by its path in the site."""
    titles = {}
    for path in site.rglob("index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        titles[str(path.relative_to(site))] = soup.title.get_text(strip=True)
    return titles


def test_zensical_builds_the_same_pages(tmp_path, site_dir):
    project = copy_project(tmp_path / "project")
    zensical = Path(sys.executable).with_name("zensical")
    command = [str(zensical) if zensical.exists() else shutil.which("zensical"), "build", "-f", "mkdocs.yml"]
    result = subprocess.run(command, cwd=project, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert page_titles(project / "site") == page_titles(site_dir)
