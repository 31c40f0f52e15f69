"""Index pages that keep themselves: `{{ workbook() }}` and `{{ quiz_index() }}`.

Both list what the pages really call, in reading order (pagecalls.py), so the owner never types a
title, a link or a count twice, and adding a worksheet or a quiz to a page is enough.
"""

from __future__ import annotations

from .host import current_page, docs_dir
from .links import Linker, source_path
from .pagecalls import calls_in_order
from .quiz_models import SelfAssessment
from .templates import safe_heading_level

WORKBOOK_TEMPLATE = "partials/guide/workbook.md"
QUIZ_INDEX_TEMPLATE = "partials/guide/quiz-index.md"


def register(env, renderer, shared) -> None:
    """Register the two index macros; the data files they name were validated by their features."""
    docs = docs_dir(env)
    linker = Linker(env, docs)

    def calls(kind: str) -> tuple[object, list]:
        page = current_page(env)
        return page, [call for call in calls_in_order(env.conf.get("nav"), docs, linker.title, skip=source_path(page))
                      if call.kind == kind]

    @env.macro
    def workbook() -> str:
        """Every worksheet on the guide's pages, linked where it lives, with the buttons that gather them."""
        page, found = calls("worksheet")
        sheets = shared.worksheets
        entries = [{"title": sheets[call.id].title if call.id in sheets else call.id,
                    "href": linker.markdown_href(f"{call.page}#ws-{call.id}", page),
                    "page_title": call.page_title, "page_href": linker.markdown_href(call.page, page)} for call in found]
        # worksheet.js sets up the worksheets the buttons bring onto the page.
        return renderer.render_markdown(WORKBOOK_TEMPLATE, entries=entries, script=shared.scripts.tag("worksheet", page))

    @env.macro
    def quiz_index(heading_level: int = 2) -> str:
        """Every self-assessment, then every knowledge check, each linked where it lives."""
        page, found = calls("quiz")
        quizzes = shared.quizzes
        assessments, checks = [], []
        for call in found:
            item = quizzes.get(call.id)
            entry = {"id": call.id, "title": item.title if item else call.id,
                     "href": linker.markdown_href(f"{call.page}#q-{call.id}", page),
                     "page_title": call.page_title, "page_href": linker.markdown_href(call.page, page)}
            (assessments if isinstance(item, SelfAssessment) else checks).append(entry)
        return renderer.render_markdown(QUIZ_INDEX_TEMPLATE, assessments=assessments, checks=checks,
                               level=safe_heading_level(heading_level))
