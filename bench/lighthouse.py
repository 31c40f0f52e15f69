"""Lighthouse 12.2.3 (pinned in bench/package-lock.json) on key pages, mobile and desktop, median of runs.

Builds the site into a temporary folder with its local address as site_url, serves it on 127.0.0.1
with gzip like GitHub Pages, and runs Lighthouse with Debian's Chromium (CHROME_PATH). Installs
Lighthouse with `npm ci --prefix bench` (Node 20) when it is missing.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--pages "" take-stock/ workbook/ contact/]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import (BENCH, CHROMIUM, GzipServer, emit_json, mkdocs_build, print_table, real_project,
                    write_twin_config)

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Home, a themed page with a worksheet and a quiz, the workbook, the contact page.
PAGES = ["", "take-stock/", "workbook/", "contact/"]
FORM_FACTORS = ("mobile", "desktop")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run " \
               "--disable-extensions --disable-background-networking --disable-component-update --disable-sync"


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse from package-lock.json if it is not there yet."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def run_once(url: str, form_factor: str) -> dict:
    """One Lighthouse run: category scores (0-100) and the audits that lost points outside performance."""
    command = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = sorted({ref["id"] for name in CATEGORIES[1:] for ref in report["categories"][name]["auditRefs"]
                   if ref["weight"] and (report["audits"][ref["id"]].get("score") or 0) < 1
                   and report["audits"][ref["id"]].get("scoreDisplayMode") not in ("notApplicable", "manual",
                                                                                   "informative")})
    metrics = {key: report["audits"][key].get("numericValue") for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
                "speed-index")}
    # Lighthouse's CPU score for the host (about 1500-2200 on this machine when quiet): a low one means
    # other work was running, and the performance score of that run is not to be trusted.
    return {"scores": scores, "lost": lost, "metrics": metrics,
            "benchmark_index": report.get("environment", {}).get("benchmarkIndex")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--plain", action="store_true",
                        help="measure the plain-Material twin instead (same Markdown, no macros or assets of ours)")
    args = parser.parse_args()
    ensure_lighthouse()

    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temp:
        server = GzipServer(Path(temp) / "site")
        project = real_project(Path(temp) / "project")
        config = write_twin_config(project) if args.plain else project / "mkdocs.yml"
        mkdocs_build(config, server.site_dir, site_url=server.base_url, strict=not args.plain)
        with server as base_url:
            for page in args.pages:
                for form_factor in FORM_FACTORS:
                    runs = [run_once(base_url + page, form_factor) for _ in range(args.runs)]
                    medians = {name: statistics.median(run["scores"][name] for run in runs) for name in CATEGORIES}
                    results[f"{page or '/'} {form_factor}"] = {
                        "page": page or "/", "form_factor": form_factor, "median": medians,
                        "runs": [run["scores"] for run in runs],
                        "lost": sorted({audit for run in runs for audit in run["lost"]}),
                        "fcp_ms": statistics.median(run["metrics"]["first-contentful-paint"] for run in runs),
                        "lcp_ms": statistics.median(run["metrics"]["largest-contentful-paint"] for run in runs),
                        "si_ms": statistics.median(run["metrics"]["speed-index"] for run in runs),
                        "tbt_ms": statistics.median(run["metrics"]["total-blocking-time"] for run in runs),
                        "cls": statistics.median(run["metrics"]["cumulative-layout-shift"] for run in runs),
                        "benchmark_index": [run["benchmark_index"] for run in runs],
                    }
                    row = results[f"{page or '/'} {form_factor}"]
                    print(f"  {row['page']} {form_factor}: {row['median']} lost={row['lost']}", flush=True)

    print_table(["page", "form", "perf", "a11y", "best-pr", "SEO", "FCP ms", "LCP ms", "SI ms", "TBT ms", "CLS",
                 "runs (perf)", "CPU index", "lost points"],
                [[row["page"], row["form_factor"], *(f"{row['median'][name]:g}" for name in CATEGORIES),
                  f"{row['fcp_ms']:.0f}", f"{row['lcp_ms']:.0f}", f"{row['si_ms']:.0f}", f"{row['tbt_ms']:.0f}",
                  f"{row['cls']:.3f}",
                  "/".join(str(run["performance"]) for run in row["runs"]),
                  "/".join(f"{index:.0f}" for index in row["benchmark_index"] if index),
                  " ".join(row["lost"]) or "-"]
                 for row in results.values()],
                title=f"Lighthouse 12.2.3, median of {args.runs} (served with gzip on 127.0.0.1)"
                      + (": PLAIN MATERIAL TWIN" if args.plain else ""))
    emit_json("lighthouse-plain" if args.plain else "lighthouse", {"runs": args.runs, "results": list(results.values())})


if __name__ == "__main__":
    main()
