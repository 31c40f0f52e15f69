"""Build time: a cold build of the real site, then synthetic sites of many themed pages, ours vs plain Material.

Each synthetic site is the real project plus N copies of the real themed pages (those that call both
`worksheet(...)` and `quiz(...)`), each copy calling its own copies of the data files under new ids,
in a temporary folder. Copies are whole real pages, so some carry two worksheets (as take-stock.md
does): the JSON line counts the components the synthetic pages hold. Beside each, the same pages
built by plain Material (no macros, overrides, hooks or assets of ours) in the same run. Every
build is a fresh `mkdocs build --strict` process. Timings on a 2-core machine are noisy: ours and
plain build in turns, and each gets a wall-clock and a CPU-time ratio (the CPU one moves less when
other work shares the machine) plus each turn's own ratio; use --repeat and read the ratios, not
the last digit.

    .venv/bin/python bench/build.py [--sizes 10 100 500] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
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
NEXT_LINE = re.compile(r"^\*\*Next:\*\*.*\n", re.MULTILINE)


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
        # A copy's **Next:** line names the real next page, not the copy after it: the build would
        # stop (page shape check). Its footer links the right page anyway.
        text = NEXT_LINE.sub("", text)
        page = f"synthetic/{template.stem}{suffix}.md"
        (docs / page).write_text(text, encoding="utf-8")
        entries.append(page)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    nav = (config.get("nav") or []) + [{"Synthetic": entries}]
    ours = project / "mkdocs.synthetic.yml"
    ours.write_text(json.dumps({"INHERIT": "mkdocs.yml", "nav": nav}), encoding="utf-8")
    pages = len(list(docs.glob("*.md"))) + count
    return ours, write_twin_config(project, "mkdocs.synthetic-plain.yml", nav=nav), pages


def component_counts(project: Path) -> dict[str, int]:
    """How many worksheets and quizzes the synthetic pages call, in all."""
    counts = {"worksheets": 0, "quizzes": 0}
    for page in (project / "docs" / "synthetic").glob("*.md"):
        for kind, _ in MACRO.findall(page.read_text(encoding="utf-8")):
            counts["worksheets" if kind == "worksheet" else "quizzes"] += 1
    return counts


def index_size(site: Path) -> int:
    return gzip_size((site / "search" / "search_index.json").read_bytes())


def spread(ratios: list[float]) -> str:
    return " / ".join(f"{ratio:.2f}" for ratio in ratios)


def timed_build(config: Path, site: Path, strict: bool) -> tuple[float, float]:
    """(wall, CPU) seconds of one cold build in a fresh process; CPU time barely moves when others load the machine."""
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = mkdocs_build(config, site, strict=strict)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed_pair(ours: Path, twin: Path, sites: Path, repeat: int) -> dict:
    """Medians of `repeat` cold builds of ours (strict) and the plain twin, taken in turns so that a
    machine busy for a while slows both alike; figures in seconds, ratios ours / plain."""
    runs = [(timed_build(ours, sites / "ours", strict=True), timed_build(twin, sites / "plain", strict=False))
            for _ in range(repeat)]
    wall, cpu, plain_wall, plain_cpu = (statistics.median(run[side][kind] for run in runs)
                                        for side, kind in ((0, 0), (0, 1), (1, 0), (1, 1)))
    # Each turn's own ratio too: when the machine's speed drifts (it does here, by up to 40 %
    # within minutes), their spread shows how far to trust the medians' ratio.
    pairs = [round(run[0][0] / run[1][0], 2) for run in runs]
    return {"seconds": wall, "plain_seconds": plain_wall, "ratio": wall / plain_wall,
            "cpu_seconds": cpu, "plain_cpu_seconds": plain_cpu, "cpu_ratio": cpu / plain_cpu, "pair_ratios": pairs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 500])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        temp = Path(temp)
        project = real_project(temp / "real")
        real_pages = len(list((project / "docs").glob("*.md")))
        real = {"pages": real_pages, **timed_pair(project / "mkdocs.yml", write_twin_config(project),
                                                   temp / "real", args.repeat)}
        real.update(search_index_gz=index_size(temp / "real" / "ours"),
                    plain_search_index_gz=index_size(temp / "real" / "plain"))
        synthetic = []
        for count in args.sizes:
            project = real_project(temp / f"synthetic-{count}")
            ours, twin, pages = make_synthetic(project, count)
            sites = temp / f"synthetic-{count}-sites"
            times = timed_pair(ours, twin, sites, args.repeat)
            seconds, plain = times["seconds"], times["plain_seconds"]
            synthetic.append({"themed_pages": count, **component_counts(project), "pages": pages, **times,
                              "ms_per_page": 1000 * seconds / pages, "plain_ms_per_page": 1000 * plain / pages,
                              "search_index_gz": index_size(sites / "ours"),
                              "plain_search_index_gz": index_size(sites / "plain")})
            print(f"  {count} themed pages: {seconds:.1f} s vs plain {plain:.1f} s "
                  f"(CPU {times['cpu_seconds']:.1f} vs {times['plain_cpu_seconds']:.1f} s)", flush=True)
            shutil.rmtree(sites)

    rows = [["real site", real["pages"], f"{real['seconds']:.2f}", f"{1000 * real['seconds'] / real['pages']:.0f}",
             kib(real["search_index_gz"]), f"{real['plain_seconds']:.2f}",
             f"{1000 * real['plain_seconds'] / real['pages']:.0f}", kib(real["plain_search_index_gz"]),
             f"{real['ratio']:.2f}", f"{real['cpu_ratio']:.2f}", spread(real["pair_ratios"])]]
    rows += [[f"+{row['themed_pages']} themed", row["pages"], f"{row['seconds']:.2f}", f"{row['ms_per_page']:.0f}",
              kib(row["search_index_gz"]), f"{row['plain_seconds']:.2f}", f"{row['plain_ms_per_page']:.0f}",
              kib(row["plain_search_index_gz"]), f"{row['ratio']:.2f}", f"{row['cpu_ratio']:.2f}",
              spread(row["pair_ratios"])] for row in synthetic]
    print_table(["site", "pages", "s", "ms/page", "index KiB gz", "plain s", "plain ms/page", "plain index",
                 "ratio", "CPU ratio", "each turn"], rows,
                title=f"Cold strict builds (median of {args.repeat}), ours vs plain Material")
    emit_json("build", {"repeat": args.repeat, "real": real, "synthetic": synthetic})


if __name__ == "__main__":
    main()
