"""Worksheets in the built site: every worksheet a page calls shows every field with its label, where
the page calls it; the workbook lists what the pages call, by itself; bad data files stop the build
with a message the owner can act on; search finds each worksheet on its page, not on the workbook.

What to expect comes from mkdocs.yml, the pages' macro calls and the data files (tests/project.py),
so the owner's new worksheets and pages are checked too, without editing these tests."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

import project as plan
from guide_macros import worksheets
from guide_macros.links import page_title
from guide_macros.pagecalls import nav_pages
from guide_macros.worksheet_models import Worksheet
from sitebuild import ROOT, mkdocs_build, output, stopped
from test_worksheet_data import authoring_example

SHEETS = plan.worksheets()
# Each (page, worksheet id) a page calls, once per page, in reading order.
CALLED = list(dict.fromkeys((page, sheet_id) for page in plan.pages()
                            for kind, sheet_id in plan.calls(page) if kind == "worksheet"))
SITE = "https://site.test/"


text = plan.text  # what a reader sees in an element, white space collapsed


def sheet_ids_called(page: str, root: Path = ROOT) -> list[str]:
    return [sheet_id for kind, sheet_id in plan.calls(page, root) if kind == "worksheet"]


@pytest.fixture(scope="module")
def workbook_page() -> str:
    """The page that calls `{{ workbook() }}`."""
    return plan.one_page_calling("workbook")


@pytest.fixture(scope="module")
def workbook(workbook_page, html_pages, parse):
    return parse(html_pages[plan.built(workbook_page)])


def sections_on(soup, sheet_id=None) -> list:
    article = soup.select_one("article")
    selector = "section.g-ws" + (f'[data-worksheet="{sheet_id}"]' if sheet_id else "")
    return article.select(selector)


@pytest.fixture(scope="module")
def sheets_on_pages(html_pages, parse):
    """Every worksheet section on the pages that call one, in reading order, as (page, section)."""
    return [(page, section) for page in plan.pages_calling("worksheet")
            for section in sections_on(parse(html_pages[plan.built(page)]))]


def label_for(section, control) -> str:
    """The text of the <label> naming `control`: one that points at its id, or one around it."""
    label = section.find("label", attrs={"for": control["id"]}) if control.get("id") else control.find_parent("label")
    assert label, f"no <label> for {control}"
    return text(label)


def assert_field_rendered(section, field) -> None:
    """The reader sees the prompt, and every control they fill in has a name they can hear."""
    box = section.find(lambda tag: tag.name == "div" and f"g-ws__field--{field.kind}" in tag.get("class", [])
                       and any(control.get("data-k", "").split(".")[0] == field.id for control in tag.select("[data-k]")))
    assert box, f"field {field.id!r} ({field.kind}) is missing"
    controls = box.select("[data-k]")
    if field.hint:
        assert " ".join(field.hint.split()) in text(box), f"field {field.id!r}: its hint is missing"
    if field.kind in ("short", "long"):
        [control] = controls
        assert control.name == ("input" if field.kind == "short" else "textarea")
        assert label_for(section, control) == field.label
        if field.kind == "long":
            # guide.js draws as many ruled lines on paper as the box has rows (tests/browser/test_worksheets.py).
            assert control["rows"] == str(field.lines), "paper gets as many lines as the data says"
        assert box.select(".g-ws__out") == [], "guide.js makes the print copy when needed: the page ships none"
        return
    assert text(box.find("legend")) == field.label
    if field.kind == "checklist":
        assert [label_for(section, c) for c in controls] == field.items
        assert all(c["type"] == "checkbox" for c in controls)
    elif field.kind == "scale":
        [row] = controls  # the box row holds the answer's key
        radios = row.select("input[type=radio]")
        assert [c["value"] for c in radios] == [str(n) for n in field.numbers]
        assert [label_for(section, c) for c in radios] == [str(n) for n in field.numbers]
        assert len({c["name"] for c in radios}) == 1, "one radio group"
        ends = text(box.select_one(".g-ws__ends"))
        assert f"{field.min} = {field.low}" in ends and f"{field.max} = {field.high}" in ends
    else:
        columns = field.table_columns
        assert [text(th) for th in box.select("thead th")] == [column.title for column in columns]
        assert len(box.select("tbody tr")) == field.rows
        assert len(controls) == field.rows * len(columns)
        for control in controls:
            _, row, col = control["data-k"].split(".")
            column = columns[int(col) - 1]
            assert control["aria-label"] == f"{column.title}, row {row}"
            assert control["type"] == ("checkbox" if column.tick else "text")


def assert_worksheet_rendered(section, sheet: Worksheet) -> None:
    """Its heading, what it is for, how long, how often, who, why, and every field with its label."""
    assert section["data-version"] == sheet.version
    heading = section.find(["h2", "h3", "h4", "h5", "h6"])
    assert text(heading) == sheet.title
    named_by = section.get("aria-labelledby")
    assert named_by and section.find(id=named_by) is heading, "the region is named after the worksheet: its heading"
    shown = text(section)
    for part in (sheet.purpose, sheet.why, sheet.instructions, f"about {sheet.time} minute", sheet.frequency, sheet.who):
        assert " ".join(part.split()) in shown
    for field in sheet.fields:
        assert_field_rendered(section, field)
    # What it is for and how to do it come first; the fields wait in a closed "Fill in this worksheet".
    [fill] = section.select(":scope > details.g-fill")
    assert not fill.has_attr("open"), "closed until the reader asks (or guide.js opens it)"
    assert text(fill.find("summary", recursive=False)) == "Fill in this worksheet"
    assert all(box.find_parent("details", class_="g-fill") is fill for box in section.select(".g-ws__field")), \
        "every field is in the fold"
    outside = text(section).replace(text(fill), "")
    for part in (sheet.title, sheet.purpose, sheet.why, sheet.instructions):
        assert " ".join(part.split()) in outside, "seen before opening the fold"


@pytest.mark.parametrize(("page", "sheet_id"), CALLED, ids=[f"{page}:{sheet_id}" for page, sheet_id in CALLED])
def test_every_worksheet_a_page_calls_renders_every_field_with_its_label(html_pages, parse, page, sheet_id):
    found = sections_on(parse(html_pages[plan.built(page)]), sheet_id)
    assert len(found) == sheet_ids_called(page).count(sheet_id), f"{page}: one worksheet for each call"
    for section in found:
        assert_worksheet_rendered(section, SHEETS[sheet_id])


def test_the_pages_call_worksheets():
    """Without any, the tests below would check nothing."""
    assert CALLED, "no page calls {{ worksheet(...) }}"


def test_each_page_shows_its_worksheets_in_the_order_it_calls_them(html_pages, parse):
    for page in plan.pages():
        shown = [section["data-worksheet"] for section in sections_on(parse(html_pages[plan.built(page)]))]
        assert shown == sheet_ids_called(page), page


def test_without_javascript_the_tools_are_hidden_and_the_form_is_there(sheets_on_pages):
    assert sheets_on_pages
    for page, section in sheets_on_pages:
        bar, fold = section.select_one(".g-ws__bar"), section.select_one("details.g-ws__more")
        # guide.css hides [data-js] until guide.js has loaded (a browser test checks it is hidden without it).
        assert bar.has_attr("data-js") and fold.has_attr("data-js"), f"{page}: buttons that need JavaScript are marked"
        assert [button["data-act"] for button in bar.select("button")] == ["print", "blank"]
        assert text(fold.find("summary")) == "Save, move or clear answers"
        assert [button["data-act"] for button in fold.select("button")] == ["export", "import", "clear"]
        switch = fold.select_one('input[role="switch"][data-nosave]')
        assert switch and text(switch.find_parent("label")) == "Don't save anything on this device"
        assert len(section.select('[role="status"]')) == 2, "messages go to a live region (top, and in the fold)"
        assert section.select("[data-nojs]"), f"{page}: without JavaScript the worksheet says what it cannot do"


def test_the_calm_toolbar_only_print_buttons_come_before_the_first_prompt(sheets_on_pages):
    for _, section in sheets_on_pages:
        first_prompt = section.select_one(".g-ws__field")
        before = [b for b in section.select("button") if first_prompt in b.find_all_next(class_="g-ws__field")]
        assert [b["data-act"] for b in before] == ["print", "blank"]
        assert section.select_one("details.g-ws__more") in first_prompt.find_all_next("details")
        assert "Your answers stay on this device" in text(section.select_one(".g-ws__privacy"))


# ---------------------------------------------------------------------------
# The workbook: made from the pages' calls, never typed
# ---------------------------------------------------------------------------

def nav_title(page: str, root: Path = ROOT) -> str:
    """The page's title as the nav names it (its own title when the nav gives none)."""
    titles = dict((file, title) for title, file in nav_pages(plan.config(root).get("nav"), root / "docs"))
    return titles.get(page) or page_title(root / "docs", page)


class Entry(NamedTuple):
    """One line of the workbook's contents, as a reader follows it."""

    title: str  # the worksheet's title, its link's text
    address: str  # where that link goes
    page_title: str  # "on the page ...": the page's link text
    page_address: str  # where that link goes


def expected_workbook(root: Path = ROOT) -> list[Entry]:
    """Each worksheet the pages call, in reading order, at the first page that calls it."""
    sheets = plan.worksheets(root)
    return [Entry(sheets[sheet_id].title, f"{SITE}{plan.url_path(page)}#ws-{sheet_id}", nav_title(page, root),
                  f"{SITE}{plan.url_path(page)}")
            for sheet_id, page in plan.first_use("worksheet", root).items()]


def workbook_entries(soup, workbook_page: str) -> list[Entry]:
    """What the workbook's contents list shows, each line resolved from the workbook's own address."""
    here = SITE + plan.url_path(workbook_page)
    contents = soup.find(id="contents")
    assert contents and contents.name == "h2", "the list is under a 'Contents' heading"
    entries = []
    for item in contents.find_next("ol").find_all("li", recursive=False):
        sheet_link, page_link = item.find_all("a")
        assert " ".join(item.get_text().split()) == f"{text(sheet_link)}, on the page {text(page_link)}"
        entries.append(Entry(text(sheet_link), urljoin(here, sheet_link["href"]),
                             text(page_link), urljoin(here, page_link["href"])))
    return entries


def test_the_workbook_lists_exactly_the_worksheets_the_pages_call_in_reading_order(workbook, workbook_page, html_pages,
                                                                                    parse):
    """Each entry links to the worksheet on the first page that calls it, and names that page as the nav does."""
    entries = workbook_entries(workbook, workbook_page)
    assert entries == expected_workbook()
    assert len(entries) == len(plan.first_use("worksheet")) > 0
    for entry, (sheet_id, page) in zip(entries, plan.first_use("worksheet").items()):
        target = parse(html_pages[plan.built(page)]).find(id=f"ws-{sheet_id}")
        assert target is not None and target.get("data-worksheet") == sheet_id, f"{entry.address} lands on its worksheet"


def test_the_workbook_stays_light_until_asked(workbook):
    """It brings the worksheets onto itself only when asked (tests/browser/test_worksheets.py), so its
    first visit costs no more than any page."""
    assert workbook.select("section.g-ws") == []
    holder = workbook.select_one("div.g-workbook__sheets")
    assert holder is not None and holder.contents == [] and holder.has_attr("data-search-exclude")


def test_nothing_the_workbook_lists_is_typed_on_its_page(workbook_page):
    """The owner never types a title or a link twice: the page's Markdown only calls the macro."""
    source = plan.source(workbook_page)
    assert "#ws-" not in source
    for sheet in SHEETS.values():
        assert sheet.title not in source, f"{sheet.title!r} is typed on {workbook_page}"


def test_the_workbook_buttons_look_like_buttons_and_need_javascript(workbook):
    tools = workbook.select_one("p.g-workbook__tools")
    assert tools is not None and tools.has_attr("data-js"), "shown only once guide.js has loaded"
    buttons = tools.select("button[data-print-all]")
    assert [text(b) for b in buttons] == ["Print the workbook with my answers", "Print the workbook blank",
                                          "Show every worksheet here"]
    assert [b["data-print-all"] for b in buttons] == ["answers", "blank", "show"]
    assert all("md-button" in b["class"] for b in buttons)
    assert tools.select_one('.g-workbook__status[role="status"]'), "what the buttons did is announced"
    note = workbook.select_one("p.g-workbook__note[data-nojs]")
    assert note is not None and "needs JavaScript" in text(note), "without JavaScript the page says why"
    assert workbook.select(".g-nojs") == [], "one way to mark no-JavaScript: [data-nojs]"


def add_authoring_example(project: Path, page: str) -> str:
    """Follow AUTHORING.md: save its example worksheet file and put it on `page` as it shows. Returns its id
    (the example's, or a new one if the owner has already used that)."""
    example_id, example, snippet = authoring_example()
    sheet_id = example_id
    while (project / worksheets.FOLDER / f"{sheet_id}.yml").exists():
        sheet_id += "-again"
    (project / worksheets.FOLDER / f"{sheet_id}.yml").write_text(example, encoding="utf-8")
    call = snippet.replace(f'"{example_id}"', f'"{sheet_id}"')
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n" + call, encoding="utf-8")
    return sheet_id


def test_a_worksheet_added_as_the_authoring_guide_shows_is_on_its_page_and_in_the_workbook(project_copy, tmp_path):
    workbook_page = plan.one_page_calling("workbook", project_copy)
    workbook_source = plan.source(workbook_page, project_copy)
    page = next(page for page in plan.pages(project_copy) if page != workbook_page)
    sheet_id = add_authoring_example(project_copy, page)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)[-3000:]

    built_page = BeautifulSoup((tmp_path / "out" / plan.built(page)).read_text(encoding="utf-8"), "lxml")
    [section] = sections_on(built_page, sheet_id)
    assert_worksheet_rendered(section, plan.worksheets(project_copy)[sheet_id])

    soup = BeautifulSoup((tmp_path / "out" / plan.built(workbook_page)).read_text(encoding="utf-8"), "lxml")
    entries = workbook_entries(soup, workbook_page)
    assert entries == expected_workbook(project_copy)
    title = plan.worksheets(project_copy)[sheet_id].title
    assert Entry(title, f"{SITE}{plan.url_path(page)}#ws-{sheet_id}", nav_title(page, project_copy),
                 f"{SITE}{plan.url_path(page)}") in entries
    assert len(entries) == len(expected_workbook()) + 1
    assert plan.source(workbook_page, project_copy) == workbook_source, "nothing typed on the workbook page"


def test_a_worksheet_on_two_pages_is_listed_once_at_its_first_page(project_copy, tmp_path):
    """The workbook gathers each worksheet once: two copies would repeat its ids and print it twice."""
    workbook_page = plan.one_page_calling("workbook", project_copy)
    sheet_id, first_page = next(iter(plan.first_use("worksheet", project_copy).items()))
    later = [page for page in plan.pages(project_copy) if page not in (workbook_page, first_page)
             and plan.pages(project_copy).index(page) > plan.pages(project_copy).index(first_page)]
    if not later:
        pytest.skip(f"no page after {first_page} to call {sheet_id} again")
    path = project_copy / "docs" / later[-1]
    path.write_text(path.read_text(encoding="utf-8") + f'\n\n{{{{ worksheet("{sheet_id}") }}}}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)[-3000:]
    soup = BeautifulSoup((tmp_path / "out" / plan.built(workbook_page)).read_text(encoding="utf-8"), "lxml")
    entries = workbook_entries(soup, workbook_page)
    listed = [entry.address for entry in entries if entry.address.endswith(f"#ws-{sheet_id}")]
    assert listed == [f"{SITE}{plan.url_path(first_page)}#ws-{sheet_id}"], "once, at its first page"
    assert entries == expected_workbook(project_copy)


# ---------------------------------------------------------------------------
# Ids, print footer, search
# ---------------------------------------------------------------------------

def test_no_page_repeats_an_html_id(html_pages, parse):
    for name, path in html_pages.items():
        ids = Counter(tag["id"] for tag in parse(path).find_all(id=True))
        assert [i for i, n in ids.items() if n > 1] == [], f"{name}: duplicate ids"


def test_a_worksheet_twice_on_one_page_still_has_unique_ids(project_copy, tmp_path):
    sheet_id = sorted(plan.worksheets(project_copy))[0]
    page = plan.pages(project_copy)[0]
    path = project_copy / "docs" / page
    call = f'{{{{ worksheet("{sheet_id}") }}}}'
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{call}\n\n{call}\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    soup = BeautifulSoup((tmp_path / "out" / plan.built(page)).read_text(encoding="utf-8"), "lxml")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    assert len(soup.select(f'section[data-worksheet="{sheet_id}"]')) == sheet_ids_called(page, project_copy).count(sheet_id) >= 2


def search_docs(site_dir):
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("sheet_id", sorted(plan.first_use("worksheet")))
def test_search_finds_a_worksheet_by_its_title_and_by_a_prompt_on_each_page_that_has_it(site_dir, sheet_id):
    sheet = SHEETS[sheet_id]
    docs = search_docs(site_dir)
    hits = [doc for doc in docs if doc["title"] == sheet.title and f"#ws-{sheet_id}" in doc["location"]]
    assert sorted(doc["location"].split("#")[0] for doc in hits) == sorted(
        plan.url_path(page) for page in plan.where_used("worksheet", sheet_id)), "one result on each page that has it"
    for hit in hits:
        assert any(sheet.fields[-1].label in doc["text"] for doc in docs if doc["location"] == hit["location"])


def test_the_workbook_copies_stay_out_of_search(site_dir, workbook_page):
    workbook_text = " ".join(doc["text"] for doc in search_docs(site_dir)
                             if doc["location"].startswith(plan.url_path(workbook_page)))
    assert workbook_text, "the workbook page itself is searchable"
    for sheet in SHEETS.values():
        assert sheet.purpose not in workbook_text
        assert all(field.label not in workbook_text for field in sheet.fields)


# ---------------------------------------------------------------------------
# Broken data through a real build: the message names the file, the field and the reason
# ---------------------------------------------------------------------------

def field_index(data: dict, kind: str) -> int:
    return next(i for i, field in enumerate(data["fields"]) if field["kind"] == kind)


BROKEN = {
    "missing key": (lambda d: d.pop("purpose"), lambda d: "purpose: missing; add a line `purpose: ...` here"),
    "unknown kind": (lambda d: d["fields"][0].update(kind="essay"),
                     lambda d: "fields[0].kind: 'essay' is not a kind; use one of 'short', 'long'"),
    "scale upside down": (lambda d: d["fields"][field_index(d, "scale")].update(min=5, max=2),
                          lambda d: f"fields[{field_index(d, 'scale')}].max: max (2) must be more than min (5)"),
    "scale past 10": (lambda d: d["fields"][field_index(d, "scale")].update(max=100),
                      lambda d: f"fields[{field_index(d, 'scale')}].max: should be 10 or less"),
    "field id twice": (lambda d: d["fields"][1].update(id=d["fields"][0]["id"]),
                       lambda d: f"fields: field id '{d['fields'][0]['id']}' is used twice (fields[0] and fields[1]); "
                                 "every field needs its own id"),
    "typo in a key": (lambda d: d["fields"][field_index(d, "long")].update(line=3),
                      lambda d: f"fields[{field_index(d, 'long')}].line: 'line' is not a key this file knows "
                                "(did you mean 'lines'?)"),
    "number in quotes": (lambda d: d.update(time=str(d["time"])), lambda d: "time: should be a whole number"),
}


def test_broken_worksheet_files_stop_the_build_naming_file_field_and_reason(project_copy, tmp_path):
    """Each case on its own copy of the AUTHORING.md example, saved but on no page yet: every file is
    checked, used or not, and every mistake is named in the same run."""
    sheet_id, example, _ = authoring_example()
    expected = []
    for number, case in enumerate(sorted(BROKEN), 1):
        change, reason = BROKEN[case]
        data = yaml.safe_load(example)
        change(data)
        path = project_copy / worksheets.FOLDER / f"{sheet_id}-{number}.yml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        expected.append(f"{path}: {reason(data)}")
    for log in stopped(project_copy, tmp_path / "out"):
        for line in expected:
            assert line in log, f"{line}\n{log[-2000:]}"


def test_a_mistake_in_a_worksheet_a_page_uses_stops_the_build(project_copy, tmp_path):
    sheet_id = CALLED[0][1]
    path = project_copy / worksheets.FOLDER / f"{sheet_id}.yml"
    path.write_text(path.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"{path}: colour: 'colour' is not a key this file knows" in log, log[-2000:]


def test_a_worksheet_file_that_is_not_yaml_stops_the_build_with_its_line(project_copy, tmp_path):
    path = project_copy / worksheets.FOLDER / "broken.yml"
    path.write_text("title: Broken\nfields: [\n  - id: x\n", encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"{path}: line 3, column " in log and "the layout is broken here" in log, log[-2000:]


def test_an_unknown_worksheet_id_stops_the_build_and_lists_the_known_ones(project_copy, tmp_path):
    page = plan.pages(project_copy)[0]
    path = project_copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + '\n\n{{ worksheet("no-such-sheet") }}\n', encoding="utf-8")
    known = ", ".join(sorted(SHEETS))
    # One line naming the page and the call, without the Python traceback mkdocs-macros would add (pageerrors.py).
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"docs/{page}, line " in log
        assert f"Unknown worksheet id 'no-such-sheet'. Known worksheet ids: {known}" in log
