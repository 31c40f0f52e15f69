"""Build a copy of the site the way CI does, for tests that need a finished or a broken build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# The project under test: this checkout, or (GUIDE_PROJECT) a copy the owner-change test has edited.
ROOT = Path(os.environ.get("GUIDE_PROJECT") or Path(__file__).resolve().parent.parent).resolve()
# What a build reads; tests copy only this so a broken fixture never touches the real tree.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "schemas")


def build_env() -> dict[str, str]:
    """Environment for a build: quiet Material's end-of-life banner, keep the configured site_url."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    return env


def mkdocs_build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project_dir` into `site_dir`; the caller checks the result."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_dir / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project_dir, env=build_env(), capture_output=True, text=True, timeout=300,
    )


def zensical_build(project_dir: Path) -> subprocess.CompletedProcess:
    """`zensical build` of `project_dir` into its `site/`; the caller checks the result."""
    zensical = Path(sys.executable).with_name("zensical")
    command = [str(zensical) if zensical.exists() else shutil.which("zensical"), "build", "-f", "mkdocs.yml"]
    return subprocess.run(command, cwd=project_dir, env=build_env(), capture_output=True, text=True, timeout=300)


def copy_project(destination: Path) -> Path:
    """Copy what a build reads into `destination`, so a test can break it safely."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


def output(result: subprocess.CompletedProcess) -> str:
    """What a build printed, for assertion messages."""
    return (result.stdout or "") + (result.stderr or "")
