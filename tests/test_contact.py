"""The owner, honestly presented: settings, the end-of-page boxes, paid help only where it belongs,
one authorship story, quick exit, the footer note, link previews, robots.txt and the 404 page.

What to expect comes from mkdocs.yml and the pages' front matter (tests/project.py): changing every
owner setting, or a page's box, changes what these tests expect, not whether they pass."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

import project
from guide_macros.datafiles import DataError
from guide_macros.settings import load
from project import text
from sitebuild import build_env, copy_project, mkdocs_build, output, stopped


@pytest.fixture(scope="session")
def extra() -> dict:
    return project.config()["extra"]


@pytest.fixture(scope="session")
def settings():
    return project.settings()


@pytest.fixture(scope="session")
def site_url(site_dir, parse) -> str:
    """The configured site_url, read from the home page's canonical link."""
    return parse(site_dir / "index.html").find("link", rel="canonical")["href"]


def article_text(soup: BeautifulSoup) -> str:
    """The words of a page's main text, with line breaks and runs of spaces as single spaces."""
    return text(soup.find("article"))


def page_url(site_url: str, name: str) -> str:
    """The address a built page is served at ("take-stock/index.html" -> .../take-stock/)."""
    return urljoin(site_url, name.removesuffix("index.html"))


def resolved_path(site_url: str, name: str, href: str) -> str:
    """The path a link on page `name` leads to, relative to the site's root ("contact/")."""
    path = urlsplit(urljoin(page_url(site_url, name), href)).path.removesuffix("index.html")
    return path.removeprefix(urlsplit(site_url).path)


def set_owner_value(project_dir: Path, key: str, value: str) -> None:
    """Change one `extra.owner` value in a project copy's mkdocs.yml, whatever it was."""
    config = project_dir / "mkdocs.yml"
    content, count = re.subn(rf"(?m)^(    {key}:).*$", lambda match: f"{match.group(1)} {value}",
                             config.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"extra.owner.{key} not found in mkdocs.yml"
    config.write_text(content, encoding="utf-8")


def owned(value: str, settings) -> str:
    return " ".join(value.replace("{owner}", settings.owner.name).split())


# --- The owner's settings, validated ----------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "message"), [
    ("email", "hello.example.com", "mkdocs.yml: extra.owner.email: 'hello.example.com' is not an email address"),
    ("email", "mailto:hello@example.com x", "mkdocs.yml: extra.owner.email:"),
    ("booking_url", "http://example.com/book", "mkdocs.yml: extra.owner.booking_url: must start with https://"),
    ("form_url", "www.example.com/form", "mkdocs.yml: extra.owner.form_url: must start with https://"),
    ("name", "", "mkdocs.yml: extra.owner.name: is empty; write something here"),
    ("nickname", "Al", "mkdocs.yml: extra.owner.nickname: 'nickname' is not a key this file knows"),
    ("email_subject", "About my relationship", "mkdocs.yml: extra.owner.email_subject: 'About my relationship' says "
                                               "what the message is about"),
    ("paid_help", "Dating advice", "mkdocs.yml: extra.owner.paid_help: should be a list"),
])
def test_a_bad_owner_setting_is_named_in_the_error(extra, key, value, message):
    broken = {**extra, "owner": {**extra["owner"], key: value}}
    with pytest.raises(DataError) as caught:
        load(broken)
    assert message in str(caught.value)


@pytest.mark.parametrize(("change", "message"), [
    (lambda cta: cta.pop("default"), "mkdocs.yml: extra.cta: needs a box named 'default'"),
    (lambda cta: cta["default"].update(paid_help=True), "mkdocs.yml: extra.cta: the 'default' box is on nearly every page"),
    (lambda cta: cta["default"].pop("button"), "mkdocs.yml: extra.cta.default.button: missing"),
    (lambda cta: cta.update({"Starting Again": dict(cta["default"])}), "mkdocs.yml: extra.cta.Starting Again"),
])
def test_a_bad_box_setting_is_named_in_the_error(extra, change, message):
    boxes = {name: dict(box) for name, box in extra["cta"].items()}
    change(boxes)
    with pytest.raises(DataError) as caught:
        load({**extra, "cta": boxes})
    assert message in str(caught.value)


def test_a_plain_http_quick_exit_address_is_refused(extra):
    with pytest.raises(DataError, match=r"mkdocs.yml: extra.quick_exit_url: must start with https://"):
        load({**extra, "quick_exit_url": "http://www.bbc.co.uk/weather"})


def test_a_missing_quick_exit_address_stops_the_build(extra):
    """Without one, "Exit this page" would be an empty link that reloads the page it should leave."""
    settings = {key: value for key, value in extra.items() if key != "quick_exit_url"}
    with pytest.raises(DataError, match=r"mkdocs.yml: extra.quick_exit_url: missing"):
        load(settings)


def test_empty_optional_addresses_mean_not_used_and_the_subject_is_encoded(extra):
    owner = load({**extra, "owner": {**extra["owner"], "booking_url": "", "form_url": None,
                                     "email_subject": "Hello & thanks?"}}).owner
    assert owner.booking_url is None and owner.form_url is None
    assert owner.mailto == f"mailto:{owner.email}?subject=Hello%20%26%20thanks%3F"


def test_bad_owner_settings_stop_the_build_with_clear_messages(project_copy, tmp_path):
    set_owner_value(project_copy, "email", "hello@example")
    set_owner_value(project_copy, "booking_url", '"http://example.com/book"')
    for log in stopped(project_copy, tmp_path / "out"):
        assert "mkdocs.yml: extra.owner.email: 'hello@example' is not an email address" in log
        assert "mkdocs.yml: extra.owner.booking_url: must start with https://" in log


def test_a_page_naming_a_box_that_does_not_exist_fails_the_build(project_copy, tmp_path):
    page = project.pages(project_copy)[1]
    path = project_copy / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", "\ncta: startin-again\n---\n", 1), encoding="utf-8")
    for log in stopped(project_copy, tmp_path / "out"):
        assert f"docs/{page}: cta: 'startin-again' is not a box in mkdocs.yml extra.cta" in log


# --- The end-of-page boxes ---------------------------------------------------------------------------

def test_every_page_shows_the_box_its_front_matter_picks(content_pages, parse, site_url, settings):
    for page in project.pages():
        name = project.built(page)
        blocks = parse(content_pages[name]).select(".g-cta")
        chosen = project.box_of(page)
        if chosen is None:
            assert blocks == [], f"{page} has cta: false"
            continue
        box = settings.cta[chosen]
        assert len(blocks) == 1, f"{name}: {len(blocks)} boxes"
        assert text(blocks[0].find("h2")) == owned(box.title, settings), page
        assert owned(box.text, settings) in text(blocks[0]), page
        links = {resolved_path(site_url, name, a["href"]): text(a) for a in blocks[0].find_all("a", href=True)}
        contact = project.url_path(project.one_page_calling("contact_options"))
        assert links == {contact: owned(box.button, settings)}, f"{name}: the box leads to {links}"


def test_the_default_box_invites_questions_and_sells_nothing(settings):
    box = settings.cta["default"]
    words = " ".join((box.title, box.text, box.button)).lower()
    assert not box.paid_help
    assert not any(item.lower() in words for item in settings.owner.paid_help)
    assert "dating" not in words, "the box on pages about saving a relationship names no dating service"


def test_paid_help_is_named_only_on_contact_and_in_boxes_that_list_it(content_pages, parse, settings):
    """The owner's paid offer stays off the pages about saving a relationship, and appears once where it is."""
    allowed = {project.built(project.one_page_calling("contact_options"))} | {
        project.built(page) for page in project.pages()
        if project.box_of(page) and settings.cta[project.box_of(page)].paid_help}
    for name, path in content_pages.items():
        page_text = text(parse(path).find("article"))
        for item in settings.owner.paid_help:
            count = page_text.count(" ".join(item.split()))
            if name in allowed:
                assert count == 1, f"{name}: '{item}' appears {count} times"
            else:
                assert count == 0, f"{name}: '{item}' is on a page that is not about starting again"


def test_the_safety_page_ends_with_help_not_a_box(content_pages, parse):
    soup = parse(content_pages[project.built(project.SAFETY_PAGE)])
    assert soup.select(".g-cta") == []
    article = soup.find("article")
    last_heading = article.find_all("h2")[-1]
    assert last_heading.find_next(class_="g-help"), "the page's last section lists the helplines"


def test_contact_is_in_the_navigation_of_every_page(content_pages, parse, site_url):
    contact = project.url_path(project.one_page_calling("contact_options"))
    for name, path in content_pages.items():
        nav = parse(path).select_one("nav.md-nav--primary")
        targets = {resolved_path(site_url, name, a["href"]) for a in nav.find_all("a", href=True)}
        assert contact in targets, f"{name}: no Contact entry in the navigation"


# --- Contact and About: who wrote what, and what is paid ---------------------------------------------

def test_the_contact_page_mails_the_configured_address_with_a_neutral_subject(content_pages, parse, settings):
    soup = parse(content_pages[project.built(project.one_page_calling("contact_options"))])
    links = soup.select('article a[href^="mailto:"]')
    assert links, "no mailto: link"
    for link in links:
        parts = urlsplit(link["href"])
        assert parts.path == settings.owner.email
        assert parse_qs(parts.query) == {"subject": [settings.owner.email_subject]}
        assert " " not in link["href"], "the subject must be URL-encoded"


def test_contact_and_about_tell_one_authorship_story_and_say_the_guide_is_free(content_pages, parse, settings):
    stories = []
    for page in project.pages_calling("authorship"):
        soup = parse(content_pages[project.built(page)])
        story = soup.select(".g-authorship")
        assert len(story) == 1, page
        stories.append(text(story[0]))
        assert settings.owner.name in stories[-1]
        if settings.owner.paid_help:
            assert "free, and complete without it" in article_text(soup), f"{page}: says the guide is free without paid help"
            assert "paid help" in article_text(soup), f"{page}: says plainly that the author offers paid help"
    assert len(stories) >= 2 and len(set(stories)) == 1, "one authorship story, told the same way everywhere"
    for name, path in content_pages.items():
        assert not re.search(rf"{re.escape(settings.owner.name)} wrote this guide", article_text(parse(path))), name


def test_the_contact_page_says_what_happens_to_a_message(content_pages, parse, settings):
    body = article_text(parse(content_pages[project.built(project.one_page_calling("contact_options"))]))
    assert settings.owner.name in body and "What happens to your message" in body
    # Honest about replies: the guide cannot promise on the owner's behalf that, or when, they write back.
    assert "aims to reply" in body and "writes back to you" not in body


def test_no_form_and_no_booking_link_until_they_are_configured(content_pages, parse, settings):
    soup = parse(content_pages[project.built(project.one_page_calling("contact_options"))])
    assert (soup.find("form", class_="g-contact__form") is None) == (settings.owner.form_url is None)
    assert (not soup.find("a", string=re.compile("book a call", re.I))) == (settings.owner.booking_url is None)


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    """A fork's build: its own SITE_URL, a booking page and a form service configured."""
    copy = copy_project(tmp_path_factory.mktemp("fork") / "project")
    set_owner_value(copy, "booking_url", '"https://booking.example.com/alex"')
    set_owner_value(copy, "form_url", '"https://forms.example.com/f/abc"')
    site = copy / "out"
    env = dict(build_env(), SITE_URL="https://guide.example.org/help/")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, output(result)
    return site


def test_a_configured_form_and_booking_page_appear_on_the_contact_page(fork_site):
    contact = project.built(project.one_page_calling("contact_options"))
    soup = BeautifulSoup((fork_site / contact).read_text(encoding="utf-8"), "lxml")
    form = soup.find("form", class_="g-contact__form")
    assert form and form["action"] == "https://forms.example.com/f/abc" and form["method"] == "post"
    for control in form.select("input, textarea"):
        assert soup.find("label", attrs={"for": control["id"]}), f"{control['name']}: no label"
    assert soup.find("a", href="https://booking.example.com/alex")
    privacy = (fork_site / project.built(project.one_page_calling("clear_data_button"))).read_text(encoding="utf-8")
    assert "form service" in privacy and "booking site" in privacy


def test_a_fork_s_site_url_reaches_robots_txt_and_the_link_previews(fork_site):
    assert "Sitemap: https://guide.example.org/help/sitemap.xml" in (fork_site / "robots.txt").read_text()
    page = project.pages()[-1]
    soup = BeautifulSoup((fork_site / project.built(page)).read_text(encoding="utf-8"), "lxml")
    assert soup.find("meta", property="og:url")["content"] == "https://guide.example.org/help/" + project.url_path(page)
    assert soup.find("meta", property="og:image")["content"].startswith("https://guide.example.org/help/")


# --- Privacy and safety -----------------------------------------------------------------------------

def test_the_privacy_page_has_a_clear_button_that_asks_first_and_a_status_line(content_pages, parse):
    soup = parse(content_pages[project.built(project.one_page_calling("clear_data_button"))])
    button = soup.select_one("[data-js] button[data-guide-clear]")
    assert button and button.get("type") == "button" and button["data-confirm"].strip()
    status = soup.select_one("[data-cleared]")
    assert status and status.get("role") == "status" and status["data-cleared"].strip()
    assert soup.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


@pytest.mark.parametrize("page", project.quick_exit_pages())
def test_quick_exit_comes_first_after_the_skip_link(content_pages, parse, settings, page):
    soup = parse(content_pages[project.built(page)])
    controls = soup.select("[data-quick-exit]")
    assert len(controls) == 1
    control = controls[0]
    assert control["data-quick-exit"] == control["href"] == settings.quick_exit_url
    # Focusable elements in document order: the skip link, then the quick exit, then the header.
    focusable = [element for element in soup.body.find_all(["a", "button", "input", "select", "textarea"])
                 if "md-toggle" not in element.get("class", []) and element.name != "label"]
    first = [element for element in focusable if "md-skip" not in element.get("class", [])][0]
    assert first is control
    assert control.find_parent("header") is None and control.find_next("header") is not None


def test_other_pages_show_no_banner_and_no_quick_exit(content_pages, parse):
    """Their only exits are inside a self-check that asks about safety, shown once it is opened
    (test_safety.py), and in a safety result, which quiz.js builds only when a flag is raised."""
    with_exit = {project.built(page) for page in project.quick_exit_pages()}
    for name, path in content_pages.items():
        if name not in with_exit:
            soup = parse(path)
            assert soup.select(".md-banner") == [], name
            assert [a for a in soup.select("[data-quick-exit]") if not a.find_parent(class_="g-fill")] == [], name


def test_no_keyboard_hint_is_in_the_markup(content_pages, parse):
    """Shift works only with guide.js, which adds the hint; a text browser must not print a dead one."""
    for name, path in content_pages.items():
        assert "three times" not in text(parse(path).select_one(".md-banner") or BeautifulSoup("", "lxml")), name


# --- Footer, sharing and finding --------------------------------------------------------------------

def test_every_page_has_the_footer_note_with_about_privacy_and_safety(html_pages, parse, site_url):
    for name, path in html_pages.items():
        note = parse(path).select_one(".g-footer-note")
        assert note and "not therapy" in note.get_text(), f"{name}: no footer note"
        # The 404 page is served at any address, so its links start from the site's root path.
        base = site_url if name == "404.html" else page_url(site_url, name)
        targets = {urlsplit(urljoin(base, a["href"])).path.removeprefix(urlsplit(site_url).path)
                   for a in note.find_all("a", href=True)}
        expected = {project.url_path(project.SAFETY_PAGE), project.url_path(project.one_page_calling("clear_data_button")),
                    project.url_path(project.one_page_calling("contact_options"))}
        assert expected <= targets, f"{name}: footer links {targets}"


def test_every_page_has_absolute_link_preview_tags(content_pages, parse, site_url):
    for name, path in content_pages.items():
        soup = parse(path)
        canonical = soup.find("link", rel="canonical")
        assert canonical and canonical["href"] == page_url(site_url, name), f"{name}: canonical"

        def meta(**attrs) -> str:
            tag = soup.find("meta", attrs=attrs)
            assert tag and tag.get("content", "").strip(), f"{name}: no {attrs}"
            return tag["content"]

        assert meta(property="og:url") == canonical["href"]
        assert meta(property="og:title") and meta(name="twitter:title")
        assert meta(property="og:description") == meta(name="description") == meta(name="twitter:description")
        assert meta(property="og:image") == meta(name="twitter:image") == site_url + "assets/images/social.png"
        assert meta(name="twitter:card") == "summary_large_image"
        for value in (meta(property="og:url"), meta(property="og:image")):
            assert value.startswith("https://"), f"{name}: {value} is not absolute"


def test_the_preview_image_logo_and_favicon_are_our_own(site_dir, parse):
    png = (site_dir / "assets" / "images" / "social.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    soup = parse(site_dir / "index.html")
    assert soup.find("link", rel="icon")["href"].endswith("assets/images/logo.svg")
    # The header draws the same picture inline (no image request ahead of Material's script).
    favicon = parse(site_dir / "assets" / "images" / "logo.svg")
    shapes = lambda svg: [(tag.name, tag.get("d"), tag.get("fill")) for tag in svg.find_all(["rect", "path"])]  # noqa: E731
    assert shapes(soup.select_one(".md-logo svg")) == shapes(favicon.svg) != [], (
        "the header logo (overrides/.icons/guide/logo.svg) and the favicon (docs/assets/images/logo.svg) "
        "differ: a new logo goes into both files")
    assert soup.select_one(".md-logo img") is None


def test_robots_txt_names_the_absolute_sitemap_address(site_dir, site_url):
    lines = (site_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {site_url}sitemap.xml" in lines
    assert (site_dir / "sitemap.xml").exists()


def test_the_404_page_offers_a_way_home_and_the_search(html_pages, parse, site_url):
    soup = parse(html_pages["404.html"])
    article = soup.find("article")
    assert article.find("h1")
    home = [a for a in article.find_all("a", href=True)
            if urljoin(site_url + "no/such/page/", a["href"]).rstrip(".") == site_url]
    assert home, "no link to the home page"
    assert soup.find("form", class_="md-search__form"), "no search box"
    assert article.select(".g-cta") == []


# --- Zensical, Material's successor, shows the same --------------------------------------------------

def test_zensical_builds_the_boxes_contact_page_quick_exit_and_footer(zensical_site, content_pages, parse, settings):
    for page in project.pages():
        name = project.built(page)
        ours, theirs = parse(content_pages[name]), parse(zensical_site / name)
        assert [text(box) for box in theirs.select(".g-cta")] == [text(box) for box in ours.select(".g-cta")], name
        assert bool(theirs.select_one(".md-banner [data-quick-exit]")) == (page in project.quick_exit_pages()), name
        assert theirs.select_one(".g-footer-note"), name
    contact = parse(zensical_site / project.built(project.one_page_calling("contact_options")))
    assert contact.select_one('a[href^="mailto:"]')["href"] == settings.owner.mailto
    assert contact.select_one(".g-authorship")
