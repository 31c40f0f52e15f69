"""axe-core in the page, one way for every browser test: every rule in the light scheme, the rules
that colours decide in the dark one.

The dark scheme changes colours only: the same markup, so axe's rules about structure, names and
roles give the same answers in both schemes, and running them twice only doubles the time.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
EVERY_RULE = {"resultTypes": ["violations"]}
COLOUR_RULES = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def violations(page, scheme: str = "light", within: str | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (or inside the `within` selector), one line per
    rule and element."""
    options = COLOUR_RULES if scheme == "dark" else EVERY_RULE
    results = AXE.run(page, context=within, options=options).response["violations"]
    return [f"{rule['id']} ({rule['impact']}): {', '.join(map(str, node['target']))}: {node['failureSummary']}"
            .replace("\n", " ")
            for rule in results for node in rule["nodes"]]
