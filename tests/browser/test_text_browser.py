"""In a text browser (w3m: no JavaScript, no CSS, hidden markup shown), a page asks nothing of the
reader it cannot do and shows nothing they have not asked for: no safety result, no list of saved
results and no keyboard hint before any answer. guide.js builds those when they are needed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import project

# Words only a result, a saved-results list or the Shift hint (guide.js) put on screen.
# A quiz's safety message is from its data file.
UNASKED = ("Your total is", "You picked the better move in", "Your saved results on this device",
           "or press Shift three times", "Clear my saved results",
           *{" ".join(quiz.safety_message.split()) for quiz in project.assessments().values() if quiz.flagged})


def dump(path) -> str:
    """The page as w3m shows it (Debian's w3m; ./guide test installs it)."""
    if not shutil.which("w3m"):
        pytest.fail("w3m is missing: run ./guide test, which installs Debian's w3m", pytrace=False)
    return subprocess.run(["w3m", "-dump", "-T", "text/html", "-cols", "100", str(path)],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("page", sorted({project.built(page) for page in project.pages()
                                         if any(kind == "quiz" for kind, _ in project.calls(page))}
                                        | {project.built(page) for page in project.quick_exit_pages()}))
def test_nothing_shows_before_the_reader_asks(site_dir, page):
    shown = " ".join(dump(site_dir / page).split())
    assert shown.strip(), f"{page}: w3m showed nothing"
    found = [words for words in UNASKED if words in shown]
    assert not found, f"{page}: a text browser shows {found} before any answer"


def test_the_home_page_in_a_text_browser_reads_as_a_page(site_dir):
    """The seeded check: the dump is the page's text, so the words above would be found if present."""
    shown = " ".join(dump(site_dir / "index.html").split())
    heading = " ".join(project.front_matter("index.md").get("title", "").split())
    assert heading and heading in shown
