"""Where each quiz belongs, from the content plan: the tests check the built site against it."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitebuild import ROOT

DATA = ROOT / "docs" / "data" / "quizzes"
# Every quiz file, parsed as the owner wrote it (id -> data).
FILES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(DATA.glob("*.yml"))}
# The knowledge check of each themed page (its page path in the site).
KNOWLEDGE_PAGES = {
    "why-relationships-drift-check": "why-relationships-drift",
    "take-stock-check": "take-stock", "decide-honestly-check": "decide-honestly",
    "bring-your-partner-in-check": "bring-your-partner-in", "talk-and-listen-check": "talk-and-listen",
    "outside-help-check": "outside-help", "actions-not-words-check": "actions-not-words",
    "celebrate-progress-check": "celebrate-progress", "when-it-cannot-be-saved-check": "when-it-cannot-be-saved",
}
# The self-assessments and the pages that show them ("" is the home page).
ASSESSMENT_PAGES = {"two-minute-check": ["", "quizzes"], "talk-and-listen": ["quizzes"]}
