"""Shared by the bench scripts: builds (ours with MkDocs or Zensical, a plain-Material twin), a gzip
server, Chromium, output.

Nothing here asserts: the scripts print figures, and check.py compares them with the budgets.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"  # each script also saves its JSON line here for check.py (git-ignored)
sys.path.insert(0, str(ROOT / "tests"))

from sitebuild import build_env, copy_project  # noqa: E402  (one copy of the build recipe)
from siteserver import GZIP_LEVEL, SUB_PATH, GzipServer  # noqa: E402,F401  (one server, shared with the tests)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                  "--disable-extensions", "--disable-default-apps"]
KIB = 1024


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------

def mkdocs_build(config_file: Path, site_dir: Path, site_url: str | None = None, strict: bool = True) -> float:
    """Build `config_file` into `site_dir` in a fresh process; seconds taken (fails loudly).

    Plain-Material twins build with strict=False: without our macros, links into a worksheet or a
    quiz (e.g. the workbook's `#ws-...` anchors) have nothing to point at."""
    env = build_env()
    if site_url:
        env["SITE_URL"] = site_url
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
               "-f", str(config_file), "-d", str(site_dir)]
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build of {config_file} failed:\n{result.stdout}{result.stderr}")
    return seconds


def zensical_build(project_dir: Path, site_url: str | None = None) -> float:
    """Build `project_dir` with Zensical (into its own site/, as `GUIDE_ENGINE=zensical ./guide build`
    does after the checks) in a fresh process; seconds taken (fails loudly)."""
    env = build_env()
    if site_url:
        env["SITE_URL"] = site_url
    zensical = Path(sys.executable).with_name("zensical")
    started = time.perf_counter()
    result = subprocess.run([str(zensical), "build", "--clean", "-f", "mkdocs.yml"], cwd=project_dir, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"Zensical build of {project_dir} failed:\n{result.stdout}{result.stderr}")
    return seconds


def write_twin_config(project_dir: Path, name: str = "mkdocs.plain.yml", nav: list | None = None) -> Path:
    """A plain-Material config beside `project_dir/mkdocs.yml`: same Markdown, nav, theme settings and
    extensions, `font: false` and search, but no macros, overrides, hooks or assets of ours."""
    empty = project_dir / ".plain-overrides"
    empty.mkdir(exist_ok=True)
    twin = {
        "INHERIT": "mkdocs.yml",
        # Material's defaults for the logo (its inline icon) and favicon, not ours.
        "theme": {"custom_dir": str(empty), "font": False, "logo": "", "icon": {"logo": "material/library"},
                  "favicon": "assets/images/favicon.png", "static_templates": []},
        "plugins": ["search"],
        "hooks": [],
        "extra_css": [],
        "extra_javascript": [],
        "extra": {"generator": False},
        "strict": False,
    }
    if nav is not None:
        twin["nav"] = nav
    path = project_dir / name
    path.write_text(json.dumps(twin, indent=1), encoding="utf-8")  # JSON is YAML
    return path


def real_project(destination: Path) -> Path:
    """A copy of the project as it is now (what a build reads), to build without touching the tree."""
    return copy_project(destination)


# The local server that gzips like GitHub Pages is shared with the tests: tests/siteserver.py.

# ---------------------------------------------------------------------------
# Chromium, sizes, output
# ---------------------------------------------------------------------------

def launch_chromium(playwright):
    """Debian's Chromium, headless (never a downloaded build)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)


def gzip_size(data: bytes | str) -> int:
    """Bytes on the wire once gzipped as the server does."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def kib(size: float) -> str:
    return f"{size / KIB:.1f}"


def print_table(headers: list[str], rows: list[list], title: str = "") -> None:
    """A plain aligned table (first column left, others right)."""
    if title:
        print(f"\n{title}")
    cells = [headers] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if index == 0:
            print("  ".join("-" * width for width in widths))


def emit_json(name: str, data: dict) -> None:
    """The one JSON line a script prints last; also saved as bench/out/<name>.json for check.py."""
    OUT.mkdir(exist_ok=True)
    line = json.dumps({"bench": name, **data}, separators=(",", ":"))
    (OUT / f"{name}.json").write_text(line + "\n", encoding="utf-8")
    print(line)


def page_names(site_dir: Path) -> list[str]:
    """The site's pages in nav order (MkDocs writes the sitemap in nav order), as site paths
    relative to the home page: "", "take-stock/", ..."""
    text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    urls = [part.split("</loc>", 1)[0].strip() for part in text.split("<loc>")[1:]]
    home = min(urls, key=len)
    return [url[len(home):] for url in urls]
