"""Worksheets: one YAML file per worksheet in docs/data/worksheets/, the `worksheet(id)` macro.

The models below are the single source of truth: they validate the owner's files at build start,
generate `schemas/worksheet.schema.json` (see `schemas.py`) and feed the template
`overrides/partials/guide/worksheet.html`. To add a data-driven component, copy this shape:
strict models -> `load_collection` in `register` -> one macro that renders one template.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Annotated, Literal, Union
from urllib.parse import urljoin

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from .datafiles import Strict, Text, load_collection, lookup
from .templates import UniqueIds, safe_heading_level

KIND = "worksheet"
FOLDER = Path("docs/data/worksheets")
TEMPLATE = "partials/guide/worksheet.html"

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Lower-case words joined by hyphens, e.g. `more-of`.")]


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------

class FieldBase(Strict):
    """What every field has: an id (unique in its worksheet, used to save answers) and a prompt."""

    id: Slug = Field(description="Unique within the worksheet. Changing it forgets saved answers.")
    label: Text = Field(description="The prompt the reader answers.")
    hint: str | None = Field(None, description="Optional short help shown under the prompt.")

    def structure(self) -> list:
        """What saved answers depend on; wording may change freely, this may not."""
        return [self.id, self.kind]


class ShortField(FieldBase):
    """A one-line answer."""

    kind: Literal["short"]


class LongField(FieldBase):
    """A few lines of writing; `lines` is how many ruled lines print on paper."""

    kind: Literal["long"]
    lines: int = Field(4, ge=2, le=20, description="Ruled lines on paper (2 to 20).")


class ChecklistField(FieldBase):
    """Tick any that apply."""

    kind: Literal["checklist"]
    items: list[Text] = Field(min_length=1, description="One line per box to tick.")

    @field_validator("items")
    @classmethod
    def items_differ(cls, items: list[str]) -> list[str]:
        repeated = sorted({item for item in items if items.count(item) > 1})
        if repeated:
            raise ValueError(f"the same item appears twice: {', '.join(repeated)}")
        return items

    def structure(self) -> list:
        return [self.id, self.kind, self.items]


class ScaleField(FieldBase):
    """Pick one number on a scale (0 to 10 unless `min`/`max` say otherwise); both ends are labelled."""

    kind: Literal["scale"]
    min: int = Field(0, ge=0, le=10, description="Lowest number (0 to 10).")
    max: int = Field(10, ge=0, le=10, description="Highest number (0 to 10), more than `min`.")
    low: Text = Field(description="What the lowest number means, e.g. 'Not at all'.")
    high: Text = Field(description="What the highest number means, e.g. 'Completely'.")

    @field_validator("max")
    @classmethod
    def above_min(cls, top: int, info: ValidationInfo) -> int:
        bottom = info.data.get("min")
        if bottom is not None and top <= bottom:
            raise ValueError(f"max ({top}) must be more than min ({bottom})")
        return top

    @property
    def numbers(self) -> range:
        return range(self.min, self.max + 1)

    def structure(self) -> list:
        return [self.id, self.kind, self.min, self.max]


# Room for a worksheet's table on the narrowest phone we design for (320 px wide): about 17em. In
# guide.css a written column takes at least 7em and a tick column 2.2em (each plus ~0.4em padding),
# and on phones a table with ticks keeps its first column at least 10em wide.
PHONE_TABLE_EM = 17


class GridField(FieldBase):
    """A field drawn as a table (worksheet.html): its `table_columns` and whether it needs the hint."""

    @property
    def scrolls_on_phones(self) -> bool:
        """Wider than a small phone, so the worksheet says to scroll sideways."""
        columns = self.table_columns
        widths = [2.6 if column.tick else 7.4 for column in columns]
        if any(column.tick for column in columns):
            widths[0] = max(widths[0], 10.4)
        return sum(widths) > PHONE_TABLE_EM


class TwoColumnField(GridField):
    """Two lists side by side, e.g. 'More of' and 'Less of'."""

    kind: Literal["two-column"]
    columns: list[Text] = Field(min_length=2, max_length=2, description="The two column titles.")
    rows: int = Field(4, ge=1, le=15, description="Lines in each column (1 to 15).")

    @property
    def table_columns(self) -> list[Column]:
        return [Column(title=title) for title in self.columns]

    def structure(self) -> list:
        return [self.id, self.kind, len(self.columns), self.rows]


class Column(Strict):
    """A table column: a place to write, or (`tick: true`) a box to tick, e.g. one per day."""

    title: Text
    tick: bool = Field(False, description="true: each row has a box to tick instead of a space to write.")


class TableField(GridField):
    """A grid with named columns and a fixed number of rows, e.g. a week of agreements."""

    kind: Literal["table"]
    columns: list[Column] = Field(min_length=1, max_length=10)
    rows: int = Field(ge=1, le=20, description="How many rows (1 to 20).")

    @property
    def table_columns(self) -> list[Column]:
        return self.columns

    def structure(self) -> list:
        return [self.id, self.kind, [column.tick for column in self.columns], self.rows]


# `kind:` picks the model, so an error names the right keys for that kind of field.
WorksheetField = Annotated[
    Union[ShortField, LongField, ChecklistField, ScaleField, TwoColumnField, TableField],
    Field(discriminator="kind"),
]

FREQUENCIES = ("once", "daily", "weekly", "monthly", "when needed")
WHO = ("one person", "both partners", "one person or both")


class Worksheet(Strict):
    """One worksheet file. The file name is its id: `take-stock.yml` is `worksheet("take-stock")`."""

    model_config = ConfigDict(title="Worksheet")

    title: Text
    purpose: Text = Field(description="One sentence: what the reader gets out of it.")
    instructions: Text = Field(description="How to fill it in, in a few short sentences.")
    time: int = Field(ge=1, le=240, description="About how many minutes it takes.")
    frequency: Literal[FREQUENCIES] = Field(description="How often to do it.")
    who: Literal[WHO] = Field(description="Who fills it in.")
    why: Text = Field(description="Why it helps, in one or two sentences.")
    fields: list[WorksheetField] = Field(min_length=1, description="The prompts, in order.")

    @field_validator("why")
    @classmethod
    def one_or_two_sentences(cls, why: str) -> str:
        sentences = [part for part in re.split(r"(?<=[.!?])\s+", why) if part]
        if len(sentences) > 2:
            raise ValueError(f"keep it to one or two sentences (found {len(sentences)})")
        return why

    @field_validator("fields")
    @classmethod
    def ids_are_unique(cls, fields: list) -> list:
        first: dict[str, int] = {}
        for index, field in enumerate(fields):
            if field.id in first:
                raise ValueError(
                    f"field id '{field.id}' is used twice (fields[{first[field.id]}] and fields[{index}]); "
                    "every field needs its own id"
                )
            first[field.id] = index
        return fields

    @property
    def version(self) -> str:
        """A short fingerprint of the answer layout: saved answers only come back into the same layout."""
        layout = json.dumps([field.structure() for field in self.fields], separators=(",", ":"))
        return hashlib.sha256(layout.encode()).hexdigest()[:10]


# ---------------------------------------------------------------------------
# Macro
# ---------------------------------------------------------------------------

def load(project_dir: Path) -> dict[str, Worksheet]:
    """Every worksheet, validated; a bad file raises DataError naming the file, field and reason."""
    return load_collection(Path(project_dir) / FOLDER, Worksheet, KIND)


def page_address(site_url: str | None, page) -> str | None:
    """The page's public address for the printed footer; Zensical has no `canonical_url`, both have `url`."""
    if not site_url or page is None:
        return None
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", getattr(page, "url", "") or "")


def register(env, renderer) -> None:
    """Validate all worksheet files now (build start) and register `{{ worksheet("id") }}`."""
    worksheets = load(env.project_dir)
    ids = UniqueIds()

    @env.macro
    def worksheet(worksheet_id: str, heading_level: int = 3) -> str:
        """Render a worksheet: its title, purpose and prompts go into the site search."""
        sheet = lookup(worksheets, KIND, worksheet_id)
        page = getattr(env, "page", None)
        return renderer.render(
            TEMPLATE,
            sheet=sheet,
            sheet_id=worksheet_id,
            prefix=ids.prefix(page, f"ws-{worksheet_id}"),
            level=safe_heading_level(heading_level),
            footer=" · ".join(filter(None, [env.conf.get("site_name"), page_address(env.conf.get("site_url"), page)])),
        )
