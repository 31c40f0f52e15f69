"""Every owner mistake gets one plain line: the file, the field or line, and what to do; no traceback.

The mechanism is general (datafiles.py reads every data file the same way, messages.py words every
pydantic finding, pageerrors.py every macro slip), so these tests try kinds of mistakes, not a list
of today's files: a few through real builds of a project copy, and every field of every model with
values of every wrong kind, without a build.
"""

from __future__ import annotations

import re

import pytest
import yaml

import project
from documents import changed_at, places
from guide_macros import helplines, quiz_models, worksheet_models
from guide_macros.datafiles import DataError, load_file
from sitebuild import mkdocs_build, output

# pydantic's and Python's words, which mean nothing to the owner.
JARGON = re.compile(r"Input should|valid dictionary|unable to parse|Field required|Extra inputs|string_type|"
                    r"pattern|\^\[|\$'|Traceback|NoneType|ValidationError|model_type|literal_error|\[a-z")


def build(project_copy, tmp_path) -> str:
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0, "the mistake should stop the build"
    log = output(result)
    assert "Traceback" not in log and "File \"" not in log, log[-2000:]
    return log


def a_page_with_text(project_copy) -> tuple[str, object]:
    """A page of the copy (not the home page) and its path, to add mistakes to."""
    page = project.pages(project_copy)[1]
    return page, project_copy / "docs" / page


def append_line(path, line: str) -> int:
    """Add `line` at the end of a page; its line number in the file."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    path.write_text(content, encoding="utf-8")
    return content.count("\n")


# --- Macro calls on a page -----------------------------------------------------------------------------

@pytest.mark.parametrize(("call", "words"), [
    ('{{ quiz(no-quotes-check) }}', 'put the id in quotes: quiz("no-quotes-check")'),
    ('{{ quiz("missing-quote) }}', "this macro call is broken: a quote, a bracket or a brace is missing"),
    ('{{ worksheet("missing-bracket" }}', "this macro call is broken: a quote, a bracket or a brace is missing"),
    ('{{ worksheets("take-stock") }}', "'worksheets' is not a macro or setting this site knows; did you mean worksheet(...)?"),
    ('{{ quiz() }}', "quiz() needs its id in the brackets"),
    ('{{ quiz("x", level=3) }}', "quiz() has no option 'level'"),
    ('{ quiz("single-braces") }', 'was not run: a macro call needs two braces on each side'),
])
def test_a_slip_in_a_macro_call_is_named_on_its_line(project_copy, tmp_path, call, words):
    page, path = a_page_with_text(project_copy)
    line = append_line(path, call)
    log = build(project_copy, tmp_path)
    assert f"docs/{page}, line {line}" in log, log[-1500:]
    assert words in log


# --- Data files ---------------------------------------------------------------------------------------

def data_file(project_copy, kind: str):
    """The first data file of a kind in the copy."""
    return sorted((project_copy / "docs" / "data" / kind).glob("*.yml"))[0]


def test_a_file_not_saved_as_utf8_is_named_with_its_line(project_copy, tmp_path):
    path = data_file(project_copy, "worksheets")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + " caf\xe9"
    path.write_bytes("\n".join(lines).encode("latin-1"))
    log = build(project_copy, tmp_path)
    assert f"{path}: line 4: the file is not saved as UTF-8 text" in log


def test_a_key_written_twice_is_named_not_silently_dropped(project_copy, tmp_path):
    path = data_file(project_copy, "quizzes")
    content = path.read_text(encoding="utf-8")
    title = next(line for line in content.splitlines() if line.startswith("title:"))
    path.write_text(content.replace(title, f"{title}\ntitle: A second title", 1), encoding="utf-8")
    log = build(project_copy, tmp_path)
    first = content.splitlines().index(title) + 1
    assert f"{path}: line {first + 1}: 'title' is written twice in the same block (first on line {first})" in log


def test_an_empty_file_is_one_message(project_copy, tmp_path):
    path = data_file(project_copy, "worksheets")
    path.write_text("# yaml-language-server: $schema=../../../schemas/worksheet.schema.json\n", encoding="utf-8")
    log = build(project_copy, tmp_path)
    assert log.count(str(path)) == 1 and f"{path}: the file is empty" in log


@pytest.mark.parametrize(("name", "suggestion"), [("Date Night.yml", "date-night.yml"), ("DateNight.yml", "datenight.yml")])
def test_a_file_name_that_cannot_be_an_id_is_named(project_copy, tmp_path, name, suggestion):
    source = data_file(project_copy, "worksheets")
    (source.parent / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    log = build(project_copy, tmp_path)
    assert f"the file name is the worksheet's id, and '{name[:-4]}' cannot be one" in log
    assert f"like {suggestion}" in log


def test_yes_is_not_true(project_copy, tmp_path):
    """YAML 1.1 reads `yes` as true; an editor checking the schema (YAML 1.2) reads a word. The build
    agrees with the editor and says what to write."""
    path = next(path for path in sorted((project_copy / "docs" / "data" / "quizzes").glob("*.yml"))
                if "best: true" in path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8").replace("best: true", "best: yes", 1), encoding="utf-8")
    log = build(project_copy, tmp_path)
    assert "best: should be true or false (found the text 'yes')" in log


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
