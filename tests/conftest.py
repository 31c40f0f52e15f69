"""Shared fixtures: the site is built once per test session, strictly, into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, copy_project, guide, mkdocs_build, output


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built with `mkdocs build --strict`; every HTML test reads this."""
    target = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, target)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{output(result)}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The same project built by Zensical, Material's successor (it runs no MkDocs hooks), once, as the
    owner builds it: `GUIDE_ENGINE=zensical ./guide build` (the checks, Zensical, the checks of the pages)."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    result = guide(project, "build", engine="zensical")
    if result.returncode != 0:
        pytest.fail(f"GUIDE_ENGINE=zensical ./guide build failed:\n{output(result)}", pytrace=False)
    return project / "site"


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, Path]:
    """Every built page by its site path ("index.html", "take-stock/index.html", "404.html")."""
    return {str(path.relative_to(site_dir)): path for path in sorted(site_dir.rglob("*.html"))}


@pytest.fixture(scope="session")
def content_pages(html_pages) -> dict[str, Path]:
    """Built pages that are pages of the guide (the 404 page is not)."""
    return {name: path for name, path in html_pages.items() if name != "404.html"}


@pytest.fixture(scope="session")
def parse():
    """Parse a built page into BeautifulSoup (cached: many tests read the same pages)."""
    cache: dict[Path, BeautifulSoup] = {}

    def parse_page(path: Path) -> BeautifulSoup:
        if path not in cache:
            cache[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        return cache[path]

    return parse_page


def pytest_collection_modifyitems(items):
    """Tests that break a copy of the project on purpose check a mechanism, not the project's content."""
    for item in items:
        if "project_copy" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.breaks_a_copy)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project, for tests that break it on purpose."""
    return copy_project(tmp_path / "project")
