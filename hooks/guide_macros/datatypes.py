"""The building blocks every data model shares: one strict base model, one text type, one id type.

No MkDocs imports. The JSON Schema published for editors is generated from models built on these,
so what an editor accepts and what the build accepts stay the same (tests/test_schema_agreement.py).
"""

from __future__ import annotations

import re
from typing import Annotated, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

# Lower-case words joined by hyphens: file names, field ids, call-to-action names.
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# At least one character that is not a space: an empty or blank text is a mistake.
NOT_BLANK = r"\S"
# A phone number and nothing else: digits, spaces, hyphens, brackets, and + only at the start.
PHONE_PATTERN = r"^\+?[0-9 ()-]*[0-9][0-9 ()-]*$"
# A country's two-letter code, as phone numbers use it (GB, IE, US, AU).
COUNTRY_PATTERN = r"^[A-Z]{2}$"

# Markdown or HTML where plain text is expected: texts in data files are shown as written, so
# `**word**` would show its stars. Refused with a message instead (AUTHORING.md says so).
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|\*\*|__|(?<!\w)[*_][^\s*_][^*_]*[*_](?!\w)|`|\]\(|^\s*#{1,6}\s", re.MULTILINE)


class Strict(BaseModel):
    """Base of every data model.

    - Unknown keys are mistakes: a typo like `lables:` would otherwise vanish silently.
    - Strict types: `time: "10"` or `best: yes` are refused, as an editor checking the schema does.
    - Stray spaces around text are dropped.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)


def plain_text(text: str) -> str:
    """Refuse Markdown or HTML in a text the site shows as written."""
    found = MARKUP.search(text)
    if found:
        raise ValueError(
            f"'{found.group(0).strip()}' looks like Markdown or HTML, but this text is shown exactly as "
            "written: leave the marks out (to stress a word, choose a stronger word)"
        )
    return text


def whole_float_to_int(value):
    """10.0 is the whole number 10 to a JSON Schema editor; so it is to the build (10.5 is refused by both)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# A whole number: strict (`"10"` is text, refused), but 10.0 counts, as in the published schema.
WholeNumber = Annotated[int, BeforeValidator(whole_float_to_int)]
# Text the reader sees: not blank, no markup.
Text = Annotated[str, Field(pattern=NOT_BLANK), AfterValidator(plain_text)]
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Lower-case words joined by hyphens, e.g. `more-of`.")]
PhoneNumber = Annotated[str, Field(pattern=PHONE_PATTERN, description="Only the number, as the service writes it.")]
CountryCode = Annotated[str, Field(pattern=COUNTRY_PATTERN, description="A two-letter country code: GB, IE, US, AU...")]


def kinds_of(models) -> tuple[str, ...]:
    """The `kind:` values of the models a discriminated union picks from."""
    return tuple(get_args(model.model_fields["kind"].annotation)[0] for model in models)


def is_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


def suggested_id(value: str) -> str:
    """What a bad id would be as a good one: 'Date Night' becomes 'date-night'."""
    return "-".join(re.findall(r"[a-z0-9]+", value.lower())) or "my-id"
