"""Page weight: what a reader's browser downloads, gzipped as GitHub Pages serves it, ours vs plain Material.

Builds the site and a plain-Material twin (same Markdown and nav, `font: false`, search; no macros,
overrides, hooks or assets of ours) into temporary folders, serves each on 127.0.0.1 with gzip, and
opens every page in Chromium with an empty cache. For each page: requests, bytes, JavaScript and CSS
split into Material's and ours (files and inline), third-party requests (blocked, counted), and the
bytes of the next page in the nav reached by instant navigation (a link click, no reload).

    .venv/bin/python bench/weight.py
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

from common import (KIB, GzipServer, emit_json, gzip_size, kib, launch_chromium, mkdocs_build, page_names,
                    print_table, real_project, write_twin_config)

# Material's own files; any other JavaScript or CSS the site serves is ours.
MATERIAL_FILES = re.compile(r"^assets/(javascripts/(bundle\.[0-9a-f]+\.min\.js|lunr/|workers/)"
                            r"|stylesheets/(main|palette)\.[0-9a-f]+\.min\.css)")


def kind(path: str) -> str:
    """'material-js', 'our-js', 'material-css', 'our-css' or 'other' for a site path."""
    suffix = Path(path).suffix
    if suffix not in (".js", ".css"):
        return "other"
    owner = "material" if MATERIAL_FILES.match(path) else "our"
    return f"{owner}-{suffix[1:]}"


def inline_blocks(html: str) -> list[str]:
    """Inline <script> and <style> text of a page, and its style attributes as one block."""
    soup = BeautifulSoup(html, "lxml")
    blocks = [tag.get_text() for tag in soup.find_all("script") if not tag.get("src") and tag.get_text().strip()]
    blocks += [tag.get_text() for tag in soup.find_all("style")]
    attributes = ";".join(tag["style"] for tag in soup.find_all(style=True))
    return blocks + ([attributes] if attributes else [])


def settle(page, server: GzipServer, start: int, expect: str, quiet: float = 0.6, limit: float = 20) -> None:
    """Wait until the server has sent `expect` (a path) since entry `start`, then has answered
    nothing new for `quiet` seconds. Waits through Playwright, so the route handler keeps running."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and all(path != expect for path, _ in server.sent[start:]):
        page.wait_for_timeout(50)
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        if len(server.sent) != count:
            count, since = len(server.sent), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(50)


def relative(url: str, base_url: str) -> str:
    path = urlsplit(url).path
    base = urlsplit(base_url).path
    return path[len(base):] if path.startswith(base) else path


def measure_site(browser, server: GzipServer, names: list[str]) -> dict[str, dict]:
    """First visit of every page with an empty cache, then instant navigation to the next one."""
    results = {}
    for index, name in enumerate(names):
        following = names[(index + 1) % len(names)]
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        third_party: list[str] = []

        def block_outside(route, third_party=third_party):
            if urlsplit(route.request.url).hostname != "127.0.0.1":
                third_party.append(route.request.url)
                return route.abort()
            return route.continue_()

        context.route("**/*", block_outside)
        page = context.new_page()
        start = len(server.sent)
        page.goto(server.base_url + name, wait_until="networkidle")
        # Material's search worker fetches the index last; the first visit ends after it.
        settle(page, server, start, urlsplit(server.base_url).path + "search/search_index.json")
        first = list(server.sent[start:])
        # Instant navigation: a click on a link to the next page; the marker proves there was no reload.
        page.evaluate("""(href) => { window.__benchMarker = 1; const link = document.createElement('a');
            link.href = href; link.textContent = 'next'; document.querySelector('.md-content').append(link);
            link.click(); }""", server.base_url + following)
        page.wait_for_url(server.base_url + following)
        settle(page, server, start + len(first), urlsplit(server.base_url + following).path)
        instant = list(server.sent[start + len(first):])
        instant_ok = page.evaluate("window.__benchMarker === 1")
        context.close()
        row = {"requests": len(first) + len(third_party), "bytes": sum(size for _, size in first),
               "third_party": len(third_party), "third_party_urls": third_party,
               "files": {relative(path, server.base_url): size for path, size in first}}
        for key in ("material-js", "our-js", "material-css", "our-css"):
            row[key] = sum(size for path, size in first if kind(relative(path, server.base_url)) == key)
        results[name] = row
        results.setdefault("_instant", {})[following] = {
            "bytes": sum(size for _, size in instant), "requests": len(instant), "instant": instant_ok,
            "files": [relative(path, server.base_url) for path, _ in instant]}
    return results


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as temp:
        temp = Path(temp)
        project = real_project(temp / "project")
        ours, plain = GzipServer(), GzipServer()
        ours.site_dir, plain.site_dir = temp / "site", temp / "plain"
        mkdocs_build(project / "mkdocs.yml", ours.site_dir, site_url=ours.base_url)
        mkdocs_build(write_twin_config(project), plain.site_dir, site_url=plain.base_url, strict=False)
        names = page_names(ours.site_dir)

        with ours, plain, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            measured = {"ours": measure_site(browser, ours, names), "plain": measure_site(browser, plain, names)}
            browser.close()

        # Inline script and style that plain Material does not have on the same page are ours.
        own_inline: dict[str, int] = {}
        for name in names:
            html = (ours.site_dir / name / "index.html").read_text(encoding="utf-8")
            twin_html = (plain.site_dir / name / "index.html").read_text(encoding="utf-8")
            theirs = set(inline_blocks(twin_html))
            blocks = [block for block in inline_blocks(html) if block not in theirs]
            measured["ours"][name]["our-inline"] = sum(gzip_size(block) for block in blocks)
            measured["ours"][name]["inline_blocks"] = blocks
            for block in blocks:
                own_inline[block] = gzip_size(block)

    ours_pages, plain_pages = measured["ours"], measured["plain"]
    rows, pages = [], {}
    for name in names:
        mine, twin = ours_pages[name], plain_pages[name]
        instant, twin_instant = ours_pages["_instant"][name], plain_pages["_instant"][name]
        pages[name or "/"] = {
            "requests": mine["requests"], "bytes": mine["bytes"], "plain_bytes": twin["bytes"],
            "delta_bytes": mine["bytes"] - twin["bytes"], "material_js": mine["material-js"],
            "our_js": mine["our-js"], "material_css": mine["material-css"], "our_css": mine["our-css"],
            "our_inline": mine["our-inline"], "third_party": mine["third_party"],
            "instant_bytes": instant["bytes"], "instant_requests": instant["requests"],
            "instant_no_reload": instant["instant"], "plain_instant_bytes": twin_instant["bytes"],
        }
        row = pages[name or "/"]
        rows.append([name or "/", row["requests"], kib(row["bytes"]), kib(row["plain_bytes"]),
                     f"{row['delta_bytes'] / KIB:+.1f}", kib(row["material_js"]), kib(row["our_js"]),
                     kib(row["material_css"]), kib(row["our_css"]), kib(row["our_inline"]), row["third_party"],
                     kib(row["instant_bytes"]) + ("" if row["instant_no_reload"] else " (reload!)"),
                     kib(row["plain_instant_bytes"])])
    print_table(["page", "req", "KiB gz", "plain", "delta", "Mat JS", "our JS", "Mat CSS", "our CSS",
                 "inline", "3rd", "instant", "plain inst"], rows,
                title="First visit (empty cache) and arrival by instant navigation, KiB gzipped")

    # Everything of our own the browser loads across the whole site: each file once, each inline block once.
    own_files: dict[str, int] = {}
    for name in names:
        for path, size in ours_pages[name]["files"].items():
            if kind(path) in ("our-js", "our-css"):
                own_files[path] = size
    own_total = sum(own_files.values()) + sum(own_inline.values())
    # What every page loads (guide.js, guide.css, the inline blocks) against a feature's own script,
    # which only the pages with that feature load (sharing, My plan: hooks/guide_macros/scripts.py).
    everywhere = [path for path in own_files if all(path in ours_pages[name]["files"] for name in names)]
    feature_pages = {path: sorted(name or "/" for name in names if path in ours_pages[name]["files"])
                     for path in own_files if path not in everywhere}
    # ...plus the most inline code any one page carries (each page has its own print footer).
    everywhere_total = sum(own_files[path] for path in everywhere) + max(page["our_inline"] for page in pages.values())
    print_table(["our asset", "KiB gz", "loaded by"],
                [[path, kib(own_files[path]), "every page"] for path in sorted(everywhere)]
                + [[path, kib(own_files[path]), ", ".join(pages_)] for path, pages_ in sorted(feature_pages.items())]
                + [[f"inline block {index + 1}: {block.strip()[:40]!r}", kib(size), ""]
                   for index, (block, size) in enumerate(own_inline.items())]
                + [["ONE PAGE AT MOST, FEATURES APART (budget 10.0)", kib(everywhere_total), ""], ["ALL", kib(own_total), ""]],
                title="Everything of our own the browser loads")
    totals = {
        "pages": len(names),
        "own_assets_bytes": own_total,
        "everywhere_bytes": everywhere_total,
        "feature_files": feature_pages,
        "own_files": own_files,
        "own_inline_bytes": sum(own_inline.values()),
        "max_delta_bytes": max(page["delta_bytes"] for page in pages.values()),
        "max_instant_bytes": max(page["instant_bytes"] for page in pages.values()),
        "third_party": sum(page["third_party"] for page in pages.values()),
        "first_visit_bytes_total": sum(page["bytes"] for page in pages.values()),
        "plain_first_visit_bytes_total": sum(page["plain_bytes"] for page in pages.values()),
    }
    print_table(["total", "value"], [
        ["pages", totals["pages"]],
        ["our JS+CSS (files + inline), KiB gz", kib(own_total)],
        ["largest first-visit delta vs plain, KiB", kib(totals["max_delta_bytes"])],
        ["largest instant navigation, KiB", kib(totals["max_instant_bytes"])],
        ["third-party requests", totals["third_party"]],
        ["first visits, all pages, KiB (plain)", f"{kib(totals['first_visit_bytes_total'])} "
                                                  f"({kib(totals['plain_first_visit_bytes_total'])})"],
    ], title="Totals")
    third = sorted({url for name in names for url in ours_pages[name]["third_party_urls"]})
    if third:
        print("third-party requests (blocked):", *third, sep="\n  ")
    emit_json("weight", {"totals": totals, "pages": pages})


if __name__ == "__main__":
    main()
