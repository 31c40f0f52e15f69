"""Real help, named once and kept checked: docs/data/helplines.yml, shown wherever help is offered.

Every page with `quick_exit: true` lists every service from the file, each number a link that dials
that number; no page shows a phone number that is not in the file; a check older than a year, in
the future or missing, or a number that is not a real number of its section's country, stops the
build with one line naming the service and the field. Sources are standing pages, never news.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import phonenumbers
import pytest
import yaml

import project
from guide_macros import helplines
from guide_macros.datafiles import DataError
from project import text
from sitebuild import stopped

# Something that looks like a phone number: digits with spaces, dashes or brackets, at least six digits.
PHONE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d ()-]{4,}\d(?![\w/])")
# A source that is an event, not a standing page: news, press releases, blogs, newsletters, terms.
NOT_STANDING = re.compile(r"/(news|newsevents|press|press-releases?|media-releases?|blogs?|category|tag|newsletters?|"
                          r"respectext|terms[\w-]*|privacy[\w-]*)(/|$)", re.IGNORECASE)


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def all_numbers() -> set[str]:
    """Every number the helplines file gives (phones, text numbers, emergency numbers), as digits."""
    found = set()
    for region in project.helplines().regions:
        found.update(digits(number) for number in region.emergency)
        for service in region.services:
            found.update(digits(number) for number in (service.phone, service.text and service.text.number) if number)
    return found


def dials(href: str, shown: str, country: str) -> bool:
    """A tel:/sms: link dials the number shown: E.164 for a full number, plain digits for a short one."""
    target = href.partition(":")[2]
    if phonenumbers.is_valid_number(phonenumbers.parse(shown, country)) and target.startswith("+"):
        return phonenumbers.parse(target) == phonenumbers.parse(shown, country)
    return target == digits(shown) or target == digits(phonenumbers.format_number(
        phonenumbers.parse(shown, country), phonenumbers.PhoneNumberFormat.NATIONAL))


# --- The file as it stands ---------------------------------------------------------------------------

def test_the_file_is_valid_every_check_recent_and_every_source_a_standing_page():
    data = helplines.load(project.ROOT)
    for region in data.regions:
        for service in region.services:
            assert date.today() - service.checked <= helplines.MAX_AGE, service.name
            assert service.source.startswith("https://") and service.web.startswith("https://"), service.name
            assert service.phone or service.text, service.name
            assert not NOT_STANDING.search(urlsplit(service.source).path), (
                f"{service.name}: {service.source} is a news item, blog post, newsletter or terms page, not a standing page")


def test_help_for_everyone_at_risk_in_the_uk():
    """Who each UK service is for, so a man, an LGBT+ reader, a reader in each nation and a reader worried
    about their own behaviour each see at once which number is theirs (CONTENT.md, "Care and safety")."""
    uk = next(region for region in project.helplines().regions if region.country == "GB")
    who = " ".join(service.who for service in uk.services)
    for reader in ("Women", "Men", "LGBT+", "Scotland", "Wales", "Northern Ireland", "own behaviour"):
        assert reader in who, f"no UK service says it is for: {reader}"


@pytest.mark.parametrize("page", project.quick_exit_pages())
def test_every_page_with_quick_exit_lists_every_service(content_pages, parse, page):
    shown = text(parse(content_pages[project.built(page)]).find("article"))
    help_list = parse(content_pages[project.built(page)]).select_one("article .g-help")
    assert help_list, f"{page}: no helplines"
    assert help_list.parent.name != "p", f"{page}: the helplines are inside a paragraph"
    for region in project.helplines().regions:
        assert region.region in shown, page
        for number in region.emergency:
            link = help_list.find("a", string=number)
            assert link and dials(link["href"], number, region.country), f"{page}: {region.region}'s emergency number"
        for service in region.services:
            assert service.name in shown, f"{page}: {service.name}"
            if service.phone:
                link = help_list.find("a", href=re.compile("^tel:"), string=service.phone)
                assert link and dials(link["href"], service.phone, region.country), f"{page}: {service.name}'s call link"
            if service.text:
                link = help_list.find("a", href=re.compile("^sms:"), string=service.text.number)
                assert link and dials(link["href"], service.text.number, region.country), f"{page}: {service.name}'s text link"
            if service.how:
                assert " ".join(service.how.split()) in shown, f"{page}: what to do on {service.name}'s call"
            assert help_list.find("a", href=service.web), f"{page}: {service.name}'s web address"
    assert " ".join(project.helplines().elsewhere.split()) in shown, "what to do in any other country"


def test_no_page_shows_a_number_that_is_not_in_the_helplines_file(content_pages, parse):
    known = all_numbers()
    for name, path in content_pages.items():
        article = parse(path).find("article")
        shown = " ".join(element.get_text(" ") for element in article.find_all(string=True)
                         if element.parent.name not in ("time", "code"))
        numbers = {number.strip() for number in PHONE.findall(shown)}
        assert {digits(number) for number in numbers} <= known, f"{name}: {numbers} are not all in docs/data/helplines.yml"


# --- Numbers: the phonenumbers check, in-process --------------------------------------------------------

def uk_service(data: dict, index: int = 0) -> dict:
    return data["regions"][0]["services"][index]


def load_changed(tmp_path, change) -> str:
    """The problems `helplines.load` finds in a copy of the real file changed by `change(data)` ('' if none)."""
    source = project.ROOT / helplines.FILE
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    target = tmp_path / helplines.FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    try:
        helplines.load(tmp_path)
    except DataError as error:
        return str(error)
    return ""


@pytest.mark.parametrize(("number", "problem"), [
    ("0808 2000 24T", "write only the number"),       # a letter: a character check
    ("0808 2000 24", "not a whole United Kingdom (GB) number"),  # a digit missing: only the library sees it
    ("999, then press 55", "what to do on the call goes in `how:`"),
    ("+1 866 331 9474", "is a number of another country (US, +1), not of United Kingdom (GB)"),
    ("55", "not a whole United Kingdom (GB) number"),
])
def test_a_number_that_cannot_be_dialled_is_refused_naming_the_service(tmp_path, number, problem):
    name = []
    found = load_changed(tmp_path, lambda data: (name.append(uk_service(data)["name"]), uk_service(data).update(phone=number)))
    assert f"regions[0].services[0].phone ({name[0]}): " in found and problem in found, found
    assert len(found.splitlines()) == 1


@pytest.mark.parametrize("number", ["+44 808 2000 247", "(0808) 2000 247", "0808-2000-247", "116 123", "999"])
def test_every_way_of_writing_a_real_number_is_accepted_and_dialled(tmp_path, number):
    """International form, brackets, hyphens; short numbers are dialled without a country code."""
    assert load_changed(tmp_path, lambda data: uk_service(data).update(phone=number)) == ""
    region = helplines.Region.model_validate({"region": "United Kingdom", "country": "GB", "services": [
        {**yaml.safe_load((project.ROOT / helplines.FILE).read_text(encoding="utf-8"))["regions"][0]["services"][0],
         "phone": number}]})
    dial = region.services[0].dial
    assert dials(f"tel:{dial}", number, "GB")
    assert dial.startswith("+44") or dial == digits(number)


def test_text_numbers_emergency_numbers_and_the_country_are_checked_too(tmp_path):
    data = yaml.safe_load((project.ROOT / helplines.FILE).read_text(encoding="utf-8"))

    def change(changed):
        uk_service(changed, 1)["text"] = {"number": "0786 007733", "keyword": "HELP"}  # a digit short
        changed["regions"][-1]["emergency"] = ["9 1 1 1"]
    found = load_changed(tmp_path, change)
    assert f"regions[0].services[1].text.number ({uk_service(data, 1)['name']}): '0786 007733' is not a whole" in found
    last = len(data["regions"]) - 1
    assert f"regions[{last}].emergency[0] ({data['regions'][last]['region']}): '9 1 1 1' is not a whole" in found
    found = load_changed(tmp_path, lambda changed: changed["regions"][0].update(country="UK"))
    assert f"regions[0].country ({data['regions'][0]['region']}): 'UK' is not a country code the number check " \
           "knows; did you mean GB?" in found


# --- Checks and messages: in-process, then one broken build ----------------------------------------------

@pytest.mark.parametrize(("change", "message"), [
    (lambda service: service.update(checked=date.today() - timedelta(days=400)),
     "regions[0].services[0].checked ({name}): last checked on"),
    (lambda service: service.pop("checked"), "regions[0].services[0].checked ({name}): missing"),
    (lambda service: service.update(checked=date.today() + timedelta(days=3)),
     "regions[0].services[0].checked ({name}): {future} is in the future"),
    (lambda service: service.update(checked="last week"),
     "regions[0].services[0].checked ({name}): should be a date written YYYY-MM-DD"),
    (lambda service: (service.pop("phone", None), service.pop("text", None)),
     "regions[0].services[0] ({name}): needs a `phone:` or a `text:`"),
    (lambda service: service.update(phone=999), "regions[0].services[0].phone ({name}): should be text"),
])
def test_every_problem_names_the_service_and_the_field(tmp_path, change, message):
    data = yaml.safe_load((project.ROOT / helplines.FILE).read_text(encoding="utf-8"))
    name = uk_service(data)["name"]
    found = load_changed(tmp_path, lambda data: change(uk_service(data)))
    expected = message.format(name=name, future=(date.today() + timedelta(days=3)).isoformat())
    assert f"{tmp_path / helplines.FILE}: {expected}" in found, found


def test_the_build_stops_with_one_plain_line_per_helpline_mistake(project_copy, tmp_path):
    """Three independent mistakes in one copy: each its own line naming the service, from the MkDocs
    build and from `./guide check`, with no traceback."""
    path = project_copy / helplines.FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    services = data["regions"][0]["services"]
    services[0]["phone"] = "0808 2000 24"
    services[1]["checked"] = date.today() - timedelta(days=400)
    services[2].pop("phone", None), services[2].pop("text", None)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        for line in (f"regions[0].services[0].phone ({services[0]['name']}): '0808 2000 24' is not a whole",
                     f"regions[0].services[1].checked ({services[1]['name']}): last checked on",
                     f"regions[0].services[2] ({services[2]['name']}): needs a `phone:` or a `text:`"):
            assert line in log, log
