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
def browser():
    """One headless Chromium for the session (Debian's package; never a downloaded build)."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
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


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty localStorage, like a new reader."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page in a fresh context, with `page.watch` recording external requests and console errors."""
    new_page = context.new_page()
    new_page.watch = PageWatch(new_page)
    return new_page
