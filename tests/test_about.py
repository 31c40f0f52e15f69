"""The About page says who wrote the guide (from mkdocs.yml `extra.owner`) and that it is not therapy."""

from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.config import load_config

from sitebuild import ROOT, mkdocs_build, output


def owner(project=ROOT) -> dict:
    """`extra.owner` exactly as the build reads mkdocs.yml."""
    return load_config(str(project / "mkdocs.yml"))["extra"]["owner"]


def page_text(path) -> str:
    """The article's text as one line, the way a reader takes it in."""
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
    return " ".join(article.get_text(" ", strip=True).split())


def test_owner_details_are_configured():
    details = owner()
    for key in ("name", "role", "bio"):
        assert isinstance(details.get(key), str) and details[key].strip(), f"extra.owner.{key} is missing"


def test_about_page_names_the_owner_and_says_it_is_not_therapy(html_pages):
    text = page_text(html_pages["about/index.html"])
    details = owner()
    assert details["name"] in text
    assert " ".join(details["bio"].split()) in text
    assert "not therapy" in text


def test_about_page_follows_the_configured_owner(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    name = owner()["name"]
    config.write_text(config.read_text(encoding="utf-8").replace(name, "Sam Rivera"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    text = page_text(tmp_path / "out" / "about" / "index.html")
    assert "Sam Rivera" in text and name not in text
