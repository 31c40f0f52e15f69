"""Release gate: compare the bench figures with the budgets; exit 1 when any budget is missed.

Reads bench/out/{weight,lighthouse,build}.json (written by the other scripts); with --run it runs
them first. Every judgement is against plain Material measured in the same run (lighthouse.py and
weight.py measure ours and the twin side by side; build.py builds them in turns), and each row
shows both figures. Not part of the test suite: timings and Lighthouse scores are noisy.

Lighthouse measures ours built by MkDocs and by Zensical: the budgets judge the build of the engine
GUIDE_ENGINE names (mkdocs unless set, as for ./guide build); the other's figures are shown as "info".
weight.py and build.py measure the MkDocs build.

    .venv/bin/python bench/check.py [--run]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

from common import BENCH, KIB, OUT, print_table

SCRIPTS = ("weight", "lighthouse", "build")
BUDGETS = {
    "own_assets": 10 * KIB,  # our JS + CSS, files and inline, that every page loads
    "first_visit_delta": 12 * KIB,  # per page, over the plain-Material twin
    "instant": 12 * KIB,  # a page reached by instant navigation
    "third_party": 0,
    "lighthouse_100": ("accessibility", "best-practices", "seo"),
    "desktop_performance": 100,
    "mobile_points_below_plain": 2,  # mobile performance within 2 points of the twin's, same page
    "tbt_over_plain_ms": 100,  # mobile Total Blocking Time no more than the twin's + 100 ms
    "synthetic_ratio": 1.5,  # 500-page build vs plain Material (median of the turns' own ratios)
    "synthetic_pages": 500,
    "growth_from": 100,  # ms per page from +100 to +500 pages grows no faster than plain's, within 10 %
    "growth_slack": 1.10,
    "search_index": 40 * KIB,  # the real site's, gzipped
}


def load(name: str) -> dict | None:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


ENGINE = os.environ.get("GUIDE_ENGINE") or "mkdocs"


def lighthouse_builds(result: dict) -> dict:
    """Each measured build of ours for one page, by engine (figures saved before Zensical: MkDocs only)."""
    return result.get("builds") or {"mkdocs": result["ours"]}


def checks() -> list[tuple[str, str, bool | None]]:
    """(budget, measured, passed) for every budget that has figures; a missing file is a failure;
    passed is None for figures shown for information (the other engine's)."""
    rows = []
    weight, lighthouse, build = (load(name) for name in SCRIPTS)
    if weight is None:
        rows.append(("weight figures", "missing: run bench/weight.py", False))
    else:
        totals, pages = weight["totals"], weight["pages"]
        # Every page's share of our JS and CSS; a feature's own script counts in its pages' first visits.
        everywhere = totals.get("everywhere_bytes", totals["own_assets_bytes"])
        rows.append(("our JS+CSS every page loads <= 10 KiB gz", f"{everywhere / KIB:.1f} KiB "
                     f"(all, with feature scripts: {totals['own_assets_bytes'] / KIB:.1f})", everywhere <= BUDGETS["own_assets"]))
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
        for result in lighthouse["results"]:
            plain = result["plain"]
            for engine, ours in lighthouse_builds(result).items():
                judged = engine == ENGINE
                where = f"{result['page']} {result['form_factor']}" + ("" if judged else f" ({engine})")

                def row(budget: str, measured: str, ok: bool) -> None:
                    rows.append((f"{where}: {budget}", measured, ok if judged else None))

                for category in BUDGETS["lighthouse_100"]:
                    score = ours["median"][category]
                    row(f"{category} = 100", f"{score:g} (plain {plain['median'][category]:g})", score >= 100)
                score, reference = ours["median"]["performance"], plain["median"]["performance"]
                if result["form_factor"] == "desktop":
                    floor = BUDGETS["desktop_performance"]
                    row(f"performance = {floor}", f"{score:g} (plain {reference:g})", score >= floor)
                else:
                    slack = BUDGETS["mobile_points_below_plain"]
                    row(f"performance >= plain - {slack}", f"{score:g} (plain {reference:g})", score >= reference - slack)
                    over = BUDGETS["tbt_over_plain_ms"]
                    row(f"TBT <= plain + {over} ms", f"{ours['tbt_ms']:.0f} ms (plain {plain['tbt_ms']:.0f} ms)",
                        ours["tbt_ms"] <= plain["tbt_ms"] + over)
    if build is None:
        rows.append(("build figures", "missing: run bench/build.py", False))
    else:
        index = build["real"]["search_index_gz"]
        rows.append(("search index <= 40 KiB gz", f"{index / KIB:.1f} KiB", index <= BUDGETS["search_index"]))
        by_size = {row["themed_pages"]: row for row in build["synthetic"]}
        big = by_size.get(BUDGETS["synthetic_pages"])
        limit = BUDGETS["synthetic_ratio"]
        if big:
            # The median of the turns' own ratios: each turn builds ours and plain back to back, so a
            # slow spell of the machine slows both. The ratio of the two medians can pair a fast
            # build of ours with a slow plain one (1.27 from turns of 1.27, 1.58 and 1.46).
            turns = big.get("pair_ratios") or [big["ratio"]]
            paired = statistics.median(turns)
            rows.append((f"500-page build <= {limit} x plain",
                         f"{paired:.2f} x (turns {' / '.join(f'{turn:.2f}' for turn in turns)}; "
                         f"{big['seconds']:.1f} s vs {big['plain_seconds']:.1f} s)", paired <= limit))
        else:
            rows.append((f"500-page build <= {limit} x plain", "not measured (bench/build.py --sizes ... 500)", False))
        small = by_size.get(BUDGETS["growth_from"])
        if big and small:
            # How much each page costs as the site grows: ours may not grow faster than plain's does.
            ours_growth = big["ms_per_page"] / small["ms_per_page"]
            plain_growth = big["plain_ms_per_page"] / small["plain_ms_per_page"]
            slack = BUDGETS["growth_slack"]
            rows.append((f"ms per page, +100 to +500 pages, grows <= plain's x {slack:.2f}",
                         f"{ours_growth:.2f} x ({small['ms_per_page']:.0f} to {big['ms_per_page']:.0f} ms) vs plain "
                         f"{plain_growth:.2f} x ({small['plain_ms_per_page']:.0f} to {big['plain_ms_per_page']:.0f} ms)",
                         ours_growth <= plain_growth * slack))
        else:
            rows.append(("ms per page growth, +100 to +500", "not measured (bench/build.py --sizes 100 500)", False))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", action="store_true", help="run weight.py, lighthouse.py and build.py first")
    args = parser.parse_args()
    if args.run:
        for name in SCRIPTS:
            subprocess.run([sys.executable, str(BENCH / f"{name}.py")], check=True)
    rows = checks()
    print_table(["budget", "measured", "result"],
                [[name, value, "info" if ok is None else "pass" if ok else "FAIL"] for name, value, ok in rows],
                title=f"Budgets (Lighthouse judged on the {ENGINE} build: GUIDE_ENGINE)")
    failed = [name for name, _, ok in rows if ok is False]
    print(json.dumps({"bench": "check", "passed": not failed, "failed": failed}, separators=(",", ":")))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
