"""Build a copy of the site the way CI does, for tests that need a finished or a broken build."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

# The project under test: this checkout, or (GUIDE_PROJECT) a copy the owner-change test has edited.
ROOT = Path(os.environ.get("GUIDE_PROJECT") or Path(__file__).resolve().parent.parent).resolve()
# What a build reads; tests copy only this so a broken fixture never touches the real tree.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "schemas")
# What `./guide` needs besides: the script and the pins it installs (its .venv is this one).
GUIDE_PARTS = ("guide", "requirements.txt", "requirements-dev.txt")


def build_env() -> dict[str, str]:
    """Environment for a build: quiet Material's end-of-life banner, keep the configured site_url."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    env.pop("GUIDE_ENGINE", None)
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


def check(project_dir: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    """`./guide check` of `project_dir` (with `site`: its step after a build, on the built pages), run in
    this process: the same entry point `./guide` calls (hooks/guide_macros/check.py), without the start-up."""
    from guide_macros import check as checks

    argv = ["-f", str(project_dir / "mkdocs.yml"), *(["--site", str(site)] if site else [])]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = checks.main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def stopped(project_dir: Path, site_dir: Path) -> list[str]:
    """Build a broken copy with MkDocs into `site_dir`, and run `./guide check` on it (what stops either
    engine first): both must stop, with no traceback. Their logs, for the test to find its lines in each."""
    logs = []
    for name, result in (("mkdocs build", mkdocs_build(project_dir, site_dir)), ("./guide check", check(project_dir))):
        log = output(result)
        assert result.returncode != 0, f"{name}: the mistake should stop it\n{log[-2000:]}"
        assert "Traceback" not in log and 'File "' not in log, log[-2000:]
        logs.append(log)
    return logs


def guide(project_dir: Path, *args: str, engine: str | None = None) -> subprocess.CompletedProcess:
    """`./guide <args>` in a project copy, as the owner runs it, with GUIDE_ENGINE=`engine` (unset: the
    default); the copy gets the script and the pins, and uses this checkout's virtual environment."""
    for part in GUIDE_PARTS:
        if not (project_dir / part).exists():
            shutil.copy2(Path(__file__).resolve().parent.parent / part, project_dir / part)
    venv = project_dir / ".venv"
    if not venv.exists():
        venv.symlink_to(Path(sys.executable).parent.parent)
    env = build_env() | ({"GUIDE_ENGINE": engine} if engine else {})
    return subprocess.run(["bash", str(project_dir / "guide"), *args], cwd=project_dir, env=env,
                          capture_output=True, text=True, timeout=300)


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
