"""Every point of the article (docs/data/coverage.yml) is explained on a page, and front matter is sound.

The rules are plain functions (hooks/guide_macros/coverage.py, frontmatter.py); the build checks
(hooks/coverage_check.py, hooks/front_matter_check.py) report them as warnings, so a strict build
fails. Broken copies of the project prove the build stops with a message naming the file and id.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

import project
from guide_macros.coverage import MAP_FILE, coverage_problems, load_points
from guide_macros.datafiles import DataError
from guide_macros.frontmatter import front_matter_problems, unreadable_front_matter
from sitebuild import ROOT, stopped

TODAY = date(2026, 11, 26)
POINTS = {"P1": "Love needs work", "P2": "Take stock", "P10": "Start again"}


def front_matter(page: Path) -> dict:
    """A page's front matter as MkDocs reads it ({} when it has none)."""
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def write_front_matter(page: Path, **changes) -> None:
    """Rewrite a page's front matter with some keys changed (None removes a key)."""
    text = page.read_text(encoding="utf-8")
    _, head, body = text.split("---", 2)
    meta = yaml.safe_load(head) or {}
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    page.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---" + body, encoding="utf-8")


# ---------------------------------------------------------------------------
# The rules, without a build
# ---------------------------------------------------------------------------

def test_unknown_point_names_the_page_and_the_id():
    problems = coverage_problems(POINTS, {"docs/a.md": ["P1", "P2", "P10", "P11"]}, "docs/data/coverage.yml")
    assert problems == ["docs/a.md: covers names unknown point 'P11' "
                        "(known points in docs/data/coverage.yml: P1, P2, P10)"]


def test_point_on_no_page_is_named_with_its_label():
    problems = coverage_problems(POINTS, {"docs/a.md": ["P1"], "docs/b.md": ["P10"], "docs/c.md": None},
                                 "docs/data/coverage.yml")
    assert problems == ["docs/data/coverage.yml: point P2 (Take stock) is covered by no page; "
                        "add covers: [P2] to the front matter of the page that explains it"]


def test_covers_that_is_not_a_list_is_reported():
    problems = coverage_problems(POINTS, {"docs/a.md": {"P1": True}, "docs/b.md": "P2"}, "map.yml")
    assert "docs/a.md: covers must be a list of point ids, like covers: [P2]" in problems
    assert not any("docs/b.md" in problem for problem in problems)  # `covers: P2` reads as [P2]


def test_map_with_a_bad_id_fails_with_the_file_and_field(tmp_path):
    path = tmp_path / "coverage.yml"
    path.write_text("points:\n  P1: Fine\n  Point 2: Not an id\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"coverage.yml: points.Point 2"):
        load_points(path)


@pytest.mark.parametrize("meta, expected", [
    ({"description": "One sentence.", "covers": ["P1"], "reviewed": date(2026, 11, 20)}, []),
    ({"description": "One sentence."}, []),
    ({"covers": ["P1"], "reviewed": date(2026, 11, 20)},
     ["p.md: front matter needs a description: one sentence saying what the page is about"]),
    ({"description": "One.", "covers": ["P1"]},
     ["p.md: front matter needs reviewed: the date you last checked the page, like 2026-11-26"]),
    ({"description": "One.", "reviewed": date(2026, 12, 1)},
     ["p.md: reviewed: 2026-12-01 is in the future (today is 2026-11-26)"]),
    ({"description": "One.", "reviewed": "26/11/2026"},
     ["p.md: reviewed: '26/11/2026' is not a date; write it as YYYY-MM-DD, like 2026-11-26"]),
    ({"description": "One.", "reviewed": "2026-02-30"}, ["p.md: reviewed: '2026-02-30' is not a real date"]),
])
def test_front_matter_rules(meta, expected):
    assert front_matter_problems("p.md", meta, TODAY) == expected


def test_front_matter_yaml_cannot_read_an_impossible_date():
    problem = unreadable_front_matter("p.md", "---\ntitle: T\nreviewed: 2026-02-30\n---\n# T\n")
    assert problem == "p.md: reviewed: '2026-02-30' is not a real date; write a date that exists, as YYYY-MM-DD"
    assert unreadable_front_matter("p.md", "---\ntitle: T\nreviewed: 2026-02-28\n---\n# T\n") is None


# ---------------------------------------------------------------------------
# The real site
# ---------------------------------------------------------------------------

def test_every_point_of_the_article_is_on_a_page():
    docs = ROOT / "docs"
    pages = {f"docs/{page.relative_to(docs)}": front_matter(page).get("covers") for page in sorted(docs.glob("*.md"))}
    assert coverage_problems(load_points(docs / MAP_FILE), pages, f"docs/{MAP_FILE}") == []


def test_every_page_has_sound_front_matter():
    problems = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        name = f"docs/{page.name}"
        unreadable = unreadable_front_matter(name, page.read_text(encoding="utf-8"))
        boxes = project.settings().cta.keys()
        problems += [unreadable] if unreadable else front_matter_problems(name, front_matter(page), date.today(), boxes)
    assert problems == []


# ---------------------------------------------------------------------------
# The build checks, on broken copies of the project
# ---------------------------------------------------------------------------

def test_strict_build_fails_on_an_unknown_point(project_copy, tmp_path):
    index = project_copy / "docs" / "index.md"
    write_front_matter(index, covers=["P42"], reviewed=date(2026, 11, 1))
    for log in stopped(project_copy, tmp_path / "out"):
        assert "docs/index.md: covers names unknown point 'P42'" in log


def test_strict_build_fails_when_a_point_has_no_page(project_copy, tmp_path):
    for page in (project_copy / "docs").glob("*.md"):
        covers = front_matter(page).get("covers") or []
        if "P3" in covers:
            write_front_matter(page, covers=[point for point in covers if point != "P3"] or None)
    for log in stopped(project_copy, tmp_path / "out"):
        assert "docs/data/coverage.yml: point P3 (" in log
        assert "is covered by no page" in log


def test_strict_build_fails_on_bad_front_matter(project_copy, tmp_path):
    docs = project_copy / "docs"
    (docs / "index.md").write_text(
        "---\ntitle: Home\ndescription: Fine.\nreviewed: 2999-01-01\n---\n\n# Home\n\nHello.\n", encoding="utf-8")
    pages = sorted(page for page in docs.glob("*.md") if page.name != "index.md")
    (pages[0]).write_text("---\ntitle: Odd\nreviewed: 2026-02-30\n---\n\n# Odd\n\nHello.\n", encoding="utf-8")
    write_front_matter(pages[1], description=None)
    for log in stopped(project_copy, tmp_path / "out"):
        assert "docs/index.md: reviewed: 2999-01-01 is in the future" in log
        assert f"docs/{pages[0].name}: reviewed: '2026-02-30' is not a real date" in log
        # Its points are still covered: one message about the date, not a second, false one about coverage.
        assert "is covered by no page" not in log
        assert f"docs/{pages[1].name}: front matter needs a description" in log
