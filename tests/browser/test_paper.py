"""Paper, as a reader gets it on A4 and on US Letter: every page of the site through the browser's own
Print, every worksheet through its own buttons (blank, and with answers), and the whole workbook.

Each print is read back from the PDF (tests/paper.py) and must show: no sheet without text; the site's
name and the page's address at the foot of every sheet; a worksheet's title, purpose and first prompt
on one sheet, and its title again on every sheet it runs onto; a quiz question whole with its options;
a quiz's answers and explanations, or its scoring guide, only after its last question. What is on
the pages comes from the project (tests/project.py). The PDFs stay in pytest's temporary folder."""

from __future__ import annotations

import pytest

import project as plan
from answers import answers_for, fill
from paper import PAPERS, flat, lines_of, open_ready, press, print_pdf, sheets_of

SITE = plan.config()["site_name"]
SHEETS = plan.worksheets()
QUIZZES = plan.quizzes()
FIRST_PAGE = plan.first_use("worksheet")
WORKBOOK = plan.pages_calling("workbook")


@pytest.fixture(scope="module")
def paper_page(browser):
    """One tab for the whole module (every print opens its page afresh); answers typed by one test
    are cleared by it, so each print starts as a new reader's would."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def foot(page) -> str:
    """What the foot of every printed sheet says: the site's name and the page's public address."""
    return f"{SITE} · {page.locator('link[rel=canonical]').get_attribute('href')}"


def squashed(text: str) -> str:
    return "".join(text.split())


def content(sheet: str, footer: str) -> list[str]:
    """A printed sheet's lines, without the line at its foot."""
    return [line for line in lines_of(sheet) if squashed(footer) not in squashed(line)]


def assert_every_sheet_has_text_and_a_foot(sheets: list[str], footer: str, what: str) -> None:
    assert sheets, f"{what}: nothing printed"
    empty = [number for number, sheet in enumerate(sheets, 1) if not content(sheet, footer)]
    assert empty == [], f"{what}: sheet(s) {empty} of {len(sheets)} printed with no text"
    unnamed = [number for number, sheet in enumerate(sheets, 1) if squashed(footer) not in squashed(sheet)]
    assert unnamed == [], f"{what}: sheet(s) {unnamed} do not say {footer!r} at the foot"


def sheet_with(sheets: list[str], text: str) -> int | None:
    """The first printed sheet (0-based) holding all of `text`, whatever its line breaks."""
    wanted = flat(text)
    return next((index for index, sheet in enumerate(sheets) if wanted in flat(sheet)), None)


def assert_worksheet_holds_together(sheets: list[str], sheet_id: str, what: str) -> None:
    """Title, purpose and first prompt on one sheet; the title again on every sheet up to its last prompt."""
    sheet = SHEETS[sheet_id]
    start = sheet_with(sheets, sheet.purpose)
    assert start is not None, f"{what}: {sheet_id}'s purpose is split across sheets or missing"
    assert flat(sheet.title) in flat(sheets[start]), f"{what}: {sheet.title!r} is not on the sheet with its purpose"
    assert flat(sheet.fields[0].label) in flat(sheets[start]), \
        f"{what}: {sheet_id}'s first prompt is not on the sheet with its title (sheet {start + 1})"
    end = max((index for index in range(start, len(sheets)) if flat(sheet.fields[-1].label) in flat(sheets[index])),
              default=start)
    untitled = [index + 1 for index in range(start, end + 1) if flat(sheet.title) not in flat(sheets[index])]
    assert untitled == [], f"{what}: sheet(s) {untitled} carry part of {sheet.title!r} without its title"


def assert_quiz_reads_on_paper(text: str, sheets: list[str], quiz_id: str, what: str) -> None:
    """Questions whole with their options; the answers, or the scoring guide, only after the last one."""
    quiz = QUIZZES[quiz_id]
    if quiz.kind == "knowledge-check":
        for question in quiz.questions:
            where = sheet_with(sheets, question.question)
            assert where is not None, f"{what}: {question.question!r} is split across sheets or missing"
            split = [o.text for o in question.options if flat(o.text) not in flat(sheets[where])]
            assert split == [], f"{what}: options {split} printed apart from {question.question!r}"
        last = text.index(flat(quiz.questions[-1].question))
        for question in quiz.questions:
            for option in question.options:
                shown = text.find(flat(option.explanation))
                assert shown >= 0, f"{what}: {option.explanation[:40]!r} did not print"
                assert shown > last, f"{what}: {option.explanation[:40]!r} prints before {quiz.title!r}'s last question"
    else:
        for statement in quiz.statements:
            assert sheet_with(sheets, statement.text) is not None, f"{what}: {statement.text!r} is split across sheets"
        last = text.index(flat(quiz.statements[-1].text))
        guide = text.find("Score it by hand", last)
        assert guide > last, f"{what}: {quiz.title!r}'s scoring guide does not follow its statements"
        for band in quiz.bands:
            assert text.find(flat(band.title), guide) > guide, f"{what}: band {band.title!r} is not in the scoring guide"


def check_print(page, sheets: list[str], what: str, worksheets=(), quizzes=()) -> None:
    footer = foot(page)
    assert_every_sheet_has_text_and_a_foot(sheets, footer, what)
    body = [("\n".join(content(sheet, footer))) for sheet in sheets]
    for sheet_id in worksheets:
        assert_worksheet_holds_together(body, sheet_id, what)
    text = flat("\n".join(body))
    for quiz_id in quizzes:
        assert_quiz_reads_on_paper(text, body, quiz_id, what)


def parts(page_file: str, kind: str) -> list[str]:
    return [item for call_kind, item in plan.calls(page_file) if call_kind == kind]


@pytest.mark.parametrize("page_file", plan.pages())
def test_every_page_prints_whole_with_the_browsers_own_print(paper_page, base_url, tmp_path, page_file):
    """The browser's Print on any page, on each paper size in turn (one visit, as a reader who tries
    both): worksheets open for paper, quizzes with their answer key after."""
    open_ready(paper_page, base_url + plan.url_path(page_file))
    for paper in PAPERS:
        sheets = print_pdf(paper_page, tmp_path / f"page-{paper}.pdf", paper)
        check_print(paper_page, sheets, f"{page_file} on {paper}", parts(page_file, "worksheet"), parts(page_file, "quiz"))


@pytest.mark.parametrize("with_answers", [False, True], ids=["blank", "with-answers"])
@pytest.mark.parametrize("sheet_id", list(FIRST_PAGE))
def test_every_worksheet_prints_alone_on_its_own_sheets(paper_page, base_url, tmp_path, sheet_id, with_answers):
    open_ready(paper_page, base_url + plan.url_path(FIRST_PAGE[sheet_id]))
    section = paper_page.locator(f'section[data-worksheet="{sheet_id}"]').first
    printed = {}
    try:
        if with_answers:
            fill(section, answers_for(SHEETS[sheet_id]))
        for paper in PAPERS:  # the worksheet's own button before each print, as a reader presses it
            press(paper_page, section.locator('[data-act="print"]' if with_answers else '[data-act="blank"]'))
            printed[paper] = print_pdf(paper_page, tmp_path / f"sheet-{paper}.pdf", paper)
    finally:
        paper_page.evaluate("localStorage.clear()")
    footer = foot(paper_page)
    for paper, sheets in printed.items():
        what = f"{sheet_id} printed {'with answers' if with_answers else 'blank'} on {paper}"
        check_print(paper_page, sheets, what, [sheet_id])
        first_lines = [content(sheet, footer)[0] for sheet in sheets]
        assert all(flat(SHEETS[sheet_id].title) == flat(line) for line in first_lines), \
            f"{what}: every sheet starts with the worksheet's title, not {first_lines}"


@pytest.mark.skipif(not WORKBOOK, reason="no page calls workbook()")
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("how", ["answers", "blank"])
def test_the_whole_workbook_prints_each_worksheet_together(paper_page, base_url, tmp_path, how, paper):
    open_ready(paper_page, base_url + plan.url_path(WORKBOOK[0]))
    press(paper_page, paper_page.locator(f'[data-print-all="{how}"]'))
    sheets = print_pdf(paper_page, tmp_path / "workbook.pdf", paper)
    check_print(paper_page, sheets, f"the workbook ({how}) on {paper}", list(FIRST_PAGE))


@pytest.mark.skipif(not WORKBOOK, reason="no page calls workbook()")
@pytest.mark.parametrize("paper", PAPERS)
def test_a_worksheet_shown_on_the_workbook_prints_alone_from_its_own_button(paper_page, base_url, tmp_path, paper):
    """After "Show every worksheet here", a worksheet's own print button prints that worksheet."""
    sheet_id = next(iter(FIRST_PAGE))
    open_ready(paper_page, base_url + plan.url_path(WORKBOOK[0]))
    paper_page.locator('[data-print-all="show"]').click()
    section = paper_page.locator(f'.g-workbook__sheets section[data-worksheet="{sheet_id}"]')
    section.wait_for()
    press(paper_page, section.locator('[data-act="blank"]'))
    sheets = print_pdf(paper_page, tmp_path / "one.pdf", paper)
    check_print(paper_page, sheets, f"{sheet_id} from the workbook on {paper}", [sheet_id])
    others = [SHEETS[other].purpose for other in FIRST_PAGE if other != sheet_id]
    assert not [purpose for purpose in others if flat(purpose) in flat("\n".join(sheets))], "only that worksheet prints"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_page_prints_whole_without_javascript(no_js, base_url, tmp_path, paper):
    """No script: no beforeprint work, yet the worksheets and quizzes print open, with the site's foot."""
    page_file = next((p for p in plan.pages() if parts(p, "worksheet") and parts(p, "quiz")), None) \
        or next(iter(FIRST_PAGE.values()), None)
    if page_file is None:
        pytest.skip("no page has a worksheet")
    no_js.goto(base_url + plan.url_path(page_file))
    no_js.emulate_media(media="print")
    no_js.pdf(path=str(tmp_path / "nojs.pdf"), format=paper)
    check_print(no_js, sheets_of(tmp_path / "nojs.pdf"), f"{page_file} without JavaScript on {paper}",
                parts(page_file, "worksheet"), parts(page_file, "quiz"))


def test_a_table_that_runs_over_a_sheet_repeats_its_column_headings(paper_page, base_url, tmp_path):
    """A table longer than a sheet (rows added here, as a long tracker would be) carries its headings over."""
    found = next(((sheet_id, field) for sheet_id in FIRST_PAGE for field in SHEETS[sheet_id].fields
                  if field.kind in ("two-column", "table")), None)
    if found is None:
        pytest.skip("no worksheet has a table")
    sheet_id, field = found
    open_ready(paper_page, base_url + plan.url_path(FIRST_PAGE[sheet_id]))
    section = paper_page.locator(f'section[data-worksheet="{sheet_id}"]').first
    section.locator(f'[data-k^="{field.id}."]').first.evaluate("""cell => {
        const body = cell.closest('tbody'), row = body.rows[0];
        for (let n = 0; n < 60; n++) body.append(row.cloneNode(true));
    }""")
    press(paper_page, section.locator('[data-act="blank"]'))
    sheets = print_pdf(paper_page, tmp_path / "long.pdf", "A4")
    spanned = [sheet for sheet in sheets if "\n".join(content(sheet, foot(paper_page))).count("\n") > 3]
    assert len(spanned) >= 2, "the table runs over a sheet"
    headings = [column.title for column in field.table_columns]
    missing = [number for number, sheet in enumerate(spanned, 1) if not all(flat(h) in flat(sheet) for h in headings)]
    assert missing == [], f"sheets {missing} of the long table print without its column headings {headings}"
