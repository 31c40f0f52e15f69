"""Worksheets: load docs/data/worksheets/ at build start and register `{{ worksheet("id") }}`.

To add a data-driven component, copy this shape: strict models (worksheet_models.py) ->
`load_collection` in `register` -> one macro that renders one template.
"""

from __future__ import annotations

from pathlib import Path

from .datafiles import load_collection, lookup
from .host import current_page
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

    @env.macro
    def worksheet(worksheet_id: str, heading_level: int = 3) -> str:
        """Render a worksheet: its title, purpose and prompts go into the site search."""
        sheet = lookup(worksheets, KIND, worksheet_id)
        page = current_page(env)
        return renderer.render(
            TEMPLATE,
            sheet=sheet,
            sheet_id=worksheet_id,
            prefix=ids.prefix(page, f"ws-{worksheet_id}"),
            level=safe_heading_level(heading_level),
        )
