"""The owner's contact settings (mkdocs.yml `extra`): validated at build start, used by macros.

`extra.owner`, `extra.cta` and `extra.quick_exit_url` are read by the Contact page, the call to
action at the end of every page (overrides/partials/guide/cta.html) and the quick-exit control.
A malformed email or an address that is not https:// stops the build with a message that names
the setting, e.g. "mkdocs.yml: extra.owner.booking_url: must start with https://".
"""

from __future__ import annotations

import re
from typing import Annotated, Optional
from urllib.parse import quote, urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .datafiles import DataError, describe

# Deliberately loose: one "@", no spaces, a dot in the domain. Mail servers decide the rest.
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


# ---------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------

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


Text = Annotated[str, Field(min_length=1), BeforeValidator(lambda value: value.strip() if isinstance(value, str) else value)]
Email = Annotated[str, BeforeValidator(lambda value: value.strip() if isinstance(value, str) else value), AfterValidator(check_email)]
HttpsUrl = Annotated[str, AfterValidator(check_https)]
OptionalHttpsUrl = Annotated[Optional[HttpsUrl], BeforeValidator(blank_to_none)]


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

class Owner(BaseModel):
    """extra.owner: who readers reach from the Contact page."""

    model_config = ConfigDict(extra="forbid")

    name: Text
    role: Text
    bio: Text
    email: Email
    email_subject: Text = "A question about the guide"
    booking_url: OptionalHttpsUrl = None
    form_url: OptionalHttpsUrl = None
    helps_with: list[Text] = []

    @property
    def mailto(self) -> str:
        """A mailto: link that opens the reader's email app with the subject filled in."""
        return f"mailto:{self.email}?subject={quote(self.email_subject, safe='')}"


class CallToAction(BaseModel):
    """extra.cta: the short block at the end of every content page. `{owner}` in it becomes
    owner.name; a page may reword it with `cta_title:`, `cta_text:`, `cta_button:` (cta.html)."""

    model_config = ConfigDict(extra="forbid")

    title: Text
    text: Text
    button: Text


class ContactSettings(BaseModel):
    """The contact-related keys of mkdocs.yml `extra` (other keys there belong to others)."""

    owner: Owner
    cta: CallToAction
    # Required, not defaulted: the theme template reads mkdocs.yml itself, and a missing address
    # would give "Exit this page" an empty link that reloads the page instead of leaving it.
    quick_exit_url: HttpsUrl


KEYS = tuple(ContactSettings.model_fields)


def load(extra: dict | None) -> ContactSettings:
    """Validate `extra`'s contact settings, or raise DataError naming each bad setting."""
    raw = {key: value for key, value in (extra or {}).items() if key in KEYS}
    try:
        return ContactSettings.model_validate(raw)
    except ValidationError as error:
        lines = [f"mkdocs.yml: extra.{line}" for line in describe(error, raw)]
        raise DataError("\n".join(lines)) from None


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

def register(env, renderer) -> None:
    """Validate the settings at build start, then register the contact and privacy macros."""
    owner = load(env.conf.get("extra")).owner

    @env.macro
    def contact_options() -> str:
        """Contact page: the email button, and the booking link and form when configured."""
        return renderer.render(
            "partials/guide/contact.html", owner=owner, mailto=owner.mailto,
            booking_host=urlsplit(owner.booking_url).hostname if owner.booking_url else "",
            form_host=urlsplit(owner.form_url).hostname if owner.form_url else "",
        )

    @env.macro
    def clear_data_button() -> str:
        """Privacy page: a button that forgets everything this site stored in the browser."""
        return renderer.render("partials/guide/clear-data.html")
