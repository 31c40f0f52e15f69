"""Where the macros package starts: shared data is loaded once, then each feature registers its macros.

Each feature module has a `register(env, renderer, shared)`; a bad data file or setting stops the
build at the start with one line per mistake. Add a new feature module to FEATURES here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import contact, helplines, indexes, pageerrors, plan, quizzes, rawhtml, settings, worksheets
from .datafiles import DataError
from .host import build_error, docs_dir, is_zensical, zensical_serving
from .scripts import PageScripts, minify_served_copies
from .templates import Renderer

# Feature modules, each with `register(env, renderer, shared)`; add new ones here.
FEATURES: tuple = (worksheets, contact, helplines, quizzes, indexes, plan)


@dataclass(frozen=True)
class Shared:
    """What several features read, validated once per build."""

    settings: settings.Settings
    helplines: helplines.Helplines
    worksheets: dict
    quizzes: dict
    scripts: PageScripts  # feature scripts, loaded only by the pages that use them


def define_env(env) -> None:
    """Called by mkdocs-macros (and Zensical) at the start of every build (Zensical: of every page)."""
    serving = False
    if is_zensical(env):
        # Zensical runs no MkDocs hooks: every check of `./guide check` runs here, once per state of the
        # files, so that even a bare `zensical build` stops on a mistake (`zensical serve` shows it).
        from .check import stop_on_mistakes
        serving = zensical_serving()
        stop_on_mistakes(Path(env.project_dir), raise_them=not serving)
    problems = setup(env)
    if problems and not serving:
        raise build_error("\n".join(problems))


def setup(env) -> list[str]:
    """Load and validate the shared data, then register every feature's macros on `env`; the owner's
    mistakes, one line each (nothing is registered when there are any). check.py calls this too."""
    renderer = Renderer(Path(env.project_dir) / "overrides", fenced=rawhtml.install(env))
    pageerrors.install(env)
    problems: list[str] = []

    def attempt(step):
        """Run one loading step; a mistake is kept, so the owner sees every mistake in one build."""
        try:
            return step()
        except DataError as error:
            problems.append(str(error))

    shared = Shared(
        settings=attempt(lambda: settings.load(env.conf.get("extra"))),
        helplines=attempt(lambda: helplines.load(env.project_dir)),
        worksheets=attempt(lambda: worksheets.load(env.project_dir)),
        quizzes=attempt(lambda: quizzes.load(env.project_dir, docs_dir(env))),
        scripts=PageScripts(env, docs_dir(env)),
    )
    if not problems:
        for feature in FEATURES:
            attempt(lambda: feature.register(env, renderer, shared))
    return problems


def on_post_build(env) -> None:
    """Called by mkdocs-macros after the site is written: the feature scripts, minified for readers."""
    minify_served_copies(Path(env.conf["site_dir"]), docs_dir(env))
