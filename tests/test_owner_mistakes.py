"""Every owner mistake gets one plain line: the file, the field or line, and what to do; no traceback.

The mechanism is general (datafiles.py reads every data file the same way, messages.py words every
pydantic finding, pageerrors.py every macro slip), so these tests try kinds of mistakes, not a list
of today's files: several at once in a copy of the project, through the MkDocs build and through
`./guide check` (what runs before either engine, tests/test_check.py), and every field of every
model with values of every wrong kind, without a build.
"""

from __future__ import annotations

import re

import pytest
import yaml

import project
from documents import changed_at, places
from guide_macros import helplines, quiz_models, worksheet_models
from guide_macros.datafiles import DataError, load_file
from sitebuild import stopped

# pydantic's and Python's words, which mean nothing to the owner.
JARGON = re.compile(r"Input should|valid dictionary|unable to parse|Field required|Extra inputs|string_type|"
                    r"pattern|\^\[|\$'|Traceback|NoneType|ValidationError|model_type|literal_error|\[a-z")


def append_line(path, line: str) -> int:
    """Add `line` at the end of a page; its line number in the file."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    path.write_text(content, encoding="utf-8")
    return content.count("\n")


# --- Macro calls on a page -----------------------------------------------------------------------------

SLIPS = [
    ('{{ quiz(no-quotes-check) }}', 'put the id in quotes: quiz("no-quotes-check")'),
    ('{{ quiz("missing-quote) }}', "this macro call is broken: a quote, a bracket or a brace is missing"),
    ('{{ worksheet("missing-bracket" }}', "this macro call is broken: a quote, a bracket or a brace is missing"),
    ('{{ worksheets("take-stock") }}', "'worksheets' is not a macro or setting this site knows; did you mean worksheet(...)?"),
    ('{{ quiz() }}', "quiz() needs its id in the brackets"),
    ('{{ quiz("x", level=3) }}', "quiz() has no option 'level'"),
    ('{ quiz("single-braces") }', 'was not run: a macro call needs two braces on each side'),
]


def test_each_slip_in_a_macro_call_is_named_on_its_line(project_copy, tmp_path):
    """One slip on each of several pages (a page stops rendering at its first slip)."""
    pages = project.pages(project_copy)[1:]
    assert len(pages) >= len(SLIPS)
    named = [(f"docs/{page}, line {append_line(project_copy / 'docs' / page, call)}", words)
             for page, (call, words) in zip(pages, SLIPS)]
    for log in stopped(project_copy, tmp_path / "out"):
        lines = log.splitlines()
        for where, words in named:
            assert any(where in line and words in line for line in lines), f"{where}: {words}\n{log[-3000:]}"


# --- Data files ---------------------------------------------------------------------------------------

def data_files(project_copy, kind: str) -> list:
    """The data files of a kind in the copy."""
    return sorted((project_copy / "docs" / "data" / kind).glob("*.yml"))


def test_mistakes_in_the_data_files_are_each_named(project_copy, tmp_path):
    """A file not saved as UTF-8, a key written twice, an empty file, file names that cannot be ids and
    `yes` for `true`, each in its own file: every one is named in the same run."""
    sheets, quizzes = data_files(project_copy, "worksheets"), data_files(project_copy, "quizzes")
    # Copies of a sound worksheet under names that cannot be ids.
    for name in ("Date Night.yml", "DateNight.yml"):
        (sheets[0].parent / name).write_text(sheets[2].read_text(encoding="utf-8"), encoding="utf-8")

    lines = sheets[0].read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + " caf\xe9"
    sheets[0].write_bytes("\n".join(lines).encode("latin-1"))

    sheets[1].write_text("# yaml-language-server: $schema=../../../schemas/worksheet.schema.json\n", encoding="utf-8")

    content = quizzes[0].read_text(encoding="utf-8")
    title = next(line for line in content.splitlines() if line.startswith("title:"))
    quizzes[0].write_text(content.replace(title, f"{title}\ntitle: A second title", 1), encoding="utf-8")
    first = content.splitlines().index(title) + 1

    # YAML 1.1 reads `yes` as true; an editor checking the schema (YAML 1.2) reads a word. The build
    # agrees with the editor and says what to write.
    best = next(path for path in quizzes[1:] if "best: true" in path.read_text(encoding="utf-8"))
    best.write_text(best.read_text(encoding="utf-8").replace("best: true", "best: yes", 1), encoding="utf-8")

    for log in stopped(project_copy, tmp_path / "out"):
        assert f"{sheets[0]}: line 4: the file is not saved as UTF-8 text" in log
        assert log.count(str(sheets[1])) == 1 and f"{sheets[1]}: the file is empty" in log
        assert (f"{quizzes[0]}: line {first + 1}: 'title' is written twice in the same block (first on line {first})"
                in log)
        for name, suggestion in (("Date Night", "date-night.yml"), ("DateNight", "datenight.yml")):
            assert f"the file name is the worksheet's id, and '{name}' cannot be one" in log
            assert f"like {suggestion}" in log
        assert f"{best}: " in log and "best: should be true or false (found the text 'yes')" in log


# --- Every field, every wrong kind of value: plain words only, no jargon ----------------------------------

WRONG = [None, "", "   ", "ten", "yes", True, 7.5, -3, 999, [], ["x"], {}, {"x": 1}, "**bold**", "<b>x</b>", "Bad Id"]


def sample(kind: str) -> dict:
    """A valid file of each kind: the AUTHORING.md examples, and the real helplines file."""
    if kind == "helplines":
        return yaml.safe_load((project.ROOT / "docs" / "data" / "helplines.yml").read_text(encoding="utf-8"))
    guide = (project.ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide.partition("\n## Worksheets\n" if kind == "worksheet" else "\n## Quizzes\n")[2].partition("\n## ")[0]
    return yaml.safe_load(re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)[-1 if kind == "quiz" else 0])


@pytest.mark.parametrize(("kind", "model"), [("worksheet", worksheet_models.Worksheet), ("quiz", quiz_models.Quiz),
                                             ("helplines", helplines.Helplines)])
def test_every_finding_is_in_plain_words(tmp_path, kind, model):
    document = sample(kind)
    messages = set()
    for path in places(document):
        for value in WRONG:
            changed = changed_at(document, path, value)
            target = tmp_path / "a-file.yml"
            target.write_text(yaml.safe_dump(changed, sort_keys=False, allow_unicode=True), encoding="utf-8")
            try:
                load_file(target, model)
            except DataError as error:
                messages.update(str(error).splitlines())
    assert len(messages) > 20, "the wrong values should have been refused"
    jargon = sorted(message for message in messages if JARGON.search(message))
    assert not jargon, "\n".join(jargon[:20])
    for message in messages:
        assert message.startswith(f"{tmp_path / 'a-file.yml'}: "), f"names the file first: {message}"
