"""Real help, named once: docs/data/helplines.yml and the `{{ helplines() }}` macro.

Every service carries the day its details were last checked against its own published page, and
that page's address. The build stops when a check is missing or more than a year old, so a number
that has changed cannot sit on the site unnoticed. The list is shown wherever help is offered: the
Safety page, the "If you feel afraid" box and the result of a self-check that raised a safety flag
(guide.js copies the page's list there).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from .datafiles import DataError, load_file
from .datatypes import Strict, Text
from .settings import HttpsUrl
from .templates import safe_heading_level

FILE = Path("docs/data/helplines.yml")
TEMPLATE = "partials/guide/helplines.html"
MAX_AGE = timedelta(days=366)


class Service(Strict):
    """One helpline, as its own published page describes it."""

    name: Text
    who: Text = Field(description="Who it is for, in a few plain words.")
    phone: Text | None = Field(None, description="The number to call, written as the service writes it.")
    text: Text | None = Field(None, description="How to reach it by text message, e.g. 'text START to 88788'.")
    web: HttpsUrl = Field(description="The service's own web address.")
    hours: Text | None = Field(None, description="Opening hours, only as the service states them.")
    checked: date = Field(description="The day these details were last checked against `source` (YYYY-MM-DD).")
    source: HttpsUrl = Field(description="The page of the service (or of the body that runs it) the details were checked on.")

    @field_validator("phone")
    @classmethod
    def has_digits(cls, phone: str | None) -> str | None:
        if phone is not None and not re.search(r"\d", phone):
            raise ValueError(f"'{phone}' has no number in it; write the number as the service gives it")
        return phone

    @property
    def host(self) -> str:
        """The web address as a reader would say it: 'samaritans.org'."""
        return (urlsplit(self.web).hostname or self.web).removeprefix("www.")

    @property
    def dial(self) -> str | None:
        """The digits a phone dials, for a tel: link ("0808 2000 247" -> "08082000247", "999, then 55" -> "999")."""
        if not self.phone:
            return None
        first = re.match(r"[+\d][\d\s().-]*", self.phone.strip())
        return re.sub(r"[^\d+]", "", first.group(0)) if first else None


class Region(Strict):
    """The services for one country or region."""

    region: Text = Field(description="A country or region, e.g. 'United Kingdom'.")
    emergency: Text | None = Field(None, description="The emergency number there, e.g. '999'.")
    services: list[Service] = Field(min_length=1)


class Helplines(Strict):
    """The whole file."""

    regions: list[Region] = Field(min_length=1)
    elsewhere: Text = Field(description="What a reader in any other country can do.")


def load(project_dir: Path, today: date | None = None) -> Helplines:
    """The helplines, validated, with every check recent; raises DataError naming the entry and field."""
    path = Path(project_dir) / FILE
    if not path.is_file():
        raise DataError(f"{path}: missing; the Safety page and the safety results list the helplines from this file")
    helplines = load_file(path, Helplines)
    problems = stale_checks(helplines, today or date.today())
    if problems:
        raise DataError("\n".join(f"{path}: {problem}" for problem in problems))
    return helplines


def stale_checks(helplines: Helplines, today: date) -> list[str]:
    """`regions[0].services[1].checked: ...` for each check in the future or older than a year."""
    problems = []
    for region_index, region in enumerate(helplines.regions):
        for index, service in enumerate(region.services):
            field = f"regions[{region_index}].services[{index}].checked"
            if service.checked > today:
                problems.append(f"{field}: {service.checked.isoformat()} is in the future (today is {today.isoformat()})")
            elif today - service.checked > MAX_AGE:
                problems.append(
                    f"{field}: {service.name} was last checked on {service.checked.isoformat()}, more than a year "
                    f"ago; check its number and hours on {service.source}, then set the date you checked")
            if not (service.phone or service.text):
                problems.append(f"regions[{region_index}].services[{index}]: {service.name} needs a `phone:` or a `text:`")
    return problems


def register(env, renderer, shared) -> None:
    """Register `{{ helplines() }}` (the file was validated at build start, in features.py)."""
    data = shared.helplines

    @env.macro
    def helplines(heading_level: int = 3, headings: bool = True) -> str:
        """Every service, by region, with the emergency number and what to do elsewhere; inside a box
        that comes before the page's first section, `headings=False` names the regions in bold instead."""
        return renderer.render(TEMPLATE, helplines=data, level=safe_heading_level(heading_level) if headings else None)
