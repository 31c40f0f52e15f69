"""Size of each of our own JavaScript and CSS files: the readable source, and the minified file the
site serves (mkdocs-minify-plugin), raw and gzipped (as GitHub Pages serves them).

Our files are everything under docs/assets/javascripts and docs/assets/stylesheets (Material's own
assets are not in docs/). The budget that matters is what readers download: all our JS and CSS
together <= 10 KiB gzipped as served (bench/check.py checks it from bench/weight.py's figures).

    .venv/bin/python bench/asset_sizes.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import ROOT, emit_json, gzip_size, mkdocs_build, print_table, real_project

FOLDERS = ("javascripts", "stylesheets")


def sources() -> list[Path]:
    """Our JS and CSS sources, by folder and name."""
    return [path for folder in FOLDERS for path in sorted((ROOT / "docs/assets" / folder).glob("*.*"))
            if path.suffix in (".js", ".css")]


def served_file(site: Path, source: Path) -> Path:
    """The built file for `source`: `name.<hash>.min.js` when minified, else the same name."""
    folder = site / "assets" / source.parent.name
    minified = sorted(folder.glob(f"{source.stem}.*.min{source.suffix}"))
    return minified[0] if minified else folder / source.name


def measure(site: Path) -> list[dict]:
    """One entry per file: source and served bytes, raw and gzipped."""
    files = []
    for source in sources():
        data, served = source.read_bytes(), served_file(site, source).read_bytes()
        files.append({"file": f"{source.parent.name}/{source.name}",
                      "source_raw": len(data), "source_gzip": gzip_size(data),
                      "served_raw": len(served), "served_gzip": gzip_size(served)})
    return files


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        project = real_project(Path(temp) / "project")
        mkdocs_build(project / "mkdocs.yml", Path(temp) / "site")
        files = measure(Path(temp) / "site")
    keys = ("source_raw", "source_gzip", "served_raw", "served_gzip")
    totals = {}
    for suffix in ("js", "css", ""):
        mine = [f for f in files if f["file"].endswith("." + suffix if suffix else "")]
        totals[suffix or "all"] = {key: sum(f[key] for f in mine) for key in keys}
    rows = [[f["file"], *(f[key] for key in keys)] for f in files]
    rows += [[f"total {name}", *(total[key] for key in keys)] for name, total in totals.items()]
    print_table(["file", "source B", "source gz B", "served B", "served gz B"], rows,
                "Our assets: readable source vs the minified file served (gzip level 6)")
    emit_json("asset_sizes", {"files": files, "totals": totals})


if __name__ == "__main__":
    main()
