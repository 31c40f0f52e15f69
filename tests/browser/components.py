"""Helpers for browser tests that use worksheets and quizzes as a reader does."""

from __future__ import annotations


def open_fill(component) -> None:
    """Open a worksheet's or quiz's "Fill in" / "Take" control, as a reader taps it (if it is closed)."""
    fill = component.locator(".g-fill").first
    if not fill.evaluate("details => details.open"):
        fill.locator(":scope > summary").click()


def open_all_fills(page) -> None:
    """Open every worksheet's and quiz's fields on the page (for tests about what is inside them)."""
    page.evaluate("document.querySelectorAll('.g-fill').forEach(details => { details.open = true; })")
