"""The owner's macros: ways to reach them, who wrote what, the paid help, and clearing saved data."""

from __future__ import annotations

from urllib.parse import urlsplit


def register(env, renderer, shared) -> None:
    """Register the contact, authorship, paid-help and privacy macros (settings are validated already)."""
    owner = shared.settings.owner
    # Pages read `{{ owner.name }}`: the validated settings (with `owner.mailto`), not mkdocs.yml's raw mapping.
    env.variables["owner"] = owner

    @env.macro
    def contact_options() -> str:
        """Contact page: the email button, and the booking link and form when configured."""
        return renderer.render(
            "partials/guide/contact.html", owner=owner,
            booking_host=urlsplit(owner.booking_url).hostname if owner.booking_url else "",
            form_host=urlsplit(owner.form_url).hostname if owner.form_url else "",
        )

    @env.macro
    def authorship() -> str:
        """One story of who wrote the article and who made the guide, the same wherever it is told."""
        return renderer.render("partials/guide/authorship.html", owner=owner)

    @env.macro
    def paid_help(listed: bool = False) -> str:
        """That the owner offers paid help, and that the guide is free and complete without it;
        `listed=True` names what they offer (only on Contact: the offer stays off pages about repair)."""
        return renderer.render("partials/guide/paid-help.html", owner=owner, listed=listed)

    @env.macro
    def clear_data_button() -> str:
        """Privacy page: a button that forgets everything this site stored in the browser."""
        return renderer.render("partials/guide/clear-data.html")
