"""The site also builds with Zensical, Material's successor, and shows the same pages.

Zensical runs our macros package and theme overrides but not MkDocs `hooks:`, so this proves that
everything a reader sees comes from the parts that will outlive Material for MkDocs. Other test
files compare their own parts (page meta line, quiz links, contact); this one compares every page's
title and every worksheet and quiz a reader fills in.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup


def page_titles(site: Path, parse) -> dict[str, str]:
    """`<title>` of every page but the 404 page, by its path in the site."""
    return {str(path.relative_to(site)): parse(path).title.get_text(strip=True) for path in site.rglob("index.html")}


def components(soup: BeautifulSoup) -> list[tuple]:
    """Each worksheet and quiz on a page as a reader meets it: its id, its visible text, each control
    with its field key or name, type and label (by `for` or `aria-label`), and its folds ("Fill in
    this worksheet", closed until opened) with whether each starts open."""
    found = []
    for section in soup.select("section.g-ws, section.g-quiz"):
        labels = {label.get("for"): label.get_text(" ", strip=True) for label in section.select("label[for]")}
        controls = [(control.get("data-k") or control.get("name"), control.get("type") or control.name,
                     control.get("aria-label") or labels.get(control.get("id"))
                     or (control.find_parent("label") or control).get_text(" ", strip=True))
                    for control in section.select("input, textarea, button")]
        folds = [(" ".join(details.summary.get_text(" ").split()), details.has_attr("open"))
                 for details in section.select("details")]
        found.append((section.get("id"), " ".join(section.get_text(" ").split()), controls, folds))
    return found


def no_script_styles(soup: BeautifulSoup) -> list[str]:
    """What the page shows differently without JavaScript (the folds open, for one)."""
    return [style.get_text() for noscript in soup.select("noscript") for style in noscript.select("style")]


def test_zensical_builds_the_same_pages(zensical_site, site_dir, parse):
    assert page_titles(zensical_site, parse) == page_titles(site_dir, parse)


def test_zensical_shows_the_same_worksheets_and_quizzes(zensical_site, content_pages, parse):
    compared = 0
    for name, path in content_pages.items():
        ours = components(parse(path))
        assert components(parse(zensical_site / name)) == ours, f"{name}: a worksheet or quiz differs under Zensical"
        assert no_script_styles(parse(zensical_site / name)) == no_script_styles(parse(path)), \
            f"{name}: without JavaScript the page differs under Zensical"
        compared += len(ours)
    assert compared >= 10, "the comparison found too few worksheets and quizzes to mean anything"


def features(soup: BeautifulSoup, name: str) -> tuple:
    """What the guide's own scripts build on: the feature scripts the page loads (as site paths), the
    home page's "Continue", each worksheet's page for progress, and My plan's layout."""
    here = "/" + name.removesuffix("index.html")
    scripts = sorted(posixpath.normpath(posixpath.join(here, script["src"].split("?")[0]))
                     for script in soup.select("article script[src]"))
    homes = [(section.get("data-worksheet"), section.get("data-home"), section.get("data-of"))
             for section in soup.select("section.g-ws")]
    board = [(group.get("data-plan"), [label.get_text(" ", strip=True) for label in group.select(".g-plan__label")])
             for group in soup.select("[data-plan]")]
    return scripts, bool(soup.select("[data-continue]")), homes, board


def test_zensical_loads_the_same_feature_scripts_and_keeps_plan_and_progress(zensical_site, content_pages, parse):
    for name, path in content_pages.items():
        assert features(parse(zensical_site / name), name) == features(parse(path), name), \
            f"{name}: a feature script, My plan or the progress notes differ under Zensical"


def script_addresses(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Addresses our scripts turn into links (the safety result's, a worksheet's home, quick exit): in
    data attributes, which neither program rewrites, so both must write the final address."""
    names = ("data-safety-href", "data-home", "data-exit")
    return [(name, tag[name]) for tag in soup.select(", ".join(f"[{name}]" for name in names))
            for name in names if tag.has_attr(name)]


def test_zensical_gives_our_scripts_the_same_addresses(zensical_site, content_pages, parse):
    found = 0
    for name, path in content_pages.items():
        ours = script_addresses(parse(path))
        assert script_addresses(parse(zensical_site / name)) == ours, f"{name}: an address for a script differs"
        found += len(ours)
    assert found, "no page gives a script an address"
