"""The coverage map: every point of the article (docs/data/coverage.yml) is explained on some page.

Pages name the points they explain in their front matter (`covers: [P2]`). No MkDocs imports:
the build check `hooks/coverage_check.py` and the tests both call `coverage_problems`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .datafiles import DataError, load_file
from .frontmatter import lenient_front_matter

# Inside docs_dir; docs/data/ is kept out of the site.
MAP_FILE = Path("data/coverage.yml")

PointId = Annotated[str, StringConstraints(pattern=r"^P[1-9][0-9]*$")]


class CoverageMap(BaseModel):
    """The points of the article, by id (P1, P2, ...), each with a short label for messages."""

    model_config = ConfigDict(extra="forbid")

    points: dict[PointId, Annotated[str, Field(min_length=1)]] = Field(min_length=1)


def load_points(path: Path) -> dict[str, str]:
    """Read and validate the map, so a typo in it fails with the file and the field."""
    return load_file(path, CoverageMap).points


def map_problems(map_path: Path, map_name: str, pages: Mapping[str, object]) -> list[str]:
    """The map's own mistakes, or else every way the pages and the map disagree (see coverage_problems);
    `map_name` is the map's file as the owner sees it."""
    try:
        points = load_points(map_path)
    except DataError as error:
        return [str(error)]
    return coverage_problems(points, pages, map_name)


def page_covers(meta: Mapping, source: str) -> object:
    """A page's `covers`, also when its front matter could not be read over an impossible date (the front
    matter check names that date; the points the page covers are still covered)."""
    return (meta or lenient_front_matter(source)).get("covers")


def coverage_problems(points: Mapping[str, str], pages: Mapping[str, object], map_file: str) -> list[str]:
    """Every way the pages' `covers` lists and the map disagree, one owner-readable line each.

    `pages` maps a page's file (as the owner should see it, e.g. "docs/take-stock.md") to the
    value of its `covers` front matter, or None when it has none.
    """
    problems: list[str] = []
    covered: set[str] = set()
    known = ", ".join(sort_ids(points))
    for page, covers in pages.items():
        if covers is None:
            continue
        if isinstance(covers, str):
            covers = [covers]  # `covers: P2` is a fair slip; read it as [P2]
        if not isinstance(covers, list):
            problems.append(f"{page}: covers must be a list of point ids, like covers: [P2]")
            continue
        for point in covers:
            point = str(point).strip()
            if point in points:
                covered.add(point)
            else:
                problems.append(f"{page}: covers names unknown point '{point}' (known points in {map_file}: {known})")
    for point in sort_ids(points):
        if point not in covered:
            problems.append(
                f"{map_file}: point {point} ({points[point]}) is covered by no page; "
                f"add covers: [{point}] to the front matter of the page that explains it"
            )
    return problems


def sort_ids(points: Mapping[str, str]) -> list[str]:
    """P2 before P10: ids sort by their number, the way the owner reads them."""
    return sorted(points, key=lambda point: int(point[1:]))
