"""The owner's own changes keep the tests green: the proof that the tests describe behaviour.

A copy of the project gets what AUTHORING.md and README.md tell the owner to do: new owner details
(every `extra.owner` value), AUTHORING.md's own worksheet, knowledge check and self-assessment
examples placed on pages, and a new page in the nav. Then every test that reads the project runs
against the copy (GUIDE_PROJECT, read by tests/sitebuild.py): tests that work out what to expect from
the data files, the pages' calls and mkdocs.yml pass there too. Left out: the browser tests (the
same expectations, read in Chromium: minutes more), tests that break a copy of their own on purpose
(they check a mechanism, not the content) and this one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import project
from sitebuild import ROOT, copy_project

CHECKOUT = Path(__file__).resolve().parent.parent
# What the tests read besides what a build reads.
TEST_PARTS = ("AUTHORING.md", "README.md", "pyproject.toml")

NEW_OWNER = """  owner:
    name: Priya Shah
    role: relationship coach
    bio: >-
      Priya coaches people who want to meet someone and build something
      that lasts.
    email: priya@coaching.example.org
    email_subject: Hello from a reader
    booking_url: "https://book.example.org/priya"
    form_url: ""
    paid_help:
      - Coaching sessions for people who are dating again
"""

NEW_PAGE = """---
title: Date night
description: Why a regular date night helps, and how to plan one you will both enjoy.
reviewed: 2026-12-01
---

# Date night

Time alone together does not happen by itself. Plan it, and keep it simple.

## Try it: Plan a date night

{{ worksheet("date-night") }}

## Check yourself

{{ quiz("date-night-check") }}

## What the research says

- [The Gottman Institute: Building Bridges](https://www.gottman.com/blog/what-makes-love-last-building-bridges/):
  small, regular moments together build fondness and trust.
"""


def authoring_examples(section: str) -> list[str]:
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8").partition(f"\n## {section}\n")[2].partition("\n## ")[0]
    return re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL)


def replace_owner(config: Path) -> None:
    """Swap the whole `extra.owner` block of mkdocs.yml for new details, keeping the rest as written."""
    content = config.read_text(encoding="utf-8")
    block = re.search(r"(?m)^  owner:\n(?:(?:    .*|\s*)\n)*", content)
    assert block, "extra.owner not found in mkdocs.yml"
    config.write_text(content[:block.start()] + NEW_OWNER + content[block.end():], encoding="utf-8")


def add_to_nav(config: Path, entry: str) -> None:
    content = config.read_text(encoding="utf-8")
    last = list(re.finditer(r"(?m)^  - .+\.md\n", content))[-1]
    config.write_text(content[:last.end()] + entry + content[last.end():], encoding="utf-8")


def call_on_page(page: Path, heading: str, call: str) -> None:
    """Add a heading and a call before the page's Next: line, as AUTHORING.md says."""
    content = page.read_text(encoding="utf-8")
    addition = f"## {heading}\n\n{call}\n\n"
    at = content.find("**Next:**")
    page.write_text(content[:at] + addition + content[at:] if at >= 0 else content + "\n" + addition, encoding="utf-8")


@pytest.mark.skipif(os.environ.get("GUIDE_PROJECT") is not None, reason="already running against an edited copy")
def test_the_owners_changes_keep_the_generic_tests_green(tmp_path):
    copy = copy_project(tmp_path / "project")
    for part in TEST_PARTS:
        shutil.copy2(ROOT / part, copy / part)
    config = copy / "mkdocs.yml"
    replace_owner(config)

    worksheet = authoring_examples("Worksheets")[0]
    knowledge, assessment = authoring_examples("Quizzes")
    (copy / "docs" / "data" / "worksheets" / "date-night.yml").write_text(worksheet, encoding="utf-8")
    (copy / "docs" / "data" / "quizzes" / "date-night-check.yml").write_text(knowledge, encoding="utf-8")
    (copy / "docs" / "data" / "quizzes" / "how-are-we-doing.yml").write_text(assessment, encoding="utf-8")
    (copy / "docs" / "date-night.md").write_text(NEW_PAGE, encoding="utf-8")
    add_to_nav(config, "  - Date night: date-night.md\n")
    # The self-assessment on an existing page too, after its own heading.
    themed = [page for page in project.pages() if project.front_matter(page).get("covers")]
    call_on_page(copy / "docs" / themed[len(themed) // 2], "How are we doing?", '{{ quiz("how-are-we-doing") }}')

    env = dict(os.environ, GUIDE_PROJECT=str(copy))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:xdist", "-m", "not browser and not breaks_a_copy",
         "--deselect", "tests/test_owner_changes.py::test_the_owners_changes_keep_the_generic_tests_green", "tests"],
        cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout[-6000:] + result.stderr[-2000:])
    assert " passed" in result.stdout
