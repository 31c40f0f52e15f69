"""Every check that stops the build, in one step and without an engine: `./guide check`.

MkDocs runs the same rules from its hooks (hooks/*.py) while it builds; Zensical runs no hooks. So
`./guide build` and `./guide serve` run this first, whichever engine GUIDE_ENGINE names, and the
macros package runs it too when Zensical builds on its own (features.define_env). Each rule lives in
its own pure module; this file reads the project the way MkDocs would (mkdocs.yml, the pages and
their front matter, the nav) and hands each rule what it needs.

To add a check: write its rule in a pure module (no MkDocs imports), then add one line to
PAGE_CHECKS, PROJECT_CHECKS or SITE_CHECKS below (and, for MkDocs, a thin hook calling the same rule).

    python -m guide_macros.check [-f mkdocs.yml]          # the project's files
    python -m guide_macros.check [-f mkdocs.yml] --site [DIR]  # what needs the built pages
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pathspec
import yaml

from . import coverage, features, frontmatter, pageerrors, pagecalls, pageshape, quizzes
from .datafiles import yaml_problem
from .host import build_error
from .links import page_url

# ---------------------------------------------------------------------------
# The project, read the way MkDocs reads it
# ---------------------------------------------------------------------------

PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# MkDocs leaves these out of every site, whatever exclude_docs says.
DEFAULT_EXCLUDE = (".*", "/templates/")


@dataclass(frozen=True)
class Page:
    """One page of the guide, as the checks see it."""

    src: str  # its file in docs/, e.g. "take-stock.md"
    name: str  # its file as the owner sees it, e.g. "docs/take-stock.md"
    source: str  # the whole file
    meta: dict  # its front matter as MkDocs reads it ({} when it cannot be read)
    body: str  # the file after its front matter: what the macros render
    next_page: str | None  # the next page in the nav (its file in docs/), None for the last or unlisted


@dataclass
class Project:
    """mkdocs.yml, the docs folder and its pages; `problems` holds what stopped them being read."""

    root: Path
    config: dict
    docs: Path
    pages: list[Page] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    today: date = field(default_factory=date.today)

    def owner_path(self, path: Path) -> str:
        """A file as the owner sees it, e.g. docs/data/coverage.yml."""
        return os.path.relpath(path, self.root)


class ConfigLoader(frontmatter.SAFE_LOADER):
    """mkdocs.yml without MkDocs: `!ENV` reads the environment, `!!python/name:` stays a name."""


def _env_tag(loader, node):
    """`!ENV NAME` or `!ENV [NAME, OTHER_NAME, default]`, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", _env_tag)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)  # MkDocs' own (!relative)


def read_project(config_file: Path) -> Project:
    """The project whose settings are `config_file`; what cannot be read is named in `.problems`."""
    root = config_file.resolve().parent
    name = config_file.name
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=ConfigLoader)
    except FileNotFoundError:
        return Project(root, {}, root / "docs", problems=[f"{name}: not found; run this in the project's folder"])
    except yaml.YAMLError as error:
        return Project(root, {}, root / "docs", problems=[f"{name}: {yaml_problem(error)}"])
    if not isinstance(config, dict):
        return Project(root, {}, root / "docs", problems=[f"{name}: should be lines of `key: value`"])
    docs = root / str(config.get("docs_dir") or "docs")
    project = Project(root, config, docs)
    if not docs.is_dir():
        project.problems.append(f"{name}: docs_dir: no folder {project.owner_path(docs)}/")
        return project
    files = page_files(docs, config.get("exclude_docs"))
    in_nav = [page for _, page in pagecalls.nav_pages(config.get("nav"), docs) if page in files]
    following = dict(zip(in_nav, in_nav[1:]))
    for src in files:
        path = docs / src
        try:
            source = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            line = path.read_bytes()[:error.start].count(b"\n") + 1
            project.problems.append(f"{project.owner_path(path)}: line {line}: the file is not saved as UTF-8 text; "
                                    "open it in your editor and save it again with the encoding UTF-8")
            continue
        source = source.replace("\r\n", "\n")
        meta, body = frontmatter.read_front_matter(source)
        project.pages.append(Page(src, project.owner_path(path), source, meta, body, following.get(src)))
    return project


def page_files(docs: Path, exclude_docs) -> list[str]:
    """Every page file in docs/ MkDocs would build (exclude_docs and its own defaults left out), sorted."""
    lines = [*DEFAULT_EXCLUDE, *(str(exclude_docs or "").splitlines())]
    excluded = pathspec.GitIgnoreSpec.from_lines(lines)
    files = (path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.suffix in PAGE_SUFFIXES)
    return sorted(file for file in files if not excluded.match_file(file) and (docs / file).is_file())


# ---------------------------------------------------------------------------
# The checks: one line each, calling a rule in its own module
# ---------------------------------------------------------------------------

PageCheck = Callable[[Page, Project], Iterable[str | None]]
ProjectCheck = Callable[[Project], Iterable[str]]
SiteCheck = Callable[[Project, Path], Iterable[str]]

PAGE_CHECKS: tuple[PageCheck, ...] = (
    # Front matter: a description, a real `reviewed` date (needed with `covers:`), a `cta:` that names a box.
    lambda page, project: frontmatter.page_problems(page.name, page.source, page.meta, project.today,
                                                    frontmatter.cta_boxes(project.config.get("extra")),
                                                    frontmatter.selling_boxes(project.config.get("extra"))),
    # A **Next:** line links to the next page in the nav.
    lambda page, project: [pageshape.next_line_problem(page.src, page.name, page.source, page.next_page)],
    # A step of the course ends with `## What the research says` and one to three sources.
    lambda page, project: [pageshape.sources_problem(page.name, page.source, page.meta)],
    # No worksheet or quiz call is left on a page as text (`{ quiz("x") }`).
    lambda page, project: pagecalls.leftover_call_problems(page.name, page.source),
)

PROJECT_CHECKS: tuple[ProjectCheck, ...] = (
    # The data files and settings (their models), then every macro call on every page.
    lambda project: macro_problems(project),
    # Every point of the article (docs/data/coverage.yml) is on a page; pages name only real points.
    lambda project: coverage.map_problems(project.docs / coverage.MAP_FILE,
                                          project.owner_path(project.docs / coverage.MAP_FILE),
                                          {page.name: coverage.page_covers(page.meta, page.source)
                                           for page in project.pages}),
)

SITE_CHECKS: tuple[SiteCheck, ...] = (
    # A quiz link into part of a page (`take-stock.md#try-this`) finds that part in the built page.
    lambda project, site: quizzes.anchor_problems(project.root, lambda page: built_anchors(project, site, page)),
)


def source_problems(config_file: Path) -> list[str]:
    """Every mistake in the project's files, one owner-readable line each (a data file's are under one
    heading line, as the build prints them)."""
    project = read_project(config_file)
    if not project.config and project.problems:
        return project.problems  # no mkdocs.yml to read: nothing else can be checked
    problems = list(project.problems)
    for check in PROJECT_CHECKS:
        problems += [problem for problem in check(project) if problem]
    for page in project.pages:
        for check in PAGE_CHECKS:
            problems += [problem for problem in check(page, project) if problem]
    return problems


SITE_DIR_FROM_CONFIG = Path("\0site_dir")  # --site without a folder: the one mkdocs.yml names


def site_problems(config_file: Path, site: Path) -> list[str]:
    """What only the built pages can show (run after the engine has built them into `site`)."""
    project = read_project(config_file)
    if project.problems:
        return project.problems
    if site == SITE_DIR_FROM_CONFIG:
        site = project.root / str(project.config.get("site_dir") or "site")
    return [problem for check in SITE_CHECKS for problem in check(project, site) if problem]


# ---------------------------------------------------------------------------
# Macro calls: every page's calls rendered with the site's own macros
# ---------------------------------------------------------------------------

class CheckEnv:
    """What the macros package asks of the program running it (mkdocs-macros' `env`), to render here."""

    def __init__(self, project: Project):
        self.project_dir = str(project.root)
        self.conf = {**project.config, "docs_dir": str(project.docs)}
        self.variables: dict = {}
        self.macros: dict = {}
        self.filters: dict = {}
        self.page = None

    def macro(self, function, name: str = ""):
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function, name: str = ""):
        self.filters[name or function.__name__] = function
        return function


class Lenient(jinja2.ChainableUndefined):
    """mkdocs-macros' own variables a page may name (git, environment...): present, never checked."""


# mkdocs-macros' own macros, filters and variables, so a page using them is not taken for a slip.
BUILTIN_MACROS = {"now": datetime.now, "fix_url": lambda url: url, "context": lambda obj=None: {},
                  "macros_info": lambda: ""}
BUILTIN_FILTERS = {"pretty": lambda value: value, "relative_url": lambda value: value}
BUILTIN_VARIABLES = ("environment", "plugin", "git", "navigation", "files", "filters", "filters_builtin")
UNDEFINED = {"strict": jinja2.StrictUndefined, "silent": jinja2.Undefined, "lax": jinja2.Undefined}


def macros_settings(config: dict) -> dict:
    """The macros plugin's settings in mkdocs.yml (`plugins: - macros: {...}`)."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "macros" in plugin:
            return plugin["macros"] or {}
    return {}


def page_environment(project: Project, env: CheckEnv) -> jinja2.Environment:
    """A Jinja environment for pages, set up as the macros plugin's settings say."""
    settings = macros_settings(project.config)
    options = {key: settings[f"j2_{key}"] for key in ("block_start_string", "block_end_string",
                                                      "variable_start_string", "variable_end_string",
                                                      "comment_start_string", "comment_end_string")
               if settings.get(f"j2_{key}")}
    jinja = jinja2.Environment(loader=jinja2.FileSystemLoader(str(project.docs)),
                               undefined=UNDEFINED.get(settings.get("on_undefined"), jinja2.DebugUndefined),
                               **options)
    jinja.filters.update({**BUILTIN_FILTERS, **env.filters})
    jinja.globals.update({**BUILTIN_MACROS, **env.macros})
    return jinja


def renders(page: Page, settings: dict) -> bool:
    """Whether the macros plugin renders this page (`render_macros:` in its front matter decides)."""
    return page.meta.get("render_macros", settings.get("render_by_default", True)) is not False


def macro_problems(project: Project) -> list[str]:
    """The data files' and settings' mistakes (nothing can render then), else each page's failing call."""
    env = CheckEnv(project)
    problems = features.setup(env)
    if problems:
        return problems
    jinja = page_environment(project, env)
    settings = macros_settings(project.config)
    known = sorted({*BUILTIN_MACROS, *env.macros})
    directory_urls = project.config.get("use_directory_urls", True)
    for page in project.pages:
        if not renders(page, settings):
            continue
        env.page = SimpleNamespace(
            url=page_url(page.src, directory_urls), meta=page.meta, title=page.meta.get("title"),
            file=SimpleNamespace(src_uri=page.src, abs_src_path=str(project.docs / page.src),
                                 content_string=page.source))
        variables = {**dict.fromkeys(BUILTIN_VARIABLES, Lenient()), **(project.config.get("extra") or {}),
                     "config": project.config, **env.variables, **page.meta, "page": env.page}
        try:
            jinja.from_string(page.body).render(**variables)
        except Exception as error:  # noqa: BLE001 - any failure of a page's call is the owner's to fix
            problems.append(pageerrors.describe(error, page.name, page.source, page.body, known))
    return problems


# ---------------------------------------------------------------------------
# The built site: the parts of pages that links can land on
# ---------------------------------------------------------------------------

COMPONENTS = {"g-ws", "g-quiz"}  # ids inside a worksheet or a quiz are not link targets
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class LinkTargets(HTMLParser):
    """The ids of a built page's content (its <article>), leaving out those inside our components, as
    MkDocs' own anchor check sees them (rawhtml.py hides a component's inside from it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.open: list[tuple[str, str]] = []  # (tag, "out" | "in" | "component")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        state = self.open[-1][1] if self.open else "out"
        if state == "out" and tag == "article":
            state = "in"
        if state == "in" and attrs.get("id"):
            self.ids.add(attrs["id"])
        if state == "in" and COMPONENTS & set((attrs.get("class") or "").split()):
            state = "component"
        if tag not in VOID_TAGS:
            self.open.append((tag, state))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def built_anchors(project: Project, site: Path, page: str) -> set[str] | None:
    """The ids a link can land on in the built `page` (a file in docs/), or None when it was not built."""
    url = page_url(page, project.config.get("use_directory_urls", True))
    built = site / url / "index.html" if url.endswith("/") or not url else site / url
    if not built.is_file():
        return None
    parser = LinkTargets()
    parser.feed(built.read_text(encoding="utf-8"))
    return parser.ids


# ---------------------------------------------------------------------------
# Under Zensical, which runs no hooks, from the macros package
# ---------------------------------------------------------------------------

_last_run: dict[Path, tuple[tuple, list[str]]] = {}  # by project: the files' state and what it found


def files_state(root: Path, config_file: Path) -> tuple:
    """When and how big each file the checks read is: any edit changes it (so `serve` checks again)."""
    state = []
    for path in [config_file, *sorted((root / "docs").rglob("*")), *sorted((root / "overrides").rglob("*"))]:
        try:
            stat = path.stat()
        except OSError:  # removed while we looked
            continue
        state.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(state)


def stop_on_mistakes(project_dir: Path, raise_them: bool = True) -> None:
    """Raise the owner's mistakes as one error, or (`raise_them=False`, for a server that must keep
    running) print them once. Zensical calls define_env for every page: the checks run once for each
    state of the files."""
    config_file = project_dir / "mkdocs.yml"
    state = files_state(project_dir, config_file)
    new = project_dir not in _last_run or _last_run[project_dir][0] != state
    if new:
        _last_run[project_dir] = (state, source_problems(config_file))
    problems = _last_run[project_dir][1]
    if problems and raise_them:
        raise build_error("\n".join(problems))
    if problems and new:
        print("\n".join(problems), file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Print each mistake on its own line and return 1, or say all is well and return 0."""
    parser = argparse.ArgumentParser(prog="./guide check", description=(
        "Check the guide's pages, data files and settings as the build does, without building."))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's settings (default: mkdocs.yml)")
    parser.add_argument("--site", type=Path, nargs="?", const=SITE_DIR_FROM_CONFIG, help=(
        "after a build: check what needs the built pages (links into parts of pages) in this folder "
        "(default: mkdocs.yml's site_dir)"))
    args = parser.parse_args(argv)
    if args.site:
        problems = site_problems(args.config_file, args.site)
    else:
        problems = source_problems(args.config_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print("Stopped: fix each line above (AUTHORING.md says what the messages mean), then try again.",
              file=sys.stderr)
        return 1
    if not args.site:
        print("Checked the pages, data files and settings: no mistakes found.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
