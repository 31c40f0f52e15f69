"""Contact, privacy, safety and sharing: the owner's settings, the call to action, quick exit,
the footer note, link-preview tags, robots.txt and the 404 page, read from the built HTML."""

from __future__ import annotations

import copy
import re
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from guide_macros.contact import load
from guide_macros.datafiles import DataError
from sitebuild import ROOT, build_env, copy_project, mkdocs_build, output


class LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: `!ENV` and `!!python/name` values become None."""


LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def extra_settings(project: Path = ROOT) -> dict:
    """mkdocs.yml `extra`, as the owner wrote it."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=LenientLoader)["extra"]


@pytest.fixture(scope="session")
def extra() -> dict:
    return extra_settings()


@pytest.fixture(scope="session")
def site_url(site_dir, parse) -> str:
    """The configured site_url, read from the home page's canonical link."""
    return parse(site_dir / "index.html").find("link", rel="canonical")["href"]


def article_text(soup: BeautifulSoup) -> str:
    """The words of a page's main text, with line breaks and runs of spaces as single spaces."""
    return " ".join(soup.find("article").get_text(" ").split())


def page_url(site_url: str, name: str) -> str:
    """The address a built page is served at ("take-stock/index.html" -> .../take-stock/)."""
    return urljoin(site_url, name.removesuffix("index.html"))


def resolved_path(site_url: str, name: str, href: str) -> str:
    """The path a link on page `name` leads to, relative to the site's root ("contact/")."""
    path = urlsplit(urljoin(page_url(site_url, name), href)).path.removesuffix("index.html")
    return path.removeprefix(urlsplit(site_url).path)


def set_setting(project: Path, old: str, new: str) -> None:
    """Change one line of a project copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in mkdocs.yml"
    config.write_text(text.replace(old, new), encoding="utf-8")


# --- The owner's settings, validated ----------------------------------------------------------------

def test_the_shipped_settings_are_valid_and_obviously_examples(extra):
    settings = load(extra)
    assert settings.owner.email.endswith("@example.com")
    assert settings.quick_exit_url.startswith("https://")


@pytest.mark.parametrize(("key", "value", "message"), [
    ("email", "hello.example.com", "mkdocs.yml: extra.owner.email: 'hello.example.com' is not an email address"),
    ("email", "mailto:hello@example.com x", "mkdocs.yml: extra.owner.email:"),
    ("booking_url", "http://example.com/book", "mkdocs.yml: extra.owner.booking_url: must start with https://"),
    ("form_url", "www.example.com/form", "mkdocs.yml: extra.owner.form_url: must start with https://"),
    ("name", "", "mkdocs.yml: extra.owner.name:"),
    ("nickname", "Al", "mkdocs.yml: extra.owner.nickname: Extra inputs are not permitted"),
])
def test_a_bad_owner_setting_is_named_in_the_error(extra, key, value, message):
    broken = {**extra, "owner": {**extra["owner"], key: value}}
    with pytest.raises(DataError) as caught:
        load(broken)
    assert message in str(caught.value)


def test_a_plain_http_quick_exit_address_is_refused(extra):
    with pytest.raises(DataError, match=r"mkdocs.yml: extra.quick_exit_url: must start with https://"):
        load({**extra, "quick_exit_url": "http://www.bbc.co.uk/weather"})


def test_a_missing_quick_exit_address_stops_the_build(extra):
    """Without one, "Exit this page" would be an empty link that reloads the page it should leave."""
    settings = {key: value for key, value in extra.items() if key != "quick_exit_url"}
    with pytest.raises(DataError, match=r"mkdocs.yml: extra.quick_exit_url: Field required"):
        load(settings)


def test_empty_optional_addresses_mean_not_used_and_the_subject_is_encoded(extra):
    owner = load({**extra, "owner": {**extra["owner"], "booking_url": "", "form_url": None,
                                     "email_subject": "Help & advice?"}}).owner
    assert owner.booking_url is None and owner.form_url is None
    assert owner.mailto == f"mailto:{owner.email}?subject=Help%20%26%20advice%3F"


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    email: hello@example.com\n", "    email: hello@example\n",
     "mkdocs.yml: extra.owner.email: 'hello@example' is not an email address"),
    ('    booking_url: ""', '    booking_url: "http://example.com/book"',
     "mkdocs.yml: extra.owner.booking_url: must start with https://"),
])
def test_a_bad_owner_setting_fails_the_build_with_a_clear_message(project_copy, tmp_path, old, new, message):
    set_setting(project_copy, old, new)
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert message in output(result)


# --- The call to action -----------------------------------------------------------------------------

def test_every_content_page_but_contact_ends_with_one_call_to_action(content_pages, parse, site_url):
    checked = 0
    for name, path in content_pages.items():
        blocks = parse(path).select(".g-cta")
        if name == "contact/index.html":
            assert blocks == [], "the Contact page needs no call to action"
            continue
        assert len(blocks) == 1, f"{name}: {len(blocks)} call-to-action blocks"
        links = {resolved_path(site_url, name, a["href"]) for a in blocks[0].find_all("a", href=True)}
        assert links == {"contact/"}, f"{name}: the call to action leads to {links}"
        checked += 1
    assert checked >= 10


def cta_wording(block) -> tuple[str, str, str]:
    """A call-to-action block's title, text and button, as a reader sees them."""
    return tuple(" ".join(element.get_text(" ").split()) for element in (block.find("h2"), block.find("p"), block.find("a")))


def test_the_call_to_action_uses_the_configured_wording_with_the_owner_s_name(content_pages, parse, extra):
    name = extra["owner"]["name"]
    expected = tuple(" ".join(extra["cta"][key].replace("{owner}", name).split()) for key in ("title", "text", "button"))
    assert cta_wording(parse(content_pages["index.html"]).select_one(".g-cta")) == expected
    assert "{owner}" not in "".join(expected) and name in expected[0] + expected[1]
    # It fits the first step as well as the last: no "if things do not work out" before step 1.
    assert "not work out" not in expected[1] and "dating agency" in expected[1]


def front_matter(page: str) -> dict:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize(("page", "name"), [("safety.md", "safety/index.html"),
                                            ("when-it-cannot-be-saved.md", "when-it-cannot-be-saved/index.html")])
def test_a_page_can_word_its_call_to_action_gently(content_pages, parse, extra, page, name):
    meta, owner = front_matter(page), extra["owner"]["name"]
    expected = tuple(meta[key].replace("{owner}", owner) for key in ("cta_title", "cta_text", "cta_button"))
    blocks = parse(content_pages[name]).select(".g-cta")
    assert len(blocks) == 1 and cta_wording(blocks[0]) == expected
    # Someone who may be afraid of their partner is not sold a dating agency.
    assert "dating agency" not in " ".join(expected) and "not work out" not in " ".join(expected)
    assert expected != tuple(extra["cta"][key] for key in ("title", "text", "button"))


def test_the_safety_page_waits_until_the_reader_is_safe(content_pages, parse):
    title, text, _ = cta_wording(parse(content_pages["safety/index.html"]).select_one(".g-cta"))
    assert "safe and ready" in text


def test_contact_is_in_the_navigation_of_every_page(content_pages, parse, site_url):
    for name, path in content_pages.items():
        nav = parse(path).select_one("nav.md-nav--primary")
        targets = {resolved_path(site_url, name, a["href"]) for a in nav.find_all("a", href=True)}
        assert "contact/" in targets, f"{name}: no Contact entry in the navigation"


# --- The Contact page -------------------------------------------------------------------------------

def test_the_contact_page_mails_the_configured_address_with_the_subject(content_pages, parse, extra):
    soup = parse(content_pages["contact/index.html"])
    links = soup.select('a[href^="mailto:"]')
    assert links, "no mailto: link"
    for link in links:
        parts = urlsplit(link["href"])
        assert parts.path == extra["owner"]["email"]
        assert parse_qs(parts.query) == {"subject": [extra["owner"]["email_subject"]]}
        assert " " not in link["href"], "the subject must be URL-encoded"


def test_the_contact_page_says_who_helps_with_what(content_pages, parse, extra):
    text = article_text(parse(content_pages["contact/index.html"]))
    for expected in (extra["owner"]["name"], "dating agency", "new partner", *extra["owner"]["helps_with"]):
        assert expected in text
    assert "What happens to your message" in text
    # Honest about replies: the guide cannot promise on the owner's behalf that, or when, they write back.
    assert "aims to reply" in text and "writes back to you" not in text


def test_no_form_and_no_booking_link_until_they_are_configured(content_pages, parse):
    soup = parse(content_pages["contact/index.html"])
    assert soup.find("form", class_="g-contact__form") is None
    assert not soup.find("a", string=re.compile("book a call", re.I))


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    """A fork's build: its own SITE_URL, a booking page and a form service configured."""
    project = copy_project(tmp_path_factory.mktemp("fork") / "project")
    set_setting(project, '    booking_url: ""', '    booking_url: "https://booking.example.com/alex"')
    set_setting(project, '    form_url: ""', '    form_url: "https://forms.example.com/f/abc"')
    site = project / "out"
    env = dict(build_env(), SITE_URL="https://guide.example.org/help/")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, output(result)
    return site


def test_a_configured_form_and_booking_page_appear_on_the_contact_page(fork_site):
    soup = BeautifulSoup((fork_site / "contact" / "index.html").read_text(encoding="utf-8"), "lxml")
    form = soup.find("form", class_="g-contact__form")
    assert form and form["action"] == "https://forms.example.com/f/abc" and form["method"] == "post"
    for control in form.select("input, textarea"):
        assert soup.find("label", attrs={"for": control["id"]}), f"{control['name']}: no label"
    assert soup.find("a", href="https://booking.example.com/alex")
    privacy = (fork_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "form service" in privacy and "booking site" in privacy


def test_a_fork_s_site_url_reaches_robots_txt_and_the_link_previews(fork_site):
    assert "Sitemap: https://guide.example.org/help/sitemap.xml" in (fork_site / "robots.txt").read_text()
    soup = BeautifulSoup((fork_site / "privacy" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.find("meta", property="og:url")["content"] == "https://guide.example.org/help/privacy/"
    assert soup.find("meta", property="og:image")["content"].startswith("https://guide.example.org/help/")


# --- Privacy and safety -----------------------------------------------------------------------------

def test_the_privacy_page_has_a_clear_button_and_a_status_line(content_pages, parse):
    soup = parse(content_pages["privacy/index.html"])
    button = soup.select_one("button[data-guide-clear]")
    assert button and button.get("type") == "button"
    status = soup.select_one("[data-cleared]")
    assert status and status.get("role") == "status" and status["data-cleared"].strip()
    text = article_text(soup)
    for expected in ("No cookies", "No tracking", "Nothing from other sites", "No trail", "your own browser"):
        assert expected in text
    assert soup.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


QUICK_EXIT_PAGES = ("safety/index.html", "when-it-cannot-be-saved/index.html")


@pytest.mark.parametrize("name", QUICK_EXIT_PAGES)
def test_quick_exit_comes_first_after_the_skip_link(content_pages, parse, extra, name):
    soup = parse(content_pages[name])
    controls = soup.select("[data-quick-exit]")
    assert len(controls) == 1
    control = controls[0]
    assert control["data-quick-exit"] == control["href"] == extra["quick_exit_url"]
    # Focusable elements in document order: the skip link, then the quick exit, then the header.
    focusable = [element for element in soup.body.find_all(["a", "button", "input", "select", "textarea"])
                 if "md-toggle" not in element.get("class", []) and element.name != "label"]
    first = [element for element in focusable if "md-skip" not in element.get("class", [])][0]
    assert first is control
    assert control.find_parent("header") is None and control.find_next("header") is not None


def test_other_pages_show_no_banner_and_no_visible_quick_exit(content_pages, parse):
    # A quiz may hold one in a result that starts hidden and appears only with a safety message.
    for name, path in content_pages.items():
        if name not in QUICK_EXIT_PAGES:
            soup = parse(path)
            assert soup.select(".md-banner") == [], name
            for control in soup.select("[data-quick-exit]"):
                assert control.find_parent(attrs={"hidden": True}), f"{name}: a quick exit always shown"


@pytest.mark.parametrize("name", ("safety/index.html", "when-it-cannot-be-saved/index.html", "index.html"))
def test_no_invented_phone_numbers(content_pages, parse, name):
    # A copy: `parse` caches the page for other tests, which must still see its <time> element.
    article = copy.copy(parse(content_pages[name]).find("article"))
    for time in article.find_all("time"):
        time.decompose()
    numbers = set(re.findall(r"\d[\d -]{1,}\d", article.get_text(" ")))
    assert numbers <= {"911", "999", "112"}, f"{name}: numbers other than well-known emergency ones"
    assert parse(content_pages[name]).find("article").find("time"), "the shared parsed page was changed"


def test_the_safety_page_covers_help_and_covering_tracks(content_pages, parse):
    text = article_text(parse(content_pages["safety/index.html"]))
    for expected in ("help, not repair", "domestic abuse helpline", "Cover your tracks", "history",
                     "Shared devices", "private", "Privacy page"):
        assert expected in text, expected


# --- Footer, sharing and finding --------------------------------------------------------------------

def test_every_page_has_the_footer_note_with_about_privacy_and_safety(html_pages, parse, site_url):
    for name, path in html_pages.items():
        note = parse(path).select_one(".g-footer-note")
        assert note and "not therapy" in note.get_text(), f"{name}: no footer note"
        # The 404 page is served at any address, so its links start from the site's root path.
        base = site_url if name == "404.html" else page_url(site_url, name)
        targets = {urlsplit(urljoin(base, a["href"])).path.removeprefix(urlsplit(site_url).path)
                   for a in note.find_all("a", href=True)}
        assert {"about/", "privacy/", "safety/"} <= targets, f"{name}: footer links {targets}"


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
    shapes = lambda svg: [(tag.name, tag.get("d"), tag.get("fill")) for tag in svg.find_all(["rect", "path"])]
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

def test_zensical_builds_the_call_to_action_contact_page_quick_exit_and_footer(zensical_site, extra, parse):
    def page(name: str) -> BeautifulSoup:
        return parse(zensical_site / name)

    assert len(page("take-stock/index.html").select(".g-cta")) == 1
    default = page("take-stock/index.html").select_one(".g-cta").get_text(" ")
    assert extra["owner"]["name"] in default and "{owner}" not in default
    assert "safe and ready" in page("safety/index.html").select_one(".g-cta").get_text(" ")
    contact = page("contact/index.html")
    assert contact.select(".g-cta") == []
    assert contact.select_one('a[href^="mailto:"]')["href"].startswith(f"mailto:{extra['owner']['email']}?subject=")
    assert page("safety/index.html").select_one(".md-banner [data-quick-exit]")
    assert page("privacy/index.html").select_one(".g-footer-note")
    assert page("privacy/index.html").find("meta", property="og:image")["content"].startswith("https://")
