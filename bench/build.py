"""Build time: a cold build of the real site, then synthetic sites of many themed pages, ours vs plain Material.

Each synthetic site is the real project plus N copies of the real themed pages (those that call both
`worksheet(...)` and `quiz(...)`), each copy calling its own copies of the data files under new ids,
in a temporary folder. Beside each, the same pages built by plain Material (no macros, overrides,
hooks or assets of ours) in the same run. Every build is a fresh `mkdocs build --strict` process.
Timings on a 2-core machine are noisy: use --repeat and read the ratio, not the last digit.

    .venv/bin/python bench/build.py [--sizes 10 100 500] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import tempfile
from pathlib import Path

import yaml

from common import emit_json, gzip_size, kib, mkdocs_build, print_table, real_project, write_twin_config

MACRO = re.compile(r"""\{\{\s*(worksheet|quiz)\(\s*["']([^"']+)["']""")
DATA_FOLDERS = {"worksheet": "data/worksheets", "quiz": "data/quizzes"}
# A relative Markdown link or image target: the copies live one folder deeper.
RELATIVE_TARGET = re.compile(r"\]\((?![a-z]+:|#|/)")


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its nav without running its !ENV and !!python tags."""


_LenientLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def themed_pages(docs: Path) -> list[Path]:
    """Pages that call both a worksheet and a quiz: the pages a bigger guide would have more of."""
    pages = []
    for page in sorted(docs.glob("*.md")):
        kinds = {kind for kind, _ in MACRO.findall(page.read_text(encoding="utf-8"))}
        if kinds == {"worksheet", "quiz"}:
            pages.append(page)
    return pages


def make_synthetic(project: Path, count: int) -> tuple[Path, Path, int]:
    """Add `count` themed pages (with their own data copies) to `project`; (our config, twin config, pages)."""
    docs = project / "docs"
    templates = themed_pages(docs)
    if not templates:
        raise SystemExit("no page calls both worksheet() and quiz(): nothing to copy")
    (docs / "synthetic").mkdir()
    entries = []
    for index in range(count):
        template = templates[index % len(templates)]
        suffix = f"-s{index:03d}"
        text = template.read_text(encoding="utf-8")
        for kind, ident in set(MACRO.findall(text)):
            folder = docs / DATA_FOLDERS[kind]
            source = next(folder.glob(f"{ident}.y*ml"))
            shutil.copy2(source, folder / f"{ident}{suffix}{source.suffix}")
        text = MACRO.sub(lambda match: match.group(0)[:-1] + suffix + match.group(0)[-1], text)
        text = RELATIVE_TARGET.sub("](../", text)
        page = f"synthetic/{template.stem}{suffix}.md"
        (docs / page).write_text(text, encoding="utf-8")
        entries.append(page)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    nav = (config.get("nav") or []) + [{"Synthetic": entries}]
    ours = project / "mkdocs.synthetic.yml"
    ours.write_text(json.dumps({"INHERIT": "mkdocs.yml", "nav": nav}), encoding="utf-8")
    pages = len(list(docs.glob("*.md"))) + count
    return ours, write_twin_config(project, "mkdocs.synthetic-plain.yml", nav=nav), pages


def index_size(site: Path) -> int:
    return gzip_size((site / "search" / "search_index.json").read_bytes())


def timed_builds(config: Path, site: Path, repeat: int, strict: bool = True) -> float:
    """Median seconds of `repeat` cold builds (a fresh process each)."""
    times = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        times.append(mkdocs_build(config, site, strict=strict))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 500])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        temp = Path(temp)
        project = real_project(temp / "real")
        real_pages = len(list((project / "docs").glob("*.md")))
        real_seconds = timed_builds(project / "mkdocs.yml", temp / "real-site", args.repeat)
        real_index = index_size(temp / "real-site")
        plain_seconds = timed_builds(write_twin_config(project), temp / "real-plain", args.repeat, strict=False)
        real = {"pages": real_pages, "seconds": real_seconds, "plain_seconds": plain_seconds,
                "ratio": real_seconds / plain_seconds, "search_index_gz": real_index,
                "plain_search_index_gz": index_size(temp / "real-plain")}
        synthetic = []
        for count in args.sizes:
            project = real_project(temp / f"synthetic-{count}")
            ours, twin, pages = make_synthetic(project, count)
            seconds = timed_builds(ours, temp / f"synthetic-{count}-site", args.repeat)
            plain = timed_builds(twin, temp / f"synthetic-{count}-plain", args.repeat, strict=False)
            synthetic.append({"themed_pages": count, "pages": pages, "seconds": seconds, "plain_seconds": plain,
                              "ratio": seconds / plain, "ms_per_page": 1000 * seconds / pages,
                              "plain_ms_per_page": 1000 * plain / pages,
                              "search_index_gz": index_size(temp / f"synthetic-{count}-site"),
                              "plain_search_index_gz": index_size(temp / f"synthetic-{count}-plain")})
            print(f"  {count} themed pages: {seconds:.1f} s vs plain {plain:.1f} s", flush=True)
            shutil.rmtree(temp / f"synthetic-{count}-site")
            shutil.rmtree(temp / f"synthetic-{count}-plain")

    rows = [["real site", real["pages"], f"{real['seconds']:.2f}", f"{1000 * real['seconds'] / real['pages']:.0f}",
             kib(real["search_index_gz"]), f"{real['plain_seconds']:.2f}",
             f"{1000 * real['plain_seconds'] / real['pages']:.0f}", kib(real["plain_search_index_gz"]),
             f"{real['ratio']:.2f}"]]
    rows += [[f"+{row['themed_pages']} themed", row["pages"], f"{row['seconds']:.2f}", f"{row['ms_per_page']:.0f}",
              kib(row["search_index_gz"]), f"{row['plain_seconds']:.2f}", f"{row['plain_ms_per_page']:.0f}",
              kib(row["plain_search_index_gz"]), f"{row['ratio']:.2f}"] for row in synthetic]
    print_table(["site", "pages", "s", "ms/page", "index KiB gz", "plain s", "plain ms/page", "plain index",
                 "ratio"], rows, title=f"Cold strict builds (median of {args.repeat}), ours vs plain Material")
    emit_json("build", {"repeat": args.repeat, "real": real, "synthetic": synthetic})


if __name__ == "__main__":
    main()
