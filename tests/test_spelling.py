"""No common misspellings in the guide's text: codespell over docs/ (pages and data) and the README.

Settings live in pyproject.toml ([tool.codespell]); codespell reads them from the project folder.
British spellings (counselling, realise) are not flagged: codespell only knows real misspellings.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitebuild import ROOT

CODESPELL = Path(sys.executable).with_name("codespell")


def codespell(*paths: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the pinned codespell from the project folder, so pyproject.toml's settings apply."""
    return subprocess.run([str(CODESPELL), *paths], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_docs_and_readme_are_spelled_right():
    result = codespell("docs", "README.md")
    assert result.returncode == 0, f"codespell found misspellings:\n{result.stdout}{result.stderr}"


def test_a_seeded_misspelling_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Take stock\n\nWe recieve more than we give.\n", encoding="utf-8")
    result = codespell(str(page))
    assert result.returncode != 0
    assert "page.md:3: recieve ==> receive" in result.stdout
