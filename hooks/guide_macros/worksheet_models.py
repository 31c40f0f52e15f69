"""Worksheet files (docs/data/worksheets/<id>.yml): the models that validate them. No MkDocs imports.

The single source of truth: they validate the owner's files at build start, generate
`schemas/worksheet.schema.json` (see `schemas.py`) and feed `overrides/partials/guide/worksheet.html`.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Annotated, ClassVar, Literal, Union

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from .datatypes import Id, Strict, Text, WholeNumber, kinds_of


class FieldBase(Strict):
    """What every field has: an id (unique in its worksheet, used to save answers) and a prompt."""

    id: Id = Field(description="Unique within the worksheet. Changing it forgets saved answers.")
    label: Text = Field(description="The prompt the reader answers.")
    hint: Text | None = Field(None, description="Optional short help shown under the prompt.")
    plan: bool = Field(False, description="true: the answer is something the reader commits to; it shows on My plan.")
    talk: Text | None = Field(None, description=(
        "With `shareable: true` (then on every field): a question for both partners, shown when their answers differ."))

    def structure(self) -> list:
        """What saved answers depend on; wording may change freely, this may not."""
        return [self.id, self.kind]


class ShortField(FieldBase):
    """A one-line answer."""

    kind: Literal["short"]


class LongField(FieldBase):
    """A few lines of writing; `lines` is how many ruled lines print on paper."""

    kind: Literal["long"]
    lines: WholeNumber = Field(4, ge=2, le=20, description="Ruled lines on paper (2 to 20).")


class ChecklistField(FieldBase):
    """Tick any that apply."""

    kind: Literal["checklist"]
    items: list[Text] = Field(min_length=1, description="One line per box to tick.")

    @field_validator("items")
    @classmethod
    def items_differ(cls, items: list[str]) -> list[str]:
        repeated = sorted({item for item in items if items.count(item) > 1})
        if repeated:
            raise ValueError(f"the same item appears twice: {', '.join(repeated)}; every box needs its own words")
        return items

    def structure(self) -> list:
        return [self.id, self.kind, self.items]


class ScaleField(FieldBase):
    """Pick one number on a scale (0 to 10 unless `min`/`max` say otherwise); both ends are labelled."""

    kind: Literal["scale"]
    min: WholeNumber = Field(0, ge=0, le=9, description="Lowest number (0 to 9).")
    max: WholeNumber = Field(10, ge=1, le=10, description="Highest number (1 to 10), more than `min`.")
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


class Column(Strict):
    """A table column: a place to write, or (`tick: true`) a box to tick, e.g. one per day."""

    title: Text
    tick: bool = Field(False, description="true: each row has a box to tick instead of a space to write.")


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
    rows: WholeNumber = Field(4, ge=1, le=15, description="Lines in each column (1 to 15).")

    @property
    def table_columns(self) -> list[Column]:
        return [Column(title=title) for title in self.columns]

    def structure(self) -> list:
        return [self.id, self.kind, len(self.columns), self.rows]


class TableField(GridField):
    """A grid with named columns and a fixed number of rows, e.g. a week of agreements."""

    kind: Literal["table"]
    columns: list[Column] = Field(min_length=1, max_length=10, description="One to ten columns, each with a `title:`.")
    rows: WholeNumber = Field(ge=1, le=20, description="How many rows (1 to 20).")

    @property
    def table_columns(self) -> list[Column]:
        return self.columns

    def structure(self) -> list:
        return [self.id, self.kind, [column.tick for column in self.columns], self.rows]


# `kind:` picks the model, so an error names the right keys for that kind of field.
FIELD_MODELS = (ShortField, LongField, ChecklistField, ScaleField, TwoColumnField, TableField)
WorksheetField = Annotated[Union[FIELD_MODELS], Field(discriminator="kind")]

FREQUENCIES = ("once", "daily", "weekly", "monthly", "when needed")
WHO = ("one person", "both partners", "one person or both")


class Worksheet(Strict):
    """One worksheet file. The file name is its id: `take-stock.yml` is `worksheet("take-stock")`."""

    model_config = ConfigDict(title="Worksheet")
    # The kinds of field, for a message about a field without `kind:` (messages.py).
    KINDS: ClassVar[tuple[str, ...]] = kinds_of(FIELD_MODELS)

    title: Text
    purpose: Text = Field(description="One sentence: what the reader gets out of it.")
    instructions: Text = Field(description="How to fill it in, in a few short sentences.")
    time: WholeNumber = Field(ge=1, le=240, description="About how many minutes it takes (1 to 240).")
    frequency: Literal[FREQUENCIES] = Field(description="How often to do it.")
    who: Literal[WHO] = Field(description="Who fills it in.")
    why: Text = Field(description="Why it helps, in one or two sentences.")
    shareable: bool = Field(False, description=(
        "true: the reader can send their answers to their partner in a private link, to compare them. "
        "Every field then needs a `talk:`."))
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

    @field_validator("fields")
    @classmethod
    def talk_where_shared(cls, fields: list, info: ValidationInfo) -> list:
        # A difference with nothing to say about it leaves a couple stuck; a `talk:` nobody sees is a slip.
        shared = info.data.get("shareable", False)
        places = [f"fields[{index}] ({field.id})" for index, field in enumerate(fields) if (field.talk is None) == shared]
        if places and shared:
            raise ValueError(f"{' and '.join(places)} {'needs' if len(places) == 1 else 'need'} a `talk:` line, "
                             "because the worksheet is `shareable: true`: a question that helps you both talk "
                             "when your answers differ")
        if places:
            raise ValueError(f"{' and '.join(places)} {'has' if len(places) == 1 else 'have'} a `talk:` line, which "
                             "readers see only on a shareable worksheet: add `shareable: true` at the top, or "
                             "remove the line")
        return fields

    @property
    def version(self) -> str:
        """A short fingerprint of the answer layout: saved answers only come back into the same layout."""
        layout = json.dumps([field.structure() for field in self.fields], separators=(",", ":"))
        return hashlib.sha256(layout.encode()).hexdigest()[:10]
