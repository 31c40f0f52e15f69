"""Quizzes: load docs/data/quizzes/ at build start and register `{{ quiz("id") }}`.

The models are in quiz_models.py, links to pages in links.py; this module checks what needs the docs
folder (linked pages exist) and renders one quiz with one template.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .datafiles import DataError, load_collection, load_file, lookup
from .host import current_page, docs_dir
from .links import Linker
from .quiz_models import SCALE, STRAINED_POINTS, KnowledgeCheck, Quiz, SelfAssessment
from .templates import UniqueIds, safe_heading_level

KIND = "quiz"
FOLDER = Path("docs/data/quizzes")
TEMPLATE = "partials/guide/quiz.html"
HELPLINES_TEMPLATE = "partials/guide/helplines.html"
SAFETY_PAGE = "safety.md"


def load(project_dir: Path, docs: Path | None = None) -> dict[str, KnowledgeCheck | SelfAssessment]:
    """Every quiz, validated, with linked pages checked against `docs`; raises DataError."""
    folder = Path(project_dir) / FOLDER
    quizzes = {quiz_id: quiz.root for quiz_id, quiz in load_collection(folder, Quiz, KIND).items()}
    docs = Path(docs) if docs else Path(project_dir) / "docs"
    problems = [f"{folder / quiz_id}.yml: {problem}"
                for quiz_id, quiz in quizzes.items() for problem in missing_pages(quiz, docs)]
    if problems:
        raise DataError(f"{len(problems)} quiz link(s) point to missing pages:\n" + "\n".join(problems))
    return quizzes


def page_links(quiz) -> list[tuple[str, object]]:
    """`(field path, Link)` for every link a self-assessment makes to a page."""
    if not isinstance(quiz, SelfAssessment):
        return []
    return ([(f"bands[{band_index}].links[{link_index}].page", link)
             for band_index, band in enumerate(quiz.bands) for link_index, link in enumerate(band.links)]
            + [(f"statements[{index}].link.page", statement.link)
               for index, statement in enumerate(quiz.statements) if statement.link])


def missing_pages(quiz, docs: Path) -> list[str]:
    """`field.path: reason` for each linked page that is not in the docs folder."""
    problems = [f"{field}: no page '{link.path}' in {docs.name}/ (use a file name from docs/, e.g. take-stock.md)"
                for field, link in page_links(quiz) if not (docs / link.path).is_file()]
    if isinstance(quiz, SelfAssessment) and quiz.flagged and not (docs / SAFETY_PAGE).is_file():
        number = quiz.flagged[0][0]
        problems.append(f"statements[{number - 1}].safety_flag: the safety result links to {SAFETY_PAGE}, "
                        f"which is not in {docs.name}/")
    return problems


def anchor_links(quiz) -> list[tuple[str, str, str]]:
    """`(field path, page file, anchor)` for each link into a part of a page (`page.md#part`).

    The anchors exist only once the pages are rendered: anchor_problems checks them then."""
    return [(field, link.path, link.page.partition("#")[2]) for field, link in page_links(quiz) if "#" in link.page]


def anchor_problems(project_dir: Path, anchors_of: Callable[[str], set[str] | None]) -> list[str]:
    """One line for each quiz link into a part of a page (`take-stock.md#try-this`) that the page does not
    have. `anchors_of(page file)` gives the ids a rendered page offers as link targets (None: not known).
    Files that cannot be read are left out: loading them has already named their mistakes."""
    problems = []
    for path in sorted((Path(project_dir) / FOLDER).glob("*.y*ml")):
        if b".md#" not in path.read_bytes():
            continue  # most quizzes link whole pages: no need to read them again
        try:
            quiz = load_file(path, Quiz).root
        except DataError:
            continue
        for field, page, anchor in anchor_links(quiz):
            anchors = anchors_of(page)
            if anchors is not None and anchor not in anchors:
                problems.append(f"{os.path.relpath(path, project_dir)}: {field}: {page} has no part '#{anchor}' "
                                "(use the id of a heading on that page, or leave out the # and what follows)")
    return problems


def register(env, renderer, shared) -> None:
    """Validate all quiz files now (build start) and register `{{ quiz("id") }}`."""
    quizzes = shared.quizzes
    linker = Linker(env, docs_dir(env))
    ids = UniqueIds()

    def link(target, page) -> dict:
        return {"href": linker.href(target.page, page), "text": target.text or linker.title(target.path)}

    @env.macro
    def quiz(quiz_id: str, heading_level: int = 3, searchable: bool = True) -> str:
        """Render a quiz; on the quizzes page pass `searchable=False` so search lists it once."""
        item = lookup(quizzes, KIND, quiz_id)
        page = current_page(env)
        level = safe_heading_level(heading_level)
        context = {"script": shared.scripts.tag("quiz", page)}  # quiz.js, once per page
        if isinstance(item, SelfAssessment):
            # Each band's links are its own: two bands may link the same page with different words.
            context["band_links"] = [[link(target, page) for target in band.links] for band in item.bands]
            context["statement_links"] = [link(statement.link, page) if statement.link else None
                                          for statement in item.statements]
            # Partners can compare their answers (share.js, loaded by the pages of self-assessments only).
            context["script"] += shared.scripts.tag("share", page)
            if item.flagged:
                # The helplines for a raised flag travel in an attribute: guide.js shows them only then,
                # and a text browser, which shows hidden markup, prints no result before any answer.
                # Under the result's own heading (a level below the quiz's).
                context["help_html"] = renderer.render_html(HELPLINES_TEMPLATE, helplines=shared.helplines,
                                                            level=min(level + 2, 6))
        return renderer.render(
            TEMPLATE,
            quiz=item,
            quiz_id=quiz_id,
            prefix=ids.prefix(page, f"q-{quiz_id}"),
            level=level,
            searchable=searchable,
            scale=SCALE,
            strained=STRAINED_POINTS,
            safety_href=linker.href(SAFETY_PAGE, page),
            safety_url=linker.url(SAFETY_PAGE, page),  # for quiz.js, which makes the result's link
            quick_exit_url=shared.settings.quick_exit_url,
            **context,
        )
