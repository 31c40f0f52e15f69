"""Browser fixtures: Debian's Chromium driven by Playwright against the site served on 127.0.0.1."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from siteserver import serve

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test, so `-m "not browser"` skips them all."""
    for item in items:
        if "/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url(site_dir):
    """The built site's address, under a sub-path like a GitHub Pages project site."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_options() -> dict:
    """How the tests launch Chromium (Debian's package; never a downloaded build), for a test module
    that needs a browser of its own (test_leaving.py: the back-forward cache on)."""
    return {"executable_path": shutil.which("chromium") or "/usr/bin/chromium", "args": CHROMIUM_FLAGS, "headless": True}


@pytest.fixture(scope="session")
def browser(chromium_options):
    """One headless Chromium for the session."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**chromium_options)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that a reader would not want: requests off this machine, console errors."""

    def __init__(self, page):
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._on_request)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.external_requests.append(request.url)


@pytest.fixture(scope="session")
def reader_context(browser):
    """One profile per worker, kept between tests so its HTTP cache stays warm: a page then loads in
    about 0.3 s instead of 0.6 s. What a reader keeps (storage, cookies) is wiped before each test."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def context(reader_context, base_url):
    """The shared profile as a new reader finds it: no pages open, nothing stored for the site, no
    routes left by an earlier test. A test that needs its own settings (viewport, colour scheme,
    routes on every page, init scripts, no JavaScript) makes its own with `browser.new_context`."""
    forget_the_reader(reader_context, base_url)
    yield reader_context
    for open_page in reader_context.pages:
        open_page.close()
    reader_context.unroute_all(behavior="ignoreErrors")
    reader_context.clear_permissions()


@pytest.fixture(scope="session")
def phone_context(browser):
    """A 390 px touch-only phone (no hover, a coarse pointer), one per worker for a warm cache: for
    tests about layout on a phone, which keep nothing. Its pages close after each test (`phone`)."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              device_scale_factor=1)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def no_js_context(browser):
    """A reader whose browser runs no JavaScript, one per worker (nothing can be stored without it)."""
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def no_js(no_js_context):
    """A tab in a browser that runs no JavaScript."""
    tab = no_js_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def phone(phone_context, base_url):
    """`phone(path, base_url, scheme="light")` opens a page of the site on the worker's phone, ready
    (Material's document$ and guide.js have run); nothing is kept between tests."""
    forget_the_reader(phone_context, base_url)

    def open_phone(path: str, base_url: str, scheme: str = "light"):
        mobile = phone_context.new_page()
        mobile.emulate_media(color_scheme=scheme)
        mobile.goto(base_url + path)
        mobile.locator("html[data-guide-js]").wait_for(state="attached")
        return mobile

    yield open_phone
    for mobile in phone_context.pages:
        mobile.close()


def forget_the_reader(ctx, base_url: str) -> None:
    """Clear the site's storage and cookies through Chromium's own DevTools call, which leaves the
    HTTP cache alone (a new context would empty it)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    blank = ctx.new_page()
    try:
        cdp = ctx.new_cdp_session(blank)
        cdp.send("Storage.clearDataForOrigin", {
            "origin": origin, "storageTypes": "cookies,local_storage,session_storage,indexeddb,cache_storage,service_workers"})
        cdp.detach()
    finally:
        blank.close()
    ctx.clear_cookies()


@pytest.fixture
def page(context):
    """A page in a fresh context, with `page.watch` recording external requests and console errors."""
    new_page = context.new_page()
    new_page.watch = PageWatch(new_page)
    return new_page
