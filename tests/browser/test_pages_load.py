"""Every built page opens in Chromium under a sub-path with no outside request and no console error."""

from __future__ import annotations


def test_every_page_loads_cleanly_under_a_sub_path(page, base_url, content_pages):
    for name in content_pages:
        address = base_url + name.removesuffix("index.html")
        response = page.goto(address)
        assert response and response.ok, f"{address}: HTTP {response.status if response else 'no response'}"
    assert page.watch.external_requests == [], "requests left 127.0.0.1"
    assert page.watch.console_errors == [], "console errors"
