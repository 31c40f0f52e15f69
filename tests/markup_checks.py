"""Checks on built HTML, as plain functions so a seeded-defect fixture can prove each one works.

A "site" here is a folder of built HTML; pages are named by their path in it ("take-stock/index.html").
Every checker returns a list of human-readable problems; an empty list means the page is clean.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Addresses that are not files of the site and are not followed.
SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data", "blob", "sms")
EXTERNAL_SCHEMES = ("http", "https")
# Placeholder origin used to resolve a page's relative links the way a browser does.
ORIGIN = "http://site.invalid/"


def parse_html(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def anchor_targets(soup: BeautifulSoup) -> set[str]:
    """Every fragment a link may point to on this page: element ids and `<a name>`."""
    targets = {element["id"] for element in soup.find_all(id=True)}
    targets |= {element["name"] for element in soup.find_all("a", attrs={"name": True})}
    return targets


def duplicate_ids(soup: BeautifulSoup) -> list[str]:
    """Ids used more than once on the page (a fragment link or a label would reach the wrong one)."""
    counts = Counter(element["id"] for element in soup.find_all(id=True))
    return [f'id "{value}" is used {count} times' for value, count in sorted(counts.items()) if count > 1]


def images_without_text(soup: BeautifulSoup) -> list[str]:
    """Images a screen reader cannot describe: <img> with no alt, svg role=img with no title or label."""
    problems = []
    for image in soup.find_all("img"):
        alt = image.get("alt")
        link = image.find_parent("a")
        if alt is None:
            problems.append(f"<img src=\"{image.get('src', '')}\"> has no alt attribute")
        elif not alt.strip() and link is not None and not link.get_text(strip=True) and not link.get("aria-label"):
            problems.append(f"<img src=\"{image.get('src', '')}\"> is a link's only content but its alt is empty")
    for svg in soup.find_all("svg", attrs={"role": "img"}):
        title = svg.find("title")
        if not (svg.get("aria-label", "").strip() or svg.get("aria-labelledby") or (title and title.get_text(strip=True))):
            problems.append("<svg role=\"img\"> has no <title>, aria-label or aria-labelledby")
    return problems


def site_target(site_dir: Path, path: str) -> Path | None:
    """The file a site path is served from (a folder serves its index.html), or None if missing."""
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def page_links(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(tag, address) of everything a page links to or loads: <a href>, <link href>, src attributes."""
    links = [("a", element["href"]) for element in soup.find_all(["a", "area"], href=True)]
    links += [("link", element["href"]) for element in soup.find_all("link", href=True)]
    links += [(element.name, element["src"]) for element in soup.find_all(["img", "script", "source", "iframe"], src=True)]
    return links


def external_links(soup: BeautifulSoup) -> list[str]:
    """Addresses off the site that a reader can follow (for a listing, never requested)."""
    return [href for tag, href in page_links(soup)
            if tag == "a" and urlsplit(href).scheme in EXTERNAL_SCHEMES]


def broken_links(site_dir: Path, page: str, soup: BeautifulSoup, targets_of, root_path: str = "/") -> list[str]:
    """Links on `page` whose file or `#fragment` does not exist in the built site.

    `targets_of(path)` returns the anchor targets of another page (callers cache it); `root_path`
    is the path of site_url (e.g. "/guide/"): absolute links must start with it, since the site
    is served under that sub-path.
    """
    problems = []
    own_targets = anchor_targets(soup)
    for tag, href in page_links(soup):
        href = href.strip()
        parts = urlsplit(href)
        if parts.scheme in SKIPPED_SCHEMES or parts.scheme in EXTERNAL_SCHEMES or href.startswith("//"):
            continue
        if parts.scheme:
            problems.append(f"{href}: unexpected scheme")
            continue
        if not parts.path and not parts.query:
            # Same page: "#" and "#top" scroll to the top by definition.
            fragment = unquote(parts.fragment)
            if fragment not in ("", "top") and fragment not in own_targets:
                problems.append(f"{href}: no element with this id on the page")
            continue
        if parts.path.startswith("/"):
            if not parts.path.startswith(root_path):
                problems.append(f"{href}: absolute link outside the site's path {root_path}")
                continue
            path = parts.path[len(root_path):]
        else:
            path = urlsplit(urljoin(ORIGIN + page, parts.path)).path.lstrip("/")
        target = site_target(site_dir, path)
        if target is None:
            problems.append(f"{href}: {path or 'index.html'} does not exist")
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment != "top":
            if fragment not in targets_of(target):
                problems.append(f"{href}: {target.relative_to(site_dir)} has no element with id \"{fragment}\"")
    return problems


def check_site(site_dir: Path, root_path: str = "/") -> dict[str, list[str]]:
    """Every problem of every built page, by page name; pages with none are left out."""
    soups: dict[Path, BeautifulSoup] = {}
    targets: dict[Path, set[str]] = {}

    def soup_of(path: Path) -> BeautifulSoup:
        if path not in soups:
            soups[path] = parse_html(path)
        return soups[path]

    def targets_of(path: Path) -> set[str]:
        if path not in targets:
            targets[path] = anchor_targets(soup_of(path))
        return targets[path]

    report = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = str(path.relative_to(site_dir))
        soup = soup_of(path)
        problems = broken_links(site_dir, name, soup, targets_of, root_path)
        problems += duplicate_ids(soup) + images_without_text(soup)
        if problems:
            report[name] = problems
    return report
