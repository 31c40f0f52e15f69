"""Every link and #anchor in the built HTML resolves, ids are unique, images have a text alternative.

The strict build checks Markdown links; these checks read the finished HTML, so links that come
from worksheets, quizzes, templates and the theme are covered too. The checkers live in
markup_checks.py, and a fixture full of seeded defects proves each one catches its problem.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from markup_checks import (anchor_targets, broken_links, check_site, duplicate_ids, external_links,
                           images_without_text, parse_html)

SEEDED = Path(__file__).parent / "fixtures" / "markup"


@pytest.fixture(scope="session")
def root_path(site_dir) -> str:
    """The path of site_url (the sub-path Pages serves the site under), read from the canonical link."""
    canonical = parse_html(site_dir / "index.html").find("link", rel="canonical")
    return urlsplit(canonical["href"]).path if canonical else "/"


def test_every_internal_link_and_anchor_resolves(site_dir, html_pages, parse, root_path):
    targets: dict[Path, set[str]] = {}

    def targets_of(path: Path) -> set[str]:
        if path not in targets:
            targets[path] = anchor_targets(parse(path))
        return targets[path]

    problems = {name: broken_links(site_dir, name, parse(path), targets_of, root_path)
                for name, path in html_pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_no_page_repeats_an_id(html_pages, parse):
    problems = {name: duplicate_ids(parse(path)) for name, path in html_pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_image_has_a_text_alternative(html_pages, parse):
    problems = {name: images_without_text(parse(path)) for name, path in html_pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}


def test_external_links_are_listed_not_followed(html_pages, parse, capsys):
    # Outside addresses are never requested in tests; list them so a reviewer sees where readers go.
    listing = sorted({href for path in html_pages.values() for href in external_links(parse(path))})
    with capsys.disabled():
        print(f"\nexternal links ({len(listing)}):", *listing, sep="\n  ")
    assert all(urlsplit(href).scheme == "https" for href in listing), "plain http link"


# --- Seeded defects: the same checkers, on a fixture that is wrong on purpose ----------------------

def test_seeded_defects_are_caught():
    report = check_site(SEEDED, root_path="/guide/")
    assert set(report) == {"index.html"}, "the clean fixture page must pass"
    problems = "\n".join(report["index.html"])
    for expected in (
        "#nowhere: no element with this id on the page",
        'other/#absent: other/index.html has no element with id "absent"',
        "missing/: missing/ does not exist",
        "/elsewhere/other/: absolute link outside the site's path /guide/",
        "missing.css: missing.css does not exist",
        'id "twice" is used 2 times',
        '<img src="picture.png"> has no alt attribute',
        '<svg role="img"> has no <title>, aria-label or aria-labelledby',
    ):
        assert expected in problems
    # The fine links on the same page are not reported.
    assert "top-heading" not in problems and "#present" not in problems and "mailto" not in problems


def test_seeded_external_links_are_listed():
    assert external_links(parse_html(SEEDED / "index.html")) == ["https://example.com/"]
