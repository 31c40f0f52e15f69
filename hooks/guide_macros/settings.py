"""The owner's settings in mkdocs.yml `extra`, validated once at build start. No MkDocs imports.

`extra.owner` (who readers reach), `extra.cta` (the boxes at the end of pages, by name) and
`extra.quick_exit_url` are read by the Contact and About pages, the end-of-page box
(overrides/partials/guide/cta.html) and the quick-exit control. A mistake stops the build with a
line that names the setting, e.g. "mkdocs.yml: extra.owner.booking_url: must start with https://".
"""

from __future__ import annotations

import re
from typing import Annotated, Optional
from urllib.parse import quote, urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, ValidationError, field_validator

from .datafiles import DataError
from .datatypes import Id, Strict, Text
from .messages import describe

# Deliberately loose: one "@", no spaces, a dot in the domain. Mail servers decide the rest.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# Words that would tell anyone glancing at a shared inbox, or the reader's sent mail, what it is about.
TELLING_WORDS = re.compile(
    r"relationship|partner|abus|divorc|break.?up|marri|husband|wife|boyfriend|girlfriend|affair|cheat|"
    r"counsel|therap|separat|dating", re.IGNORECASE)
DEFAULT_CTA = "default"


def check_email(value: str) -> str:
    """A plain address such as name@example.com (no "mailto:", no display name)."""
    if not EMAIL.fullmatch(value):
        raise ValueError(f"'{value}' is not an email address (write it like name@example.com)")
    return value


def check_https(value: str) -> str:
    """An https:// address with a host: the site is https, and readers' details must stay so."""
    if not value.startswith("https://"):
        raise ValueError("must start with https://")
    if not urlsplit(value).hostname or any(char.isspace() for char in value):
        raise ValueError(f"'{value}' is not a web address (write it like https://example.com/page)")
    return value


def blank_to_none(value):
    """An empty setting (`""` or nothing) means "not used"."""
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


Email = Annotated[str, BeforeValidator(lambda value: value.strip() if isinstance(value, str) else value),
                  AfterValidator(check_email)]
HttpsUrl = Annotated[str, AfterValidator(check_https)]
OptionalHttpsUrl = Annotated[Optional[HttpsUrl], BeforeValidator(blank_to_none)]


class Owner(Strict):
    """extra.owner: who wrote the article, and how readers reach them."""

    name: Text
    role: Text = Field(description="What they do, e.g. 'dating expert'.")
    bio: Text = Field(description="One or two sentences about them.")
    email: Email
    email_subject: Text = Field("A quick question", description=(
        "The subject a reader's email starts with; it gives nothing away in a shared inbox."))
    booking_url: OptionalHttpsUrl = None
    form_url: OptionalHttpsUrl = None
    paid_help: list[Text] = Field(default_factory=list, description=(
        "What the owner charges for; listed only on Contact and in a box with `paid_help: true`."))

    @field_validator("email_subject")
    @classmethod
    def gives_nothing_away(cls, subject: str) -> str:
        word = TELLING_WORDS.search(subject)
        if word:
            raise ValueError(f"'{subject}' says what the message is about ('{word.group(0)}...'); the subject shows "
                             "in the reader's sent mail and in any shared inbox, so keep it neutral, "
                             "like 'A quick question'")
        return subject

    @property
    def mailto(self) -> str:
        """A mailto: link that opens the reader's email app with the subject filled in."""
        return f"mailto:{self.email}?subject={quote(self.email_subject, safe='')}"


class CallToAction(Strict):
    """One box for the end of a page (`{owner}` becomes owner.name); a page picks it with `cta: <name>`."""

    title: Text
    text: Text
    button: Text
    paid_help: bool = Field(False, description="true: list the owner's paid help (owner.paid_help) in the box.")


class Settings(Strict):
    """The keys of mkdocs.yml `extra` that are ours (other keys there belong to others)."""

    owner: Owner
    cta: dict[Id, CallToAction] = Field(description="The end-of-page boxes by name; `default` is on every page "
                                                    "that does not pick another (or `cta: false`).")
    # Required, not defaulted: the theme template reads mkdocs.yml itself, and a missing address
    # would give "Exit this page" an empty link that reloads the page instead of leaving it.
    quick_exit_url: HttpsUrl

    @field_validator("cta")
    @classmethod
    def has_a_neutral_default(cls, boxes: dict[str, CallToAction]) -> dict[str, CallToAction]:
        if DEFAULT_CTA not in boxes:
            raise ValueError(f"needs a box named '{DEFAULT_CTA}' (shown on every page that does not pick another)")
        if boxes[DEFAULT_CTA].paid_help:
            raise ValueError(f"the '{DEFAULT_CTA}' box is on nearly every page, where readers are trying to save "
                             "their relationship: it cannot list paid help (use it in another box, such as "
                             "'starting-again')")
        return boxes


KEYS = tuple(Settings.model_fields)


def load(extra: dict | None) -> Settings:
    """Validate `extra`'s settings, or raise DataError naming each bad setting."""
    raw = {key: value for key, value in (extra or {}).items() if key in KEYS}
    try:
        return Settings.model_validate(raw)
    except ValidationError as error:
        lines = [f"mkdocs.yml: extra.{line}" for line in describe(error, raw)]
        raise DataError("\n".join(lines)) from None
