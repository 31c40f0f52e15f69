"""axe-core in the page, one way for every browser test: every rule in the light scheme, then the
rules that colours decide in the dark one, on the same page in the same state.

The dark scheme changes colours only: the same markup, so axe's rules about structure, names and
roles give the same answers in both schemes, and running them twice only doubles the time. Material's
palette starts in "system preference" mode, so emulating the system's scheme switches the page live,
as a reader's phone does at dusk.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
EVERY_RULE = {"resultTypes": ["violations"]}
COLOUR_RULES = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def violations(page, scheme: str = "light", within: str | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (or inside the `within` selector), one line per
    rule and element."""
    options = COLOUR_RULES if scheme == "dark" else EVERY_RULE
    results = AXE.run(page, context=within, options=options).response["violations"]
    return [f"{rule['id']} ({rule['impact']}): {', '.join(map(str, node['target']))}: {node['failureSummary']}"
            .replace("\n", " ")
            for rule in results for node in rule["nodes"]]


def violations_in_both_schemes(page, within: str | None = None) -> list[str]:
    """Every rule in the light scheme, then the colour rules in the dark one; the page is left light.
    Each line says which scheme it was found in."""
    found = []
    for scheme in ("light", "dark"):
        use_scheme(page, scheme)
        found += [f"{scheme}: {line}" for line in violations(page, scheme, within)]
    use_scheme(page, "light")
    return found


def use_scheme(page, scheme: str) -> None:
    """Set the system's colour scheme and wait until the page shows it (the check is only worth
    something if the scheme really is the one asked for)."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("""scheme => document.body.dataset.mdColorScheme === scheme
        && !document.body.hasAttribute("data-md-color-switching")""", arg=MATERIAL_SCHEME[scheme])
    assert body_is_dark(page) == (scheme == "dark"), f"the page does not look {scheme}"


def body_is_dark(page) -> bool:
    """Whether the page background a reader sees is dark (relative luminance well below half)."""
    return page.evaluate("""() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.3;
    }""")
