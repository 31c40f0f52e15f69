"""Worksheets in the built site: every field with its label on its themed page, a workbook that links them;
bad data files stop the build with a message the owner can act on; search finds worksheets once."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from bs4 import BeautifulSoup
import yaml
from mkdocs.utils.yaml import yaml_load

from guide_macros import worksheets
from sitebuild import ROOT, mkdocs_build, output

SHEETS = worksheets.load(ROOT)
THEMED_PAGES = ("take-stock", "decide-honestly", "bring-your-partner-in", "talk-and-listen", "outside-help",
                "actions-not-words", "celebrate-progress")


def text(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def workbook(html_pages, parse):
    return parse(html_pages["workbook/index.html"])


@pytest.fixture(scope="module")
def sheets_on_pages(html_pages, parse):
    """Every worksheet section on the themed pages, in reading order, as (page, section)."""
    return [(page, section) for page in THEMED_PAGES
            for section in parse(html_pages[f"{page}/index.html"]).select("section.g-worksheet")]


def section_of(soup, sheet_id):
    found = soup.select(f'section.g-worksheet[data-worksheet="{sheet_id}"]')
    assert len(found) == 1, f"expected worksheet {sheet_id!r} once, found {len(found)}"
    return found[0]


def label_for(section, control) -> str:
    """The text of the <label> naming `control`: one that points at its id, or one around it."""
    label = section.find("label", attrs={"for": control["id"]}) if control.get("id") else control.find_parent("label")
    assert label, f"no <label> for {control}"
    return text(label)


def assert_field_rendered(section, field) -> None:
    """The reader sees the prompt, and every control they fill in has a name they can hear."""
    box = section.find(lambda tag: tag.name == "div" and f"g-ws-{field.kind}" in tag.get("class", [])
                       and any(control.get("data-k", "").split(".")[0] == field.id for control in tag.select("[data-k]")))
    assert box, f"field {field.id!r} ({field.kind}) is missing"
    controls = box.select("[data-k]")
    if field.kind in ("short", "long"):
        [control] = controls
        assert control.name == ("input" if field.kind == "short" else "textarea")
        assert label_for(section, control) == field.label
        if field.kind == "long":
            assert control["rows"] == str(field.lines)
            assert f"--n:{field.lines}" in box.select_one(".g-ws-out")["style"], "paper gets as many lines as the data says"
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
        ends = text(box.select_one(".g-ws-ends"))
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


@pytest.mark.parametrize("sheet_id", sorted(SHEETS))
def test_every_worksheet_renders_every_field_with_its_label(sheets_on_pages, sheet_id):
    sheet = SHEETS[sheet_id]
    [section] = [section for _, section in sheets_on_pages if section["data-worksheet"] == sheet_id]
    assert section["data-version"] == sheet.version
    assert text(section.find(["h2", "h3"])) == sheet.title
    shown = text(section)
    for part in (sheet.purpose, sheet.why, sheet.instructions, f"about {sheet.time} minutes", sheet.frequency, sheet.who):
        assert " ".join(part.split()) in shown
    assert "Your answers stay on this device" in shown
    for field in sheet.fields:
        assert_field_rendered(section, field)


def test_without_javascript_the_tools_are_hidden_and_the_form_is_there(sheets_on_pages):
    for _, section in sheets_on_pages:
        bar, fold = section.select_one(".g-ws-bar"), section.select_one("details.g-ws-more")
        # guide.css hides [data-js] until guide.js has loaded (a browser test checks it is hidden without it).
        assert bar.has_attr("data-js") and fold.has_attr("data-js"), "buttons that need JavaScript are marked"
        assert [button["data-act"] for button in bar.select("button")] == ["print", "blank"]
        assert text(fold.find("summary")) == "Save, move or clear answers"
        assert [button["data-act"] for button in fold.select("button")] == ["export", "import", "clear"]
        assert fold.select_one('input[role="switch"][data-nosave]').find_parent("label")
        assert len(section.select('[role="status"]')) == 2, "messages go to a live region (top, and in the fold)"


def test_the_calm_toolbar_only_print_buttons_come_before_the_first_prompt(sheets_on_pages):
    for _, section in sheets_on_pages:
        first_prompt = section.select_one(".g-ws-field")
        before = [b for b in section.select("button") if first_prompt in b.find_all_next(class_="g-ws-field")]
        assert [b["data-act"] for b in before] == ["print", "blank"]
        assert section.select_one("details.g-ws-more") in first_prompt.find_all_next("details")
        assert "Your answers stay on this device" in text(section.select_one(".g-ws-privacy"))


def test_the_workbook_buttons_look_like_buttons_and_need_javascript(workbook):
    buttons = workbook.select("[data-print-all]")
    assert [text(b) for b in buttons] == ["Print the workbook with my answers", "Print the workbook blank",
                                          "Show every worksheet here"]
    assert all("md-button" in b["class"] for b in buttons)
    assert buttons[0].find_parent("p").select_one('[role="status"]'), "what the buttons did is announced"
    assert "needs JavaScript" in text(workbook.select_one(".g-nojs")), "without JavaScript the page says why"


def test_each_themed_page_has_a_worksheet_under_a_try_it_heading_before_next(html_pages, parse):
    for page in THEMED_PAGES:
        soup = parse(html_pages[f"{page}/index.html"])
        article = soup.select_one("article")
        found = article.select("section.g-worksheet")
        assert found, f"{page}: no worksheet"
        for section in found:
            heading = section.find_previous_sibling("h2")
            assert heading and text(heading).startswith("Try it:"), f"{page}: worksheet not under 'Try it'"
            next_line = [p for p in article.find_all("p") if text(p).startswith("Next:")]
            assert next_line and section in next_line[-1].find_all_previous("section"), f"{page}: worksheet after 'Next'"
            sheet = SHEETS[section["data-worksheet"]]
            assert text(section.find("h3")) == sheet.title
            for field in sheet.fields:
                assert_field_rendered(section, field)


def test_the_workbook_links_every_worksheet_in_reading_order_and_stays_light(workbook, sheets_on_pages):
    """The workbook lists each worksheet where it lives; it brings them onto itself only when asked
    (tests/browser/test_worksheets.py), so its first visit costs no more than a themed page."""
    order = [(page, section["id"]) for page, section in sheets_on_pages]
    assert {section["data-worksheet"] for _, section in sheets_on_pages} == set(SHEETS), "every worksheet is used"
    contents = workbook.find(id="contents").find_next("ol")
    links = [a["href"] for a in contents.select("a") if "#" in a["href"]]
    assert links == [f"../{page}/#{ident}" for page, ident in order]
    assert workbook.select("section.g-worksheet") == [] and workbook.select_one(".g-workbook-sheets")


def test_no_page_repeats_an_html_id(html_pages, parse):
    for name, path in html_pages.items():
        ids = Counter(tag["id"] for tag in parse(path).find_all(id=True))
        assert [i for i, n in ids.items() if n > 1] == [], f"{name}: duplicate ids"


def test_a_worksheet_twice_on_one_page_still_has_unique_ids(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\n{{ worksheet("take-stock") }}\n\n{{ worksheet("take-stock") }}\n',
                    encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, output(result)
    soup = BeautifulSoup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "lxml")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []
    assert len(soup.select('section[data-worksheet="take-stock"]')) == 2


def test_a_printed_page_names_the_site_and_the_page_address(html_pages, parse):
    soup = parse(html_pages["take-stock/index.html"])
    canonical = soup.find("link", rel="canonical")["href"]
    site_name = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    assert text(soup.select_one(".g-worksheet .g-ws-foot")) == f"{site_name} · {canonical}"


def search_docs(site_dir):
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_finds_a_worksheet_by_its_title_and_by_a_prompt_on_its_themed_page(site_dir):
    docs = search_docs(site_dir)
    for sheet_id, sheet in SHEETS.items():
        hits = [doc for doc in docs if doc["title"] == sheet.title and "ws-" in doc["location"]]
        assert len(hits) == 1, f"{sheet_id}: expected one search result titled {sheet.title!r}"
        assert not hits[0]["location"].startswith("workbook/")
        prompt = sheet.fields[-1].label
        assert any(prompt in doc["text"] for doc in docs if doc["location"] == hits[0]["location"])


def test_the_workbook_copies_stay_out_of_search(site_dir):
    workbook_text = " ".join(doc["text"] for doc in search_docs(site_dir) if doc["location"].startswith("workbook/"))
    for sheet in SHEETS.values():
        assert sheet.purpose not in workbook_text
        assert all(field.label not in workbook_text for field in sheet.fields)


# ---------------------------------------------------------------------------
# Broken data through a real build: the message names the file, the field and the reason
# ---------------------------------------------------------------------------

def edit_sheet(project, sheet_id, change):
    path = project / worksheets.FOLDER / f"{sheet_id}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def field_index(sheet_id, kind):
    return next(i for i, field in enumerate(SHEETS[sheet_id].fields) if field.kind == kind)


BROKEN = {
    "missing field": (lambda d: d.pop("purpose"), "purpose: Field required"),
    "wrong kind": (lambda d: d["fields"][0].update(kind="essay"),
                   "fields[0].kind: 'essay' is not a kind; use one of 'short', 'long'"),
    "scale with bad range": (lambda d: d["fields"][field_index("take-stock", "scale")].update(min=5, max=2),
                             f"fields[{field_index('take-stock', 'scale')}].max: max (2) must be more than min (5)"),
    "scale past 10": (lambda d: d["fields"][field_index("take-stock", "scale")].update(max=100),
                      f"fields[{field_index('take-stock', 'scale')}].max: Input should be less than or equal to 10"),
    "duplicate field ids": (lambda d: d["fields"][1].update(id=d["fields"][0]["id"]),
                            "is used twice (fields[0] and fields[1])"),
    "unknown key": (lambda d: d["fields"][0].update(prompt="typo"), "fields[0].prompt: Extra inputs are not permitted"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_worksheet_file_stops_the_build_naming_file_field_and_reason(project_copy, tmp_path, case):
    change, reason = BROKEN[case]
    path = edit_sheet(project_copy, "take-stock", change)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"{path}: " in output(result) and reason in output(result), output(result)[-2000:]


def test_a_worksheet_file_that_is_not_yaml_stops_the_build_with_its_line(project_copy, tmp_path):
    path = project_copy / worksheets.FOLDER / "broken.yml"
    path.write_text("title: Broken\nfields: [\n  - id: x\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert f"{path}: not valid YAML (line" in output(result), output(result)[-2000:]


def test_an_unknown_worksheet_id_stops_the_build_and_lists_the_known_ones(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\n{{ worksheet("no-such-sheet") }}\n', encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    known = ", ".join(sorted(SHEETS))
    # One line naming the page, without the Python traceback mkdocs-macros would add (pageerrors.py).
    assert f"docs/index.md: Unknown worksheet id 'no-such-sheet'. Known worksheet ids: {known}" in output(result)
    assert "Traceback" not in output(result)
