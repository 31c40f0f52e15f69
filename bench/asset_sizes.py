"""Size of each of our own JavaScript and CSS files, raw and gzipped (as GitHub Pages serves them).

Our files are everything under docs/assets/javascripts and docs/assets/stylesheets (Material's
own assets are not in docs/). Compare the gzipped figures with the budgets in TEAM.md: worksheet
JS <= 3 KiB, quiz JS <= 3 KiB, all our CSS together <= 3 KiB, the rest of our JS <= 1 KiB.

    .venv/bin/python bench/asset_sizes.py
"""

from __future__ import annotations

from common import ROOT, emit_json, gzip_size, print_table

FOLDERS = ("docs/assets/javascripts", "docs/assets/stylesheets")


def measure() -> list[dict]:
    """One entry per file: its path from docs/assets, raw bytes, gzipped bytes."""
    files = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*.*")):
            if path.suffix in (".js", ".css"):
                data = path.read_bytes()
                files.append({"file": str(path.relative_to(ROOT / "docs/assets")), "raw": len(data),
                              "gzip": gzip_size(data)})
    return files


def main() -> None:
    files = measure()
    totals = {}
    for suffix in ("js", "css"):
        mine = [f for f in files if f["file"].endswith("." + suffix)]
        totals[suffix] = {"raw": sum(f["raw"] for f in mine), "gzip": sum(f["gzip"] for f in mine)}
    totals["all"] = {"raw": sum(f["raw"] for f in files), "gzip": sum(f["gzip"] for f in files)}
    rows = [[f["file"], f["raw"], f["gzip"]] for f in files]
    rows += [[f"total {name}", total["raw"], total["gzip"]] for name, total in totals.items()]
    print_table(["file", "raw bytes", "gzip bytes"], rows, "Our assets (gzip level 6, as served)")
    emit_json("asset_sizes", {"files": files, "totals": totals})


if __name__ == "__main__":
    main()
