"""Lighthouse 12.2.3 (pinned in bench/package-lock.json): ours built by MkDocs and by Zensical, beside
plain Material, median of runs.

Builds the site with MkDocs, the same project with Zensical (Material's successor, GUIDE_ENGINE=zensical)
and the plain-Material twin (same Markdown and nav; no macros, overrides, hooks or assets of ours)
into temporary folders, each with its local address as site_url, serves each on 127.0.0.1 with gzip
like GitHub Pages, and runs Lighthouse with Debian's Chromium (CHROME_PATH) on the same pages: the
runs are taken in turns (MkDocs, Zensical, twin, MkDocs, Zensical, twin...), so a slow spell of the
machine slows all three. Pages: home, a themed page, the workbook, contact, and the heaviest page of
ours (most HTML elements). Installs Lighthouse with `npm ci --prefix bench` (Node 20) when it is missing.

    .venv/bin/python bench/lighthouse.py [--runs 5] [--pages "" take-stock/ ...] [--form-factors mobile desktop]
                                         [--engines mkdocs zensical]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import (BENCH, CHROMIUM, GzipServer, emit_json, mkdocs_build, page_names, print_table, real_project,
                    write_twin_config, zensical_build)

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint", "si_ms": "speed-index",
           "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift"}
# Home, a themed page with worksheets and a quiz, the workbook, the contact page; the heaviest is added.
PAGES = ["", "take-stock/", "workbook/", "contact/"]
FORM_FACTORS = ("mobile", "desktop")
ENGINES = ("mkdocs", "zensical")  # ours, built by each (GUIDE_ENGINE); the twin is always Material's
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run " \
               "--disable-extensions --disable-background-networking --disable-component-update --disable-sync"
TAG = re.compile(rb"<[a-zA-Z]")


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse from package-lock.json if it is not there yet."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def run_once(url: str, form_factor: str) -> dict:
    """One Lighthouse run: category scores (0-100), metrics, and the audits that lost points outside performance."""
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
    metrics = {key: report["audits"][audit].get("numericValue") for key, audit in METRICS.items()}
    # Lighthouse's CPU score for the host (about 1500-2200 on this machine when quiet): a low one means
    # other work was running, and the performance score of that run is not to be trusted.
    return {"scores": scores, "lost": lost, "metrics": metrics,
            "benchmark_index": report.get("environment", {}).get("benchmarkIndex")}


def summary(runs: list[dict]) -> dict:
    """Medians of a page's runs, with each run's performance score and CPU index kept."""
    return {"median": {name: statistics.median(run["scores"][name] for run in runs) for name in CATEGORIES},
            **{key: statistics.median(run["metrics"][key] for run in runs) for key in METRICS},
            "performance_runs": [run["scores"]["performance"] for run in runs],
            "benchmark_index": [run["benchmark_index"] for run in runs],
            "lost": sorted({audit for run in runs for audit in run["lost"]})}


def heaviest(site: Path) -> str:
    """The page of the built site with the most HTML elements (a rough count of its tags)."""
    counts = {name: len(TAG.findall((site / name / "index.html").read_bytes())) for name in page_names(site)}
    return max(counts, key=counts.get)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="*", default=None, help="default: home, take-stock/, workbook/, contact/ "
                        "and the heaviest page")
    parser.add_argument("--form-factors", nargs="*", default=list(FORM_FACTORS))
    parser.add_argument("--engines", nargs="*", default=list(ENGINES), choices=ENGINES,
                        help="which engines build ours (default: both)")
    args = parser.parse_args()
    ensure_lighthouse()

    results = []
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temp:
        temp = Path(temp)
        servers = {engine: GzipServer(temp / engine) for engine in args.engines}
        plain = GzipServer(temp / "plain")
        project = real_project(temp / "project")
        if "mkdocs" in servers:
            mkdocs_build(project / "mkdocs.yml", servers["mkdocs"].site_dir, site_url=servers["mkdocs"].base_url)
        if "zensical" in servers:
            zensical_project = real_project(temp / "zensical-project")
            zensical_build(zensical_project, site_url=servers["zensical"].base_url)
            servers["zensical"].site_dir = zensical_project / "site"
        mkdocs_build(write_twin_config(project), plain.site_dir, site_url=plain.base_url, strict=False)
        first = servers[args.engines[0]].site_dir
        pages = args.pages if args.pages is not None else list(dict.fromkeys(PAGES + [heaviest(first)]))
        with contextlib.ExitStack() as serving:
            urls = {engine: serving.enter_context(server) for engine, server in servers.items()}
            plain_url = serving.enter_context(plain)
            for page in pages:
                for form_factor in args.form_factors:
                    turns = [({engine: run_once(url + page, form_factor) for engine, url in urls.items()},
                              run_once(plain_url + page, form_factor)) for _ in range(args.runs)]
                    row = {"page": page or "/", "form_factor": form_factor,
                           "builds": {engine: summary([turn[0][engine] for turn in turns]) for engine in urls},
                           "plain": summary([turn[1] for turn in turns])}
                    results.append(row)
                    said = " | ".join(f"{engine} {build['median']['performance']:g} TBT {build['tbt_ms']:.0f} ms"
                                      for engine, build in row["builds"].items())
                    print(f"  {row['page']} {form_factor}: {said} | plain {row['plain']['median']['performance']:g}"
                          f" TBT {row['plain']['tbt_ms']:.0f} ms", flush=True)

    print_table(["page", "form", "build", "perf", "a11y", "best-pr", "SEO", "TBT ms", "FCP ms", "LCP ms", "CLS",
                 "runs (perf)", "CPU index", "lost points"],
                [[row["page"], row["form_factor"], name, f"{build['median']['performance']:g}",
                  *(f"{build['median'][category]:g}" for category in CATEGORIES[1:]),
                  f"{build['tbt_ms']:.0f}", f"{build['fcp_ms']:.0f}", f"{build['lcp_ms']:.0f}", f"{build['cls']:.3f}",
                  "/".join(map(str, build["performance_runs"])),
                  "/".join(f"{index:.0f}" for index in build["benchmark_index"] if index),
                  " ".join(build["lost"]) or "-"]
                 for row in results for name, build in [*row["builds"].items(), ("plain", row["plain"])]],
                title=f"Lighthouse 12.2.3, ours (built by MkDocs, by Zensical) beside plain Material, runs in turns, "
                      f"median of {args.runs} (served with gzip on 127.0.0.1)")
    emit_json("lighthouse", {"runs": args.runs, "engines": args.engines, "results": results})


if __name__ == "__main__":
    main()
