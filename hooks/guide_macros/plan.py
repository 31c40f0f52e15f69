"""My plan: `{{ my_plan() }}` gathers every worksheet field marked `plan: true`, by step.

The build lays out, in reading order, each page whose worksheets have such fields, each worksheet and
each field's place; plan.js (loaded by this page only) fills in the reader's saved answers in their
browser and shows only what they wrote. Nothing of the reader's ever reaches the build.
"""

from __future__ import annotations

from .host import current_page, docs_dir
from .links import Linker, source_path
from .pagecalls import calls_in_order

TEMPLATE = "partials/guide/my-plan.html"


def register(env, renderer, shared) -> None:
    docs = docs_dir(env)
    linker = Linker(env, docs)

    @env.macro
    def my_plan() -> str:
        """Every `plan: true` field of every worksheet the pages call, grouped by page in nav order."""
        page = current_page(env)
        steps: dict[str, dict] = {}
        for call in calls_in_order(env.conf.get("nav"), docs, linker.title, skip=source_path(page)):
            sheet = shared.worksheets.get(call.id) if call.kind == "worksheet" else None
            fields = [field for field in sheet.fields if field.plan] if sheet else []
            if not fields:
                continue
            step = steps.setdefault(call.page, {"title": call.page_title, "href": linker.href(call.page, page), "sheets": []})
            step["sheets"].append({"id": call.id, "sheet": sheet, "fields": fields,
                                   "href": linker.href(f"{call.page}#ws-{call.id}", page)})
        return renderer.render(TEMPLATE, steps=list(steps.values()), script=shared.scripts.tag("plan", page))
