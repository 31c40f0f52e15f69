"""`./guide check`: every check that stops the build, in one step, for either engine (issue 28).

Each rule is tested where it lives (test_coverage.py, test_content.py, test_owner_mistakes.py...).
Here: the guide passes; the check reads the project as MkDocs does; one broken copy with a mistake
for each check stops `./guide check`, `GUIDE_ENGINE=zensical ./guide build` and a bare `zensical
build`, with the same plain lines; a mistake only the built pages show stops the Zensical build after
Zensical has built; the Pages workflow checks, and builds with GUIDE_ENGINE.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

import project
from guide_macros import check as checks
from guide_macros import helplines, quizzes, worksheets
from guide_macros.links import page_url
from guide_macros.pageshape import SOURCES_HEADING
from sitebuild import ROOT, check, guide, output, zensical_build

# The checkout's own workflow (an edited copy of the project, GUIDE_PROJECT, has none of its own).
WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "pages.yml"


def no_traceback(log: str) -> None:
    assert "Traceback" not in log and 'File "' not in log, log[-3000:]


# ---------------------------------------------------------------------------
# The guide itself
# ---------------------------------------------------------------------------

def test_the_guide_passes_every_check_before_and_after_either_engine(site_dir, zensical_site):
    result = check(ROOT)
    assert result.returncode == 0, output(result)
    assert "no mistakes found" in result.stdout
    for site in (site_dir, zensical_site):
        result = check(ROOT, site)
        assert result.returncode == 0, output(result)


def test_the_check_reads_the_pages_and_the_nav_as_mkdocs_does(site_dir, content_pages, parse):
    """The same pages, each followed by the page MkDocs' footer links as next."""
    read = checks.read_project(ROOT / "mkdocs.yml")
    assert read.problems == []
    built = {project.built(page.src): page for page in read.pages}
    assert sorted(built) == sorted(content_pages)
    for name, page in built.items():
        following = parse(content_pages[name]).select_one("a.md-footer__link--next")
        expected = urljoin("/" + name, following["href"]) if following else None
        assert (("/" + page_url(page.next_page)) if page.next_page else None) == expected, name


def test_a_link_lands_on_headings_and_components_but_not_inside_them(html_pages, parse):
    """As MkDocs sees them (rawhtml.py hides a component's inside from it): ids inside a worksheet or
    a quiz are not link targets; the component's own id and the page's headings are."""
    page = project.where_used("worksheet", next(iter(project.first_use("worksheet"))))[0]
    path = html_pages[project.built(page)]
    soup = parse(path)
    parser = checks.LinkTargets()
    parser.feed(path.read_text(encoding="utf-8"))
    section = soup.select_one("section.g-ws")
    inside = {tag["id"] for tag in section.find_all(id=True)}
    headings = {tag["id"] for tag in soup.select("article h2[id], article h3[id]") if not tag.find_parent("section")}
    assert inside and headings
    assert section["id"] in parser.ids and headings <= parser.ids
    assert not inside & parser.ids
    assert not {"__drawer", "__search"} & parser.ids, "the theme's own ids are not parts of the page"


# ---------------------------------------------------------------------------
# A mistake for each check, in one copy
# ---------------------------------------------------------------------------

def edit(path: Path, old: str | re.Pattern, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
    assert changed != text, f"{path.name}: nothing to change"
    path.write_text(changed, encoding="utf-8")


def edit_yaml(path: Path, change) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return data


def break_every_check(copy: Path) -> list[str]:
    """One mistake for each check, each on its own page or file; the lines that must name them."""
    docs = copy / "docs"
    steps = [page for page in project.pages(copy) if project.front_matter(page, copy).get("covers")]
    with_next = [page for page in project.pages(copy) if "**Next:**" in project.source(page, copy)
                 and page not in steps[:2]]
    plain = [page for page in project.pages(copy) if page not in steps and page not in with_next]
    expected = []

    # Coverage: a point that does not exist.
    edit(docs / steps[0], "covers: [", "covers: [P42, ")
    expected.append(f"docs/{steps[0]}: covers names unknown point 'P42'")
    # Page shape: a step without its sources.
    edit(docs / steps[1], f"## {SOURCES_HEADING}", "## Read more")
    expected.append(f"docs/{steps[1]}: a step of the course (a page with `covers:`) ends with a section")
    # Page shape: a Next line that does not follow the nav.
    edit(docs / with_next[0], re.compile(r"(\*\*Next:\*\*[^\[]*\[[^\]]*\]\()[^)#\s]+"), rf"\g<1>{project.pages(copy)[0]}")
    expected.append(f"docs/{with_next[0]}: the **Next:** line links to {project.pages(copy)[0]}, but the next page")
    # Front matter: no description.
    edit(docs / plain[0], re.compile(r"(?m)^description:.*\n"), "")
    expected.append(f"docs/{plain[0]}: front matter needs a description")
    # A call left as text.
    (docs / plain[1]).write_text(project.source(plain[1], copy) + '\n{ quiz("single-braces") }\n', encoding="utf-8")
    line = project.source(plain[1], copy).count("\n")
    expected.append(f'docs/{plain[1]}, line {line}: {{ quiz("single-braces") }} was not run')
    # Helplines: a check more than a year old.
    old = date.today() - timedelta(days=400)
    edit_yaml(copy / helplines.FILE, lambda data: data["regions"][0]["services"][0].update(checked=old))
    name = yaml.safe_load((copy / helplines.FILE).read_text(encoding="utf-8"))["regions"][0]["services"][0]["name"]
    expected.append(f"{copy / helplines.FILE}: regions[0].services[0].checked ({name}): last checked on")
    # A worksheet's model: a kind that does not exist.
    sheet = sorted((copy / worksheets.FOLDER).glob("*.yml"))[0]
    edit_yaml(sheet, lambda data: data["fields"][0].update(kind="shrot"))
    expected.append(f"{sheet}: fields[0].kind: 'shrot' is not a kind")
    # The settings' model: an email address without its domain.
    edit(copy / "mkdocs.yml", re.compile(r"(?m)^(    email: ).*$"), r"\g<1>hello@example")
    expected.append("mkdocs.yml: extra.owner.email: 'hello@example' is not an email address")
    # A quiz link to a page that does not exist.
    quiz_id = next(quiz_id for quiz_id, quiz in project.assessments(copy).items() if quiz.bands[0].links)
    quiz = copy / quizzes.FOLDER / f"{quiz_id}.yml"
    edit_yaml(quiz, lambda data: data["bands"][0]["links"][0].update(page="take-stok.md"))
    expected.append(f"{quiz}: bands[0].links[0].page: no page 'take-stok.md' in docs/")
    return expected


def test_a_mistake_for_each_check_stops_check_and_both_ways_of_building_with_zensical(project_copy):
    expected = break_every_check(project_copy)

    result = guide(project_copy, "check")
    assert result.returncode == 1, output(result)
    for line in expected:
        assert line in result.stderr, f"./guide check did not say: {line}\n{result.stderr}"
    no_traceback(output(result))
    assert result.stderr.strip().splitlines()[-1].startswith("Stopped: fix each line above")

    result = guide(project_copy, "build", engine="zensical")
    assert result.returncode != 0
    for line in expected:
        assert line in result.stderr, f"GUIDE_ENGINE=zensical ./guide build did not say: {line}"
    no_traceback(output(result))
    assert not (project_copy / "site").exists(), "the checks stop the build before Zensical starts"

    # Zensical on its own (no ./guide): the macros package runs the same checks and stops it.
    result = zensical_build(project_copy)
    assert result.returncode != 0
    for line in expected:
        assert line in output(result), f"zensical build did not say: {line}"


def test_under_zensical_serve_the_checks_print_once_and_the_server_keeps_running(project_copy, capsys):
    expected = break_every_check(project_copy)
    checks.stop_on_mistakes(project_copy, raise_them=False)
    printed = capsys.readouterr().err
    assert all(line in printed for line in expected), printed
    checks.stop_on_mistakes(project_copy, raise_them=False)
    assert capsys.readouterr().err == "", "the same files: nothing new to say"
    with pytest.raises(Exception, match="extra.owner.email"):
        checks.stop_on_mistakes(project_copy)  # zensical build


def test_a_link_into_a_missing_part_of_a_page_stops_the_zensical_build_once_zensical_has_built(project_copy):
    """Parts of pages exist only in the built pages: `./guide build` checks them after the engine."""
    page = next(page for page in project.pages(project_copy) for kind, _ in project.calls(page, project_copy)
                if kind == "worksheet")
    quiz_id = next(quiz_id for quiz_id, quiz in project.assessments(project_copy).items() if quiz.bands[0].links)
    quiz = project_copy / quizzes.FOLDER / f"{quiz_id}.yml"
    edit_yaml(quiz, lambda data: data["bands"][0]["links"][0].update(page=f"{page}#no-such-part"))
    result = guide(project_copy, "build", engine="zensical")
    assert result.returncode != 0
    assert (f"docs/data/quizzes/{quiz_id}.yml: bands[0].links[0].page: {page} has no part '#no-such-part'"
            in result.stderr), output(result)[-2000:]
    no_traceback(output(result))
    assert (project_copy / "site" / project.built(page)).is_file(), "Zensical built the site first"


# ---------------------------------------------------------------------------
# One switch: GUIDE_ENGINE, for ./guide and the Pages workflow
# ---------------------------------------------------------------------------

def test_an_unknown_engine_is_named_with_the_two_there_are(tmp_path):
    result = guide(tmp_path, "build", engine="hugo")
    assert result.returncode == 1
    assert "GUIDE_ENGINE is 'hugo': set it to mkdocs or zensical" in result.stderr


def run_lines(job: dict) -> list[str]:
    return [line.strip() for step in job.get("steps", []) for line in str(step.get("run", "")).splitlines()
            if line.strip()]


def test_the_pages_workflow_checks_and_builds_with_the_engine_guide_engine_names():
    workflow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "GUIDE_ENGINE" in workflow.get("env", {}), "one setting for the whole workflow"
    jobs = workflow["jobs"]
    everything = [line for job in jobs.values() for line in run_lines(job)]
    assert "./guide check" in everything, "the workflow runs the checks on their own, one line per mistake"
    for name, job in jobs.items():
        assert "GUIDE_ENGINE" not in job.get("env", {}), f"{name}: sets its own engine"
        for step in job.get("steps", []):
            assert "GUIDE_ENGINE" not in step.get("env", {}), f"{name}: a step sets its own engine"
    for line in everything:
        assert not re.match(r"(\S*/)?(mkdocs|zensical)\b", line), f"builds without ./guide (and its checks): {line}"
    [publisher] = [job for job in jobs.values() if any("upload-pages-artifact" in step.get("uses", "")
                                                       for step in job.get("steps", []))]
    steps = publisher["steps"]
    build = next(index for index, step in enumerate(steps) if "./guide build" in str(step.get("run", "")))
    upload = next(index for index, step in enumerate(steps) if "upload-pages-artifact" in step.get("uses", ""))
    assert build < upload and steps[upload]["with"]["path"] == "site"
    assert "./guide check" in run_lines(jobs["test"]), "pull requests are checked too"
