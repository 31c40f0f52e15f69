"""Worksheets: load docs/data/worksheets/ at build start and register `{{ worksheet("id") }}`.

To add a data-driven component, copy this shape: strict models (worksheet_models.py) ->
`load_collection` in `register` -> one macro that renders one template.
"""

from __future__ import annotations

from pathlib import Path

from .datafiles import load_collection, lookup
from .host import current_page, docs_dir
from .links import Linker, page_url, source_path
from .pagecalls import calls_in_order
from .templates import UniqueIds, safe_heading_level
from .worksheet_models import Worksheet

KIND = "worksheet"
FOLDER = Path("docs/data/worksheets")
TEMPLATE = "partials/guide/worksheet.html"


def load(project_dir: Path) -> dict[str, Worksheet]:
    """Every worksheet, validated; a bad file raises DataError naming the file, field and reason."""
    return load_collection(Path(project_dir) / FOLDER, Worksheet, KIND)


def register(env, renderer, shared) -> None:
    """Validate all worksheet files now (build start) and register `{{ worksheet("id") }}`."""
    worksheets = shared.worksheets
    ids = UniqueIds()
    docs = docs_dir(env)
    linker = Linker(env, docs)
    homes: dict[str, str] = {}

    def home_of(worksheet_id: str, page) -> tuple[str, int]:
        """The page a worksheet lives on (the first in reading order that calls it), site-relative as
        in the nav, and how many worksheets live there: progress marks in the nav come from these."""
        if not homes:
            for call in calls_in_order(env.conf.get("nav"), docs, linker.title):
                if call.kind == KIND:
                    homes.setdefault(call.id, call.page)
        home = homes.get(worksheet_id, source_path(page))
        return page_url(home, linker.directory_urls), sum(1 for where in homes.values() if where == home) or 1

    @env.macro
    def worksheet(worksheet_id: str, heading_level: int = 3) -> str:
        """Render a worksheet: its title, purpose and prompts go into the site search."""
        sheet = lookup(worksheets, KIND, worksheet_id)
        page = current_page(env)
        home, alongside = home_of(worksheet_id, page)
        return renderer.render(
            TEMPLATE,
            sheet=sheet,
            sheet_id=worksheet_id,
            home=home,
            alongside=alongside,
            # share.js, for the partner comparison, only on the pages of shareable worksheets
            # Its script, then sharing's (which uses it), each once per page.
            script=shared.scripts.tag("worksheet", page) + (shared.scripts.tag("share", page) if sheet.shareable else ""),
            prefix=ids.prefix(page, f"ws-{worksheet_id}"),
            level=safe_heading_level(heading_level),
        )
