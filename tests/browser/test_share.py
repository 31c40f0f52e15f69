"""Compare with your partner, in Chromium: one reader fills a shareable worksheet and a self-assessment
and makes a private link (or a file); their partner opens it in a fresh browser and sees both sets of
answers side by side, with nothing of either sent in any request, no safety answer in the link, and
nothing stored unless asked. Damaged and foreign links change nothing.

Which worksheet and self-assessment, and the answers typed, come from the data files and the pages'
calls (tests/project.py, answers.py): the first shareable worksheet and the first self-assessment
in reading order."""

from __future__ import annotations

import base64
import json
import re
import zlib
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

import project as plan
from answers import answers_for, fill
from axecheck import violations_in_both_schemes
from components import open_fill

SHEETS = plan.worksheets()
SHARE = "Share my answers with my partner"
LINK_FIELD = "Private link for your partner"
KEEP = "Keep my partner's answers on this device"


def first(kind: str, wanted) -> tuple[str, str]:
    """(id, page address below the site) of the first worksheet or quiz in reading order for which
    `wanted(data)` holds; the test is skipped without one."""
    data = SHEETS if kind == "worksheet" else plan.quizzes()
    for item_id, page in plan.first_use(kind).items():
        if wanted(data[item_id]):
            return item_id, plan.url_path(page)
    pytest.skip(f"no page calls a shareable {kind}")


def shareable_sheet() -> tuple[str, str]:
    return first("worksheet", lambda sheet: sheet.shareable)


def assessment(flagged: bool = False) -> tuple[str, str]:
    return first("quiz", lambda quiz: quiz.kind == "self-assessment" and (bool(quiz.flagged) or not flagged))


def fresh(browser, requests: list[str] | None = None, **options):
    """A new browser profile (nothing saved), recording every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, **options)
    if requests is not None:
        context.on("request", lambda request: requests.append(request.url))
    return context


def worksheet(page, sheet_id):
    """The worksheet's section on the page (its first, should a page show it twice)."""
    return page.locator(f'section[data-worksheet="{sheet_id}"]').first


def sheet_on(page, base_url, sheet_id, path):
    page.goto(base_url + path)
    section = worksheet(page, sheet_id)
    section.locator("xpath=self::*[@data-ready]").wait_for()
    return section


def quiz_on(page, base_url, quiz_id, path):
    page.goto(base_url + path)
    quiz = page.locator(f'section[data-quiz="{quiz_id}"]').first
    quiz.locator("xpath=self::*[@data-ready]").wait_for()
    return quiz


def answer_quiz(quiz, pick_for) -> None:
    """Pick, for statement n (from 1), the answer `pick_for(n)` (0 = the first scale word)."""
    open_fill(quiz)
    for number, statement in enumerate(quiz.locator("fieldset").all(), 1):
        statement.locator("input").nth(pick_for(number)).check()


def make_link(component) -> str:
    """As a reader does: "Share my answers with my partner" (unless open), then "Make the link"."""
    toggle = component.get_by_role("button", name=SHARE)
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    component.get_by_role("button", name="Make the link").click()
    field = component.get_by_label(LINK_FIELD)
    expect(field).not_to_have_value("")
    return field.input_value()


def decoded(link: str) -> dict:
    """The link's fragment as the partner's browser reads it (base64url, raw deflate, JSON)."""
    packed = link.split("#share=", 1)[1]
    return json.loads(zlib.decompress(base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4)), -15))


def packed(record) -> str:
    """A fragment made by hand: any JSON value, or bytes as they are."""
    raw = record if isinstance(record, bytes) else json.dumps(record).encode()
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.urlsafe_b64encode(deflate.compress(raw) + deflate.flush()).decode().rstrip("=")


def open_link(page, link: str) -> None:
    """As a partner does, in a tab that was showing something else. (Going from the page to its own
    link is a same-document move that Material's instant navigation takes over, and reloading on its
    heels races with it.)"""
    page.goto("about:blank")
    page.goto(link)


def storage(page) -> dict:
    """What this guide keeps in the browser (Material keeps its colour choice beside it), but the
    progress marks, which note the time of each visit to a page with saved answers (guide.js)."""
    return page.evaluate("""Object.fromEntries(Object.entries(localStorage)
        .filter(([key]) => key.startsWith('guide:') && !key.includes(':step:')))""")


def partner_keys(page) -> list[str]:
    return [key for key in storage(page) if ":partner:" in key]


def comparison(section):
    view = section.locator(".g-compare")
    view.wait_for()
    return view


def notice(page):
    box = page.locator(".g-share__notice")
    expect(box).not_to_be_empty()
    return box


def text_answers(answers) -> list[str]:
    return [answer.value for answer in answers if answer.how == "type"]


# --- The link: made, opened in a fresh browser, nothing sent ------------------------------------------

def test_a_partner_sees_both_answers_side_by_side_and_nothing_is_sent(browser, base_url):
    sheet_id, sheet_path = shareable_sheet()
    quiz_id, quiz_path = assessment(flagged=True)
    quiz_data = plan.quizzes()[quiz_id]
    answers = answers_for(SHEETS[sheet_id])
    requests_a, requests_b = [], []
    reader, partner = fresh(browser, requests_a), fresh(browser, requests_b)
    try:
        page = reader.new_page()
        section = sheet_on(page, base_url, sheet_id, sheet_path)
        fill(section, answers)
        sheet_link = make_link(section)
        assert urlsplit(sheet_link).path == urlsplit(page.url).path, "the link opens the same page"
        assert decoded(sheet_link)["a"] == {answer.key: answer.value for answer in answers}

        # Every statement answered "Never" (no safety flag is raised) but for the last counted one.
        quiz = quiz_on(page, base_url, quiz_id, quiz_path)
        counted = [number for number, statement in enumerate(quiz_data.statements, 1) if not statement.safety_flag]
        answer_quiz(quiz, lambda number: 3 if number == counted[-1] else 0)
        preview = quiz.locator(".g-share__panel")
        quiz.get_by_role("button", name=SHARE).click()
        for number, statement in quiz_data.flagged:
            expect(preview).not_to_contain_text(statement.text)  # never even offered
        quiz_link = make_link(quiz)
        shared = decoded(quiz_link)
        assert sorted(map(int, shared["a"])) == counted, "every counted statement, no safety statement"
        assert not any(str(number) in shared["a"] for number, _ in quiz_data.flagged)

        other = partner.new_page()
        other.goto(sheet_link)
        section = worksheet(other, sheet_id)
        view = comparison(section)
        for text in text_answers(answers):
            expect(view).to_contain_text(text.splitlines()[0])
        items = view.locator(".g-compare__item")
        assert items.count() == len({answer.key.split(".")[0] for answer in answers})
        for item in items.all():  # the partner's own side is empty, and the mark says so in words
            expect(item.locator("dd").first).to_have_text("Not answered yet")
            expect(item.locator(".g-compare__mark")).to_contain_text("Only your partner has answered this.")
            expect(item.locator(".g-compare__mark")).to_contain_text("Talk about it:")
        for field in SHEETS[sheet_id].fields:
            if any(answer.key.split(".")[0] == field.id for answer in answers):
                expect(view).to_contain_text(field.talk)
        expect(notice(other)).to_contain_text("taken out of the address bar")
        assert "#" not in other.url, "the fragment is removed from the address bar"
        assert storage(other) == {}, "opening a link stores nothing"
        assert section.evaluate("s => guideWorksheets.collect(s)") == {}, \
            "the partner's answers are shown, never filled into the opener's own fields"

        other.goto(quiz_link)
        quiz_b = other.locator(f'section[data-quiz="{quiz_id}"]').first
        view = comparison(quiz_b)
        assert view.locator(".g-compare__item").count() == len(counted)
        expect(view).to_contain_text(quiz_data.statements[counted[-1] - 1].talk)
        for _, statement in quiz_data.flagged:
            expect(view).not_to_contain_text(statement.text)

        # Now the partner answers too: agreements and differences are marked in words.
        first_counted = counted[0]
        quiz_b.locator("fieldset").nth(first_counted - 1).locator("input").nth(0).check()
        quiz_b.locator("fieldset").nth(counted[-1] - 1).locator("input").nth(1).check()
        expect(view.locator(".g-compare__mark").first).to_have_text("Same answer.")
        expect(view.locator(".g-compare__mark").last).to_contain_text("Different answers.")
        assert storage(other) == {}
    finally:
        reader.close()
        partner.close()

    secrets = [line for text in text_answers(answers) for line in text.splitlines()]
    for url in requests_a + requests_b:
        parts = urlsplit(url)
        sent = unquote(parts.path + "?" + parts.query)
        assert "share=" not in sent and not any(secret in sent for secret in secrets), url


def test_a_result_that_raises_a_safety_flag_is_not_shared(page, base_url):
    quiz_id, path = assessment(flagged=True)
    number, statement = plan.quizzes()[quiz_id].flagged[0]
    quiz = quiz_on(page, base_url, quiz_id, path)
    answer_quiz(quiz, lambda n: statement.threshold - 1 if n == number else 0)
    quiz.get_by_role("button", name=SHARE).click()
    expect(quiz.locator(".g-share [role=status]")).to_contain_text("not shared")
    expect(quiz.get_by_role("button", name="Make the link")).to_have_count(0)


def test_only_the_ticked_answers_travel_by_keyboard_alone(page, base_url):
    sheet_id, path = shareable_sheet()
    answers = answers_for(SHEETS[sheet_id])
    section = sheet_on(page, base_url, sheet_id, path)
    fill(section, answers)
    section.get_by_role("button", name=SHARE).focus()
    page.keyboard.press("Enter")
    panel = section.get_by_role("group", name="What your partner will see")
    expect(panel).to_be_visible()
    assert section.get_by_role("button", name=SHARE).get_attribute("aria-expanded") == "true"
    ticks = panel.get_by_role("checkbox")
    assert ticks.count() == len({answer.key.split(".")[0] for answer in answers})
    assert all(tick.is_checked() for tick in ticks.all()), "everything is shared unless the reader unticks it"
    ticks.first.focus()
    page.keyboard.press("Space")  # leave the first field out
    assert not ticks.first.is_checked()
    for _ in range(len(SHEETS[sheet_id].fields) + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Make the link":
            break
    page.keyboard.press("Enter")
    field = section.get_by_label(LINK_FIELD)
    expect(field).to_be_focused()
    expect(field).to_have_attribute("readonly", "")
    status = section.locator(".g-share [role=status]")
    expect(status).to_contain_text("The link is made")
    expect(status).to_contain_text("Anyone who has it can read these answers")
    left_out = SHEETS[sheet_id].fields[0].id
    assert not any(key.split(".")[0] == left_out for key in decoded(field.input_value())["a"])


# --- Damaged and foreign links: a message, and nothing changes ------------------------------------------

def broken_links(sheet_id: str, version: str) -> dict[str, tuple[str, str]]:
    good = {"f": "guide-share", "v": 1, "k": "ws", "id": sheet_id, "l": version, "a": {}}
    return {
        "not base64": ("@@not-a-link@@", "damaged"),
        "not deflate": (base64.urlsafe_b64encode(b"plain words").decode().rstrip("="), "damaged"),
        "not JSON": (packed(b"{not json"), "damaged"),
        "another format": (packed({**good, "f": "something-else"}), "not a link"),
        "a newer version": (packed({**good, "v": 2}), "not a link"),
        "not on this page": (packed({**good, "id": "no-such-worksheet"}), "not on this page"),
        "an older layout": (packed({**good, "l": "0000000000"}), "has changed"),
        "answers that fit no field": (packed({**good, "a": {"no-such-field": "words"}}), "damaged"),
    }


@pytest.mark.parametrize("case", list(broken_links("x", "y")))
def test_a_damaged_or_foreign_link_gives_a_message_and_changes_nothing(page, base_url, case):
    sheet_id, path = shareable_sheet()
    answers = answers_for(SHEETS[sheet_id])
    section = sheet_on(page, base_url, sheet_id, path)
    fill(section, answers)  # the opener's own answers, saved
    version = section.get_attribute("data-version")
    fragment, words = broken_links(sheet_id, version)[case]
    before = storage(page)
    assert before, "the opener's answers are saved before the link is opened"
    open_link(page, base_url + path + "#share=" + fragment)
    box = notice(page)
    expect(box).to_have_attribute("role", "alert")
    expect(box).to_contain_text(words)
    expect(box).to_contain_text(re.compile("nothing was changed", re.IGNORECASE))
    assert page.locator(".g-compare").count() == 0
    assert storage(page) == before


def test_a_truncated_link_gives_a_message_and_leaves_storage_unchanged(browser, base_url):
    sheet_id, path = shareable_sheet()
    answers = answers_for(SHEETS[sheet_id])
    reader, partner = fresh(browser), fresh(browser)
    try:
        page = reader.new_page()
        fill(sheet_on(page, base_url, sheet_id, path), answers)
        link = make_link(worksheet(page, sheet_id))
        other = partner.new_page()
        section = sheet_on(other, base_url, sheet_id, path)
        fill(section, answers[:1])
        before = storage(other)
        open_link(other, link[: len(link) * 2 // 3])
        expect(notice(other)).to_contain_text("damaged or cut short")
        assert other.locator(".g-compare").count() == 0
        assert storage(other) == before
    finally:
        reader.close()
        partner.close()


# --- Keeping the partner's copy, or not ------------------------------------------------------------------

def shared_link(browser, base_url) -> tuple[str, str, str]:
    sheet_id, path = shareable_sheet()
    context = fresh(browser)
    try:
        page = context.new_page()
        section = sheet_on(page, base_url, sheet_id, path)
        fill(section, answers_for(SHEETS[sheet_id]))
        return sheet_id, path, make_link(section)
    finally:
        context.close()


def test_the_partner_s_copy_is_kept_only_when_asked(browser, page, base_url):
    sheet_id, path, link = shared_link(browser, base_url)
    page.goto(link)
    section = worksheet(page, sheet_id)
    view = comparison(section)
    keep = view.get_by_role("checkbox", name=KEEP)
    assert not keep.is_checked(), "not kept unless the reader asks"
    assert partner_keys(page) == []
    keep.check()
    expect(view.locator("[role=status]")).to_contain_text("kept on this device")
    assert [key.rsplit(":", 1)[-1] for key in partner_keys(page)] == [f"ws-{sheet_id}"]

    page.goto(base_url + path)  # later, without the link: the kept copy is shown again
    view = comparison(worksheet(page, sheet_id))
    keep = view.get_by_role("checkbox", name=KEEP)
    assert keep.is_checked()
    keep.uncheck()
    expect(view.locator("[role=status]")).to_contain_text("no longer kept")
    assert partner_keys(page) == []


def test_a_new_link_replaces_the_copy_kept_before_and_brings_focus_to_it(browser, page, base_url):
    """An old kept copy never comes back over newer answers; on a phone the comparison is screens
    below the notice, so focus goes to its heading."""
    sheet_id, path, link = shared_link(browser, base_url)
    open_link(page, link)
    comparison(worksheet(page, sheet_id)).get_by_role("checkbox", name=KEEP).check()
    record = decoded(link)
    typed = {answer.key for answer in answers_for(SHEETS[sheet_id]) if answer.how == "type"}
    newer = {**record, "a": {key: value + " (newer)" if key in typed else value for key, value in record["a"].items()}}
    open_link(page, base_url + path + "#share=" + packed(newer))
    view = comparison(worksheet(page, sheet_id))
    expect(view.get_by_role("heading")).to_be_focused()
    expect(notice(page)).to_contain_text("replace the copy")
    assert view.get_by_role("checkbox", name=KEEP).is_checked()
    kept = json.loads(next(value for key, value in storage(page).items() if ":partner:" in key))
    assert kept["a"] == newer["a"], "the newer answers are the ones kept"


def test_an_answer_too_long_for_a_link_is_said_before_any_link_is_made(page, base_url):
    sheet_id, path = shareable_sheet()
    long_field = next((field for field in SHEETS[sheet_id].fields if field.kind == "long"), None)
    if long_field is None:
        pytest.skip("the shareable worksheet has no long answer")
    section = sheet_on(page, base_url, sheet_id, path)
    open_fill(section)
    section.locator(f'[data-k="{long_field.id}"]').fill("word " * 1100)
    section.get_by_role("button", name=SHARE).click()
    section.get_by_role("button", name="Make the link").click()
    expect(section.locator(".g-share [role=status]")).to_contain_text("too long")
    assert section.get_by_label(LINK_FIELD).count() == 0


def test_a_link_that_unpacks_too_large_changes_nothing(page, base_url):
    """A crafted link that would unpack to megabytes is refused, not unpacked."""
    sheet_id, path = shareable_sheet()
    sheet_on(page, base_url, sheet_id, path)
    before = storage(page)
    bomb = json.dumps({"f": "guide-share", "v": 1, "k": "ws", "id": sheet_id, "l": "x", "a": {"x": "0" * 3_000_000}})
    open_link(page, base_url + path + "#share=" + packed(bomb.encode()))
    expect(notice(page)).to_contain_text("damaged")
    assert storage(page) == before


def test_a_kept_copy_for_another_layout_is_dropped_not_shown(page, base_url):
    """After the owner changes a worksheet's fields, a partner's copy kept for the old layout can
    never be shown beside the new one: it goes, rather than stay on the device unseen."""
    sheet_id, path = shareable_sheet()
    sheet_on(page, base_url, sheet_id, path)
    # Kept as the store keeps it (guide.js: "guide:<site path>:partner:ws-<id>").
    page.evaluate("""id => localStorage.setItem(`guide:${__md_scope.pathname}:partner:ws-${id}`,
        JSON.stringify({v: "an-old-layout", a: {x: "y"}, at: "2026-01-01"}))""", sheet_id)
    assert partner_keys(page) != []
    sheet_on(page, base_url, sheet_id, path)
    page.locator(f'section[data-worksheet="{sheet_id}"][data-share="ready"]').wait_for()
    assert partner_keys(page) == []
    assert page.locator(".g-compare").count() == 0


def test_with_dont_save_on_nothing_of_the_partner_s_is_stored(browser, page, base_url):
    sheet_id, path, link = shared_link(browser, base_url)
    section = sheet_on(page, base_url, sheet_id, path)
    open_fill(section)
    section.locator(".g-ws__more > summary").click()
    section.get_by_role("switch", name="Don't save anything on this device").check()
    before = storage(page)
    open_link(page, link)
    view = comparison(worksheet(page, sheet_id))
    keep = view.get_by_role("checkbox", name=KEEP)
    keep.click()  # the box does not stay ticked: nothing could be kept
    expect(view.locator("[role=status]")).to_contain_text("Not kept")
    assert not keep.is_checked()
    assert storage(page) == before and partner_keys(page) == []


# --- The file route -----------------------------------------------------------------------------------------

def test_a_file_instead_of_a_link_opens_in_the_partner_s_browser(browser, base_url, tmp_path):
    sheet_id, path = shareable_sheet()
    answers = answers_for(SHEETS[sheet_id])
    reader, partner = fresh(browser), fresh(browser)
    try:
        page = reader.new_page()
        section = sheet_on(page, base_url, sheet_id, path)
        fill(section, answers)
        section.get_by_role("button", name=SHARE).click()
        with page.expect_download() as download:
            section.get_by_role("button", name="Save as a file instead").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert json.loads(saved.read_text())["a"] == {answer.key: answer.value for answer in answers}
        expect(section.locator(".g-share [role=status]")).to_contain_text(download.value.suggested_filename)

        other = partner.new_page()
        section = sheet_on(other, base_url, sheet_id, path)
        open_fill(section)
        with other.expect_file_chooser() as chooser:
            section.get_by_role("button", name="Open a file from my partner").click()
        chooser.value.set_files(str(saved))
        view = comparison(section)
        for text in text_answers(answers):
            expect(view).to_contain_text(text.splitlines()[0])
        assert storage(other) == {}

        junk = tmp_path / "junk.json"
        junk.write_text('{"f": "guide-share", "v": 1')
        with other.expect_file_chooser() as chooser:
            section.get_by_role("button", name="Open a file from my partner").click()
        chooser.value.set_files(str(junk))
        expect(section.locator(".g-share [role=status]")).to_contain_text("Nothing was changed")
    finally:
        reader.close()
        partner.close()


# --- Without JavaScript, on paper, and for axe ----------------------------------------------------------------

def test_without_javascript_nothing_of_sharing_shows(no_js, base_url):
    sheet_id, path = shareable_sheet()
    no_js.goto(base_url + path)
    section = worksheet(no_js, sheet_id)
    expect(section).to_be_visible()
    assert no_js.locator(".g-share, .g-compare, button:has-text('partner')").count() == 0


def test_sharing_is_left_off_paper(browser, page, base_url):
    sheet_id, path, link = shared_link(browser, base_url)
    page.goto(link)
    section = worksheet(page, sheet_id)
    comparison(section)
    section.get_by_role("button", name=SHARE).click()
    page.emulate_media(media="print")
    for selector in (".g-share", ".g-compare", ".g-share__notice"):
        assert not page.locator(selector).first.is_visible(), selector


def test_no_axe_violation_with_the_panel_open_and_the_comparison_shown(browser, base_url):
    sheet_id, path, link = shared_link(browser, base_url)
    quiz_id, quiz_path = assessment()
    context = fresh(browser)
    try:
        page = context.new_page()
        page.goto(link)
        section = worksheet(page, sheet_id)
        comparison(section)
        notice(page)
        section.get_by_role("button", name=SHARE).click()  # nothing answered here yet: a message
        fill(section, answers_for(SHEETS[sheet_id])[:2])
        section.get_by_role("button", name=SHARE).click()
        section.get_by_role("button", name="Make the link").click()
        expect(section.get_by_label(LINK_FIELD)).not_to_have_value("")
        assert violations_in_both_schemes(page) == []

        quiz = quiz_on(page, base_url, quiz_id, quiz_path)
        answer_quiz(quiz, lambda n: 0)
        quiz.get_by_role("button", name=SHARE).click()
        expect(quiz.get_by_role("button", name="Make the link")).to_be_visible()
        assert violations_in_both_schemes(page) == []
    finally:
        context.close()
