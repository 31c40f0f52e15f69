"""Real help, named once: docs/data/helplines.yml and the `{{ helplines() }}` macro.

Every service carries the day its details were last checked against a standing page, and that
page's address. The build stops when a check is missing or more than a year old, so a number that
has changed cannot sit on the site unnoticed. Each number is checked with `phonenumbers` (the
Python port of Google's libphonenumber) as a number of its section's country: a letter, a missing
digit or another country's number is refused, naming the service. The list is shown wherever help
is offered: the Safety page, the "If you feel afraid" box and the result of a self-check that
raised a safety flag (quiz.js copies the page's list there).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo
from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator

from .datafiles import DataError, read_yaml
from .datatypes import CountryCode, PhoneNumber, Strict, Text
from .messages import describe
from .settings import HttpsUrl
from .templates import safe_heading_level

FILE = Path("docs/data/helplines.yml")
TEMPLATE = "partials/guide/helplines.html"
MAX_AGE = timedelta(days=366)

# Codes an owner might write for a country, and the one phone numbers use.
LIKELY_CODES = {"UK": "GB", "EN": "GB", "EI": "IE"}


class TextService(Strict):
    """A text-message service: its own number, and the word to send if it asks for one."""

    number: PhoneNumber = Field(description="The number to text, only the number, as the service writes it.")
    keyword: Text | None = Field(None, description="The word to send, e.g. START (leave it out if any message will do).")


class Service(Strict):
    """One helpline, as a standing page of the service (or of a public body that lists it) describes it."""

    name: Text
    who: Text = Field(description="Who it is for, in a few plain words: women, men, LGBT+ people, a UK nation...")
    phone: PhoneNumber | None = Field(None, description="The number to call, only the number, as the service writes it.")
    how: Text | None = Field(None, description="What to do on the call, e.g. 'If you cannot speak, press 55 when asked.'")
    text: TextService | None = Field(None, description="Its text-message service: `number:` and, if it asks for one, `keyword:`.")
    web: HttpsUrl = Field(description="The service's own web address.")
    hours: Text | None = Field(None, description="Opening hours, only as the `source` page states them.")
    checked: date = Field(description="The day these details were last checked against `source` (YYYY-MM-DD).")
    source: HttpsUrl = Field(description="A standing page of the service, of the body that runs it, or of a public "
                                         "service that lists it, where the number and hours were checked.")
    _country: str = PrivateAttr("")

    @property
    def host(self) -> str:
        """The web address as a reader would say it: 'samaritans.org'."""
        return (urlsplit(self.web).hostname or self.web).removeprefix("www.")

    @property
    def dial(self) -> str | None:
        """What a `tel:` link dials (see `dial_string`)."""
        return dial_string(self.phone, self._country) if self.phone else None

    @property
    def sms(self) -> str | None:
        """What an `sms:` link texts (see `dial_string`)."""
        return dial_string(self.text.number, self._country) if self.text else None


class Region(Strict):
    """The services for one country or region."""

    region: Text = Field(description="A country or region, e.g. 'United Kingdom'.")
    country: CountryCode = Field(description="The country's two-letter code (GB, IE, US, AU): "
                                                              "every number in this section is checked as one of its numbers.")
    emergency: list[PhoneNumber] = Field(default=[], description="The emergency numbers there, e.g. [\"999\", \"112\"].")
    services: list[Service] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def known_country(cls, country: str) -> str:
        if country not in phonenumbers.SUPPORTED_REGIONS:
            likely = LIKELY_CODES.get(country)
            raise ValueError(f"'{country}' is not a country code the number check knows; "
                             + (f"did you mean {likely}?" if likely else "use its two-letter code, like GB, IE, US or AU"))
        return country

    @property
    def emergency_links(self) -> list[tuple[str, str]]:
        """Each emergency number as written, with what its `tel:` link dials."""
        return [(number, dial_string(number, self.country)) for number in self.emergency]

    @model_validator(mode="after")
    def tell_services_their_country(self) -> Region:
        """A service's links are dialled as numbers of its section's country."""
        for service in self.services:
            service._country = self.country
        return self


class Helplines(Strict):
    """The whole file."""

    regions: list[Region] = Field(min_length=1)
    elsewhere: Text = Field(description="What a reader in any other country can do.")


# ---- Loading and checking --------------------------------------------------------------------------

def load(project_dir: Path, today: date | None = None) -> Helplines:
    """The helplines, validated, every number real and every check recent; DataError otherwise, one
    line per mistake naming the service (or the region) and the field."""
    path = Path(project_dir) / FILE
    if not path.is_file():
        raise DataError(f"{path}: missing; the Safety page and the safety results list the helplines from this file")
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the file should be lines of `key: value` (see the example in AUTHORING.md)")
    try:
        helplines = Helplines.model_validate(raw)
    except ValidationError as error:
        raise DataError("\n".join(f"{path}: {named(line, raw)}" for line in describe(error, raw))) from None
    problems = stale_checks(helplines, today or date.today()) + number_problems(helplines)
    if problems:
        raise DataError("\n".join(f"{path}: {problem}" for problem in problems))
    return helplines


PLACE = re.compile(r"^regions\[(\d+)\](?:\.services\[(\d+)\])?")


def named(line: str, raw) -> str:
    """`regions[0].services[2].phone: ...` becomes `regions[0].services[2].phone (Samaritans): ...`: the
    owner finds a service by its name faster than by counting entries from 0."""
    found = PLACE.match(line)
    field, colon, reason = line.partition(": ")
    if not found or not colon:
        return line
    name = _name_at(raw, int(found.group(1)), found.group(2) and int(found.group(2)))
    return f"{field} ({name}): {reason}" if name else line


def _name_at(raw, region: int, service: int | None) -> str | None:
    try:
        block = raw["regions"][region]
        block = block["services"][service] if service is not None else block
        value = block["name" if service is not None else "region"]
    except (KeyError, IndexError, TypeError):
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def stale_checks(helplines: Helplines, today: date) -> list[str]:
    """`regions[0].services[1].checked (Samaritans): ...` for each check in the future or older than a
    year, and each service with neither a phone nor a text number."""
    problems = []
    for region_index, region in enumerate(helplines.regions):
        for index, service in enumerate(region.services):
            where = f"regions[{region_index}].services[{index}]"
            if service.checked > today:
                problems.append(f"{where}.checked ({service.name}): {service.checked.isoformat()} is in the future "
                                f"(today is {today.isoformat()})")
            elif today - service.checked > MAX_AGE:
                problems.append(
                    f"{where}.checked ({service.name}): last checked on {service.checked.isoformat()}, more than a "
                    f"year ago; check its number and hours on {service.source}, then set the date you checked")
            if not (service.phone or service.text):
                problems.append(f"{where} ({service.name}): needs a `phone:` or a `text:` with its `number:`")
    return problems


def number_problems(helplines: Helplines) -> list[str]:
    """One line per number that is not a real number of its section's country."""
    problems = []
    for region_index, region in enumerate(helplines.regions):
        where = f"regions[{region_index}]"
        for index, number in enumerate(region.emergency):
            if problem := number_problem(number, region):
                problems.append(f"{where}.emergency[{index}] ({region.region}): {problem}")
        for index, service in enumerate(region.services):
            for field, number in (("phone", service.phone), ("text.number", service.text and service.text.number)):
                if number and (problem := number_problem(number, region)):
                    problems.append(f"{where}.services[{index}].{field} ({service.name}): {problem}")
    return problems


def number_problem(number: str, region: Region) -> str | None:
    """Why `number` cannot be dialled as a number of `region`'s country, or None: a full number
    valid there, or a short number of that country (116 123, 988, 999, 000)."""
    country = region.country
    try:
        parsed = phonenumbers.parse(number, country)
    except NumberParseException:
        return f"'{number}' is not a phone number; copy it again from the service's page"
    if phonenumbers.is_valid_number_for_region(parsed, country):
        return None
    if phonenumbers.is_valid_number(parsed):
        elsewhere = phonenumbers.region_code_for_number(parsed)
        return (f"'{number}' is a number of another country ({elsewhere}, +{parsed.country_code}), not of "
                f"{region.region} ({country}); check it, or put the service in that country's section")
    if shortnumberinfo.is_valid_short_number_for_region(parsed, country):
        return None
    return (f"'{number}' is not a whole {region.region} ({country}) number: a digit may be missing, extra or "
            "wrong; copy it again from the service's page")


def dial_string(number: str, country: str) -> str:
    """What a `tel:` or `sms:` link holds: the E.164 form (+448082000247) of a full number that can be
    dialled from anywhere; the digits a phone dials there for a short number (116123, 988, 999: never
    with a country code) and for a number only that country can dial (Australia's 1800 and 13 numbers)."""
    try:
        parsed = phonenumbers.parse(number, country)
    except NumberParseException:
        return re.sub(r"[^\d+]", "", number)
    if not phonenumbers.is_valid_number(parsed):
        return re.sub(r"\D", "", number)
    if phonenumbers.can_be_internationally_dialled(parsed):
        return phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    return re.sub(r"\D", "", phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL))


# ---- Macro -----------------------------------------------------------------------------------------

def register(env, renderer, shared) -> None:
    """Register `{{ helplines() }}` (the file was validated at build start, in features.py)."""
    data = shared.helplines

    @env.macro
    def helplines(heading_level: int = 3, headings: bool = True) -> str:
        """Every service, by region, with the emergency numbers and what to do elsewhere; inside a box
        that comes before the page's first section, `headings=False` names the regions in bold instead."""
        return renderer.render(TEMPLATE, helplines=data, level=safe_heading_level(heading_level) if headings else None)
