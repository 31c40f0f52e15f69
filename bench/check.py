"""Release gate: compare the bench figures with the budgets; exit 1 when any budget is missed.

Reads bench/out/{weight,lighthouse,build}.json (written by the other scripts); with --run it runs
them first. Beside each performance score it shows plain Material's from lighthouse-plain.json
(`bench/lighthouse.py --plain`) when there is one. Not part of the test suite: timings and
Lighthouse scores are noisy.

    .venv/bin/python bench/check.py [--run]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from common import BENCH, KIB, OUT, print_table

SCRIPTS = ("weight", "lighthouse", "build")
BUDGETS = {
    "own_assets": 10 * KIB,  # our JS + CSS, files and inline, all pages together
    "first_visit_delta": 12 * KIB,  # per page, over the plain-Material twin
    "instant": 12 * KIB,  # a page reached by instant navigation
    "third_party": 0,
    "lighthouse_100": ("accessibility", "best-practices", "seo"),
    "performance": {"mobile": 98, "desktop": 100},
    "synthetic_ratio": 1.3,  # 500-page build vs plain Material
    "synthetic_pages": 500,
    "search_index": 40 * KIB,  # the real site's, gzipped
}


def load(name: str) -> dict | None:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def checks() -> list[tuple[str, str, bool]]:
    """(budget, measured, passed) for every budget that has figures; a missing file is a failure."""
    rows = []
    weight, lighthouse, build = (load(name) for name in SCRIPTS)
    if weight is None:
        rows.append(("weight figures", "missing: run bench/weight.py", False))
    else:
        totals, pages = weight["totals"], weight["pages"]
        rows.append(("our JS+CSS <= 10 KiB gz", f"{totals['own_assets_bytes'] / KIB:.1f} KiB",
                     totals["own_assets_bytes"] <= BUDGETS["own_assets"]))
        rows.append(("third-party requests = 0", str(totals["third_party"]), totals["third_party"] <= BUDGETS["third_party"]))
        for name, page in pages.items():
            rows.append((f"{name}: first visit <= plain + 12 KiB", f"{page['delta_bytes'] / KIB:+.1f} KiB",
                         page["delta_bytes"] <= BUDGETS["first_visit_delta"]))
            rows.append((f"{name}: instant navigation <= 12 KiB",
                         f"{page['instant_bytes'] / KIB:.1f} KiB" + ("" if page["instant_no_reload"] else " (reloaded)"),
                         page["instant_bytes"] <= BUDGETS["instant"] and page["instant_no_reload"]))
    if lighthouse is None:
        rows.append(("lighthouse figures", "missing: run bench/lighthouse.py", False))
    else:
        # Plain Material's score for the same page in the same conditions, when measured (--plain):
        # a performance miss that plain Material shares is the machine's, not only ours.
        plain = {(row["page"], row["form_factor"]): row["median"]["performance"]
                 for row in (load("lighthouse-plain") or {}).get("results", [])}
        for result in lighthouse["results"]:
            where = f"{result['page']} {result['form_factor']}"
            for category in BUDGETS["lighthouse_100"]:
                score = result["median"][category]
                rows.append((f"{where}: {category} = 100", f"{score:g}", score >= 100))
            floor = BUDGETS["performance"][result["form_factor"]]
            score = result["median"]["performance"]
            reference = plain.get((result["page"], result["form_factor"]))
            rows.append((f"{where}: performance >= {floor}",
                         f"{score:g}" + (f" (plain {reference:g})" if reference is not None else ""), score >= floor))
    if build is None:
        rows.append(("build figures", "missing: run bench/build.py", False))
    else:
        index = build["real"]["search_index_gz"]
        rows.append(("search index <= 40 KiB gz", f"{index / KIB:.1f} KiB", index <= BUDGETS["search_index"]))
        big = [row for row in build["synthetic"] if row["themed_pages"] == BUDGETS["synthetic_pages"]]
        if big:
            # The median of the turns' own ratios: each turn builds ours and plain back to back, so a
            # slow spell of the machine slows both. The ratio of the two medians can pair a fast
            # build of ours with a slow plain one (1.27 from turns of 1.27, 1.58 and 1.46).
            turns = big[0].get("pair_ratios") or [big[0]["ratio"]]
            paired = statistics.median(turns)
            rows.append(("500-page build <= 1.3 x plain",
                         f"{paired:.2f} x (turns {' / '.join(f'{turn:.2f}' for turn in turns)})",
                         paired <= BUDGETS["synthetic_ratio"]))
        else:
            rows.append(("500-page build <= 1.3 x plain", "not measured (bench/build.py --sizes ... 500)", False))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", action="store_true", help="run weight.py, lighthouse.py and build.py first")
    args = parser.parse_args()
    if args.run:
        for name in SCRIPTS:
            subprocess.run([sys.executable, str(BENCH / f"{name}.py")], check=True)
    rows = checks()
    print_table(["budget", "measured", "result"], [[name, value, "pass" if ok else "FAIL"] for name, value, ok in rows],
                title="Budgets")
    failed = [name for name, _, ok in rows if not ok]
    print(json.dumps({"bench": "check", "passed": not failed, "failed": failed}, separators=(",", ":")))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
