"""Real help, named once and kept checked: docs/data/helplines.yml, shown wherever help is offered.

Every page with `quick_exit: true` lists every service from the file; no page shows a phone number
that is not in it; a check older than a year, in the future or missing stops the build, naming the
entry and the field.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import yaml

import project
from guide_macros import helplines
from guide_macros.datafiles import DataError
from project import text
from sitebuild import stopped

# Something that looks like a phone number: digits with spaces or dashes, at least six digits long.
PHONE = re.compile(r"(?<![\w/.-])\+?\d[\d -]{4,}\d(?![\w/])")


def all_numbers() -> set[str]:
    """Every number the helplines file gives: phones, text numbers, emergency numbers."""
    found = set()
    for region in project.helplines().regions:
        found.update(re.findall(r"\d[\d -]*\d|\d", region.emergency or ""))
        for service in region.services:
            for value in (service.phone, service.text):
                found.update(number.strip() for number in re.findall(r"\d[\d -]*\d|\d", value or ""))
    return found


def test_the_file_is_valid_and_every_check_is_recent():
    data = helplines.load(project.ROOT)
    for region in data.regions:
        for service in region.services:
            assert date.today() - service.checked <= helplines.MAX_AGE, service.name
            assert service.source.startswith("https://") and service.web.startswith("https://"), service.name
            assert service.phone or service.text, service.name


@pytest.mark.parametrize("page", project.quick_exit_pages())
def test_every_page_with_quick_exit_lists_every_service(content_pages, parse, page):
    shown = text(parse(content_pages[project.built(page)]).find("article"))
    help_list = parse(content_pages[project.built(page)]).select_one("article .g-help")
    assert help_list, f"{page}: no helplines"
    for region in project.helplines().regions:
        assert region.region in shown, page
        for service in region.services:
            assert service.name in shown, f"{page}: {service.name}"
            if service.phone:
                link = help_list.find("a", string=service.phone)
                assert link and link["href"] == f"tel:{service.dial}", f"{page}: {service.name}'s number is a phone link"
            if service.text:
                assert service.text[1:] in shown, f"{page}: {service.name}'s text number"
            assert help_list.find("a", href=service.web), f"{page}: {service.name}'s web address"
    assert " ".join(project.helplines().elsewhere.split()) in shown, "what to do in any other country"


def test_no_page_shows_a_number_that_is_not_in_the_helplines_file(content_pages, parse):
    known = all_numbers()
    for name, path in content_pages.items():
        article = parse(path).find("article")
        shown = " ".join(element.get_text(" ") for element in article.find_all(string=True)
                         if element.parent.name not in ("time", "code"))
        numbers = {number.strip() for number in PHONE.findall(shown)}
        assert numbers <= known, f"{name}: {numbers - known} are not in docs/data/helplines.yml"


@pytest.mark.parametrize(("change", "message"), [
    (lambda service: service.update(checked=date.today() - timedelta(days=400)),
     "regions[0].services[0].checked: {name} was last checked on"),
    (lambda service: service.pop("checked"), "regions[0].services[0].checked: missing"),
    (lambda service: service.update(checked=date.today() + timedelta(days=3)),
     "regions[0].services[0].checked: {future} is in the future"),
    (lambda service: service.update(checked="last week"), "regions[0].services[0].checked: should be a date written YYYY-MM-DD"),
    (lambda service: (service.pop("phone", None), service.pop("text", None)),
     "regions[0].services[0]: {name} needs a `phone:` or a `text:`"),
])
def test_a_missing_or_old_check_stops_the_build_naming_the_entry(project_copy, tmp_path, change, message):
    path = project_copy / "docs" / "data" / "helplines.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    service = data["regions"][0]["services"][0]
    name = service["name"]
    change(service)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        helplines.load(project_copy)
    expected = message.format(name=name, future=(date.today() + timedelta(days=3)).isoformat())
    assert f"{path}: {expected}" in str(caught.value)
    for log in stopped(project_copy, tmp_path / "out"):
        assert expected in log
