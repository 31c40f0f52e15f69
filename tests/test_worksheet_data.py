"""Worksheet data: the models accept every kind of field and refuse the owner's likely mistakes, with
messages that name the file, the field and the reason in the owner's words. No build needed.

The examples here are small inline worksheets, not the guide's own files: the guide's content may
change freely (AUTHORING.md), the rules may not."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

import project as plan
from guide_macros import schemas, worksheets
from guide_macros.datafiles import DataError, load_file
from guide_macros.pagecalls import calls_in
from guide_macros.worksheet_models import FREQUENCIES, WHO, Worksheet
from sitebuild import ROOT

FOLDER = ROOT / worksheets.FOLDER
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schemas/worksheet.schema.json"
KINDS = ("short", "long", "checklist", "scale", "two-column", "table")
# pydantic's own words, meant for programmers: none of them may reach the owner.
PROGRAMMER_WORDS = re.compile(r"Input should|Field required|Extra inputs|valid dictionary|String should|"
                              r"List should|pydantic|type=|\[type")

VALID = {
    "title": "Test sheet",
    "purpose": "Try every kind of field.",
    "instructions": "Fill it in.",
    "time": 10,
    "frequency": "weekly",
    "who": "both partners",
    "why": "It helps. It really does.",
    "fields": [
        {"id": "one-line", "kind": "short", "label": "A short answer"},
        {"id": "lines", "kind": "long", "label": "A long answer", "lines": 5},
        {"id": "ticks", "kind": "checklist", "label": "Tick some", "items": ["A", "B"]},
        {"id": "rating", "kind": "scale", "label": "Rate it", "low": "Bad", "high": "Good"},
        {"id": "pair", "kind": "two-column", "label": "Both sides", "columns": ["More of", "Less of"], "rows": 3},
        {"id": "week", "kind": "table", "label": "A week", "rows": 2,
         "columns": [{"title": "What"}, {"title": "Mon", "tick": True}]},
    ],
}


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "sheet.yml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def refused(path: Path) -> str:
    """The message the build gives for the worksheet file at `path` (it must be refused)."""
    with pytest.raises(DataError) as error:
        load_file(path, Worksheet)
    return str(error.value)


def problem(tmp_path: Path, change) -> str:
    """Apply `change` to a valid worksheet, load it, and return the error message."""
    data = copy.deepcopy(VALID)
    change(data)
    return refused(write(tmp_path, data))


def authoring_guide() -> str:
    """AUTHORING.md: the project's own, or this checkout's when the project under test is a copy without it."""
    path = ROOT / "AUTHORING.md"
    return (path if path.exists() else Path(__file__).resolve().parent.parent / "AUTHORING.md").read_text(encoding="utf-8")


def authoring_section(title: str) -> str:
    """AUTHORING.md's `## title` section, up to the next `## ` heading outside a code block."""
    lines, inside, fenced = [], False, False
    for line in authoring_guide().splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        if line.startswith("## ") and not fenced:
            inside = line.strip() == f"## {title}"
        elif inside:
            lines.append(line)
    assert lines, f"AUTHORING.md has no section '## {title}'"
    return "".join(lines)


def authoring_example() -> tuple[str, str, str]:
    """The worksheet AUTHORING.md walks the owner through: its id, its file and the Markdown that puts it on a page."""
    part = authoring_section("Worksheets")
    example = part.split("```yaml\n", 1)[1].split("```", 1)[0]
    snippet = next(block.split("```", 1)[0] for block in part.split("```markdown\n")[1:] if "worksheet(" in block)
    [(kind, sheet_id)] = calls_in(snippet)
    assert kind == "worksheet"
    return sheet_id, example, snippet


# ---------------------------------------------------------------------------
# What a worksheet file may hold
# ---------------------------------------------------------------------------

def test_every_kind_of_field_is_accepted(tmp_path):
    sheet = load_file(write(tmp_path, VALID), Worksheet)
    assert tuple(field.kind for field in sheet.fields) == KINDS
    assert list(sheet.fields[3].numbers) == list(range(0, 11)), "a scale runs from 0 to 10 unless told otherwise"
    assert sheet.fields[1].lines == 5
    assert [column.tick for column in sheet.fields[5].table_columns] == [False, True]


def test_the_version_changes_with_the_answer_layout_but_not_the_wording():
    """Saved answers come back only into the same layout; rewording must not lose them."""
    base = Worksheet.model_validate(VALID)
    reworded = copy.deepcopy(VALID)
    reworded["fields"][0]["label"] = "New wording"
    reworded["title"] = "New title"
    assert Worksheet.model_validate(reworded).version == base.version
    for change in (lambda d: d["fields"].reverse(), lambda d: d["fields"][2]["items"].append("C"),
                   lambda d: d["fields"][5].update(rows=3), lambda d: d["fields"][0].update(id="renamed"),
                   lambda d: d["fields"][3].update(max=5)):
        changed = copy.deepcopy(VALID)
        change(changed)
        assert Worksheet.model_validate(changed).version != base.version


def test_the_example_in_the_authoring_guide_is_a_valid_worksheet(tmp_path):
    """The owner copies it: it must load, use every kind of field, and be saved under the id its page calls."""
    sheet_id, example, _ = authoring_example()
    assert example.startswith(SCHEMA_COMMENT)
    assert f"docs/data/worksheets/{sheet_id}.yml" in authoring_guide(), "the guide names the file the page's call reads"
    sheet = load_file(write(tmp_path, example), Worksheet)
    assert {field.kind for field in sheet.fields} == set(KINDS)


# ---------------------------------------------------------------------------
# The guide's own files
# ---------------------------------------------------------------------------

def test_every_worksheet_file_loads_under_its_file_name():
    assert set(plan.worksheets()) == {path.stem for path in FOLDER.glob("*.y*ml")}


def test_every_worksheet_file_points_editors_at_the_schema():
    for path in sorted(FOLDER.glob("*.y*ml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT, path.name


def test_the_published_schema_is_current():
    committed = schemas.schema_path("worksheet").read_text(encoding="utf-8")
    assert committed == schemas.schema_text(Worksheet), (
        "schemas/worksheet.schema.json is stale: run `cd hooks && ../.venv/bin/python -m guide_macros.schemas`")
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False, "an editor underlines an unknown key, as the build refuses it"
    assert set(schema["required"]) == {name for name, field in Worksheet.model_fields.items() if field.is_required()}


# ---------------------------------------------------------------------------
# The owner's mistakes: the file, where in it, and what to do
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "expected"), [
    pytest.param(lambda d: d.pop("title"), "title: missing; add a line `title: ...` here", id="missing-key"),
    pytest.param(lambda d: d.update(colour="red"),
                 "colour: 'colour' is not a key this file knows", id="unknown-key"),
    pytest.param(lambda d: d["fields"][1].update(line=3),
                 "fields[1].line: 'line' is not a key this file knows (did you mean 'lines'?); "
                 "check its spelling, or remove the line", id="typo-in-a-key"),
    pytest.param(lambda d: d["fields"][5]["columns"][1].update(tik=True),
                 "fields[5].columns[1].tik: 'tik' is not a key this file knows (did you mean 'tick'?)",
                 id="typo-in-a-column-key"),
    pytest.param(lambda d: d["fields"][1].update(kind="essay"),
                 "fields[1].kind: 'essay' is not a kind; use one of " + ", ".join(f"'{kind}'" for kind in KINDS),
                 id="unknown-kind"),
    pytest.param(lambda d: d["fields"][0].update(kind="shrot"),
                 "fields[0].kind: 'shrot' is not a kind; use one of 'short'", id="typo-in-a-kind"),
    pytest.param(lambda d: d["fields"][0].update(kind="shrot"), "(did you mean 'short'?)", id="kind-suggestion"),
    pytest.param(lambda d: d["fields"][1].pop("kind"),
                 "fields[1].kind: missing: it says which kind this is", id="no-kind"),
    pytest.param(lambda d: d["fields"][1].update(lines=50), "fields[1].lines: should be 20 or less", id="too-many-lines"),
    pytest.param(lambda d: d["fields"][2].pop("items"),
                 "fields[2].items: missing; add a line `items: ...` here", id="checklist-without-items"),
    pytest.param(lambda d: d["fields"][2].update(items=["A", "A"]),
                 "fields[2].items: the same item appears twice: A", id="same-item-twice"),
    pytest.param(lambda d: d["fields"][3].update(max=12), "fields[3].max: should be 10 or less", id="scale-past-10"),
    pytest.param(lambda d: d["fields"][3].update(min=7, max=3),
                 "fields[3].max: max (3) must be more than min (7)", id="scale-upside-down"),
    pytest.param(lambda d: d["fields"][3].pop("low"),
                 "fields[3].low: missing; add a line `low: ...` here", id="scale-without-low"),
    pytest.param(lambda d: d["fields"][4].update(columns=["Only one"]),
                 "fields[4].columns: needs at least 2 items (found 1)", id="two-column-with-one"),
    pytest.param(lambda d: d["fields"][0].update(id="Has Spaces"),
                 "fields[0].id: use lower-case words joined by hyphens", id="bad-field-id"),
    pytest.param(lambda d: d["fields"][5].update(id="lines"),
                 "fields: field id 'lines' is used twice (fields[1] and fields[5]); every field needs its own id",
                 id="field-id-twice"),
    pytest.param(lambda d: d.update(frequency="sometimes"),
                 "frequency: 'sometimes' is not one of the choices: 'once', 'daily', 'weekly'", id="unknown-frequency"),
    pytest.param(lambda d: d.update(frequency="weekley"), "(did you mean 'weekly'?)", id="typo-in-a-choice"),
    pytest.param(lambda d: d.update(why="One. Two. Three."),
                 "why: keep it to one or two sentences (found 3)", id="long-why"),
    pytest.param(lambda d: d.update(fields=[]), "fields: needs at least 1 item (found 0)", id="no-fields"),
    pytest.param(lambda d: d.update(time="10"),
                 "time: should be a whole number, like 10", id="time-as-text"),
    pytest.param(lambda d: d["fields"][5]["columns"][1].update(tick="yes"),
                 "fields[5].columns[1].tick: should be true or false", id="tick-as-text"),
    pytest.param(lambda d: d.update(title="A **bold** title"),
                 "title: '**' looks like Markdown or HTML", id="markdown-in-text"),
    pytest.param(lambda d: d["fields"][0].update(label="  "),
                 "fields[0].label: is empty; write something here", id="blank-label"),
])
def test_a_mistake_names_the_file_the_field_and_the_reason(tmp_path, change, expected):
    message = problem(tmp_path, change)
    assert message.startswith(f"{tmp_path / 'sheet.yml'}: "), message
    assert expected in message, message
    assert not PROGRAMMER_WORDS.search(message), f"pydantic's own words reached the owner: {message}"


def test_a_key_of_another_kind_of_field_is_not_suggested_as_its_own_correction(tmp_path):
    """`lines:` belongs to long fields: on a short field it is refused, but "did you mean 'lines'?" would send
    the owner looking for a typo that is not there."""
    message = problem(tmp_path, lambda d: d["fields"][0].update(lines=3))
    assert f"{tmp_path / 'sheet.yml'}: fields[0].lines: 'lines' is not a key" in message, message
    assert "(did you mean 'lines'?)" not in message, message


def test_every_mistake_in_a_file_is_named_at_once(tmp_path):
    """The owner fixes them all in one go, one line each, rather than one build per mistake."""
    def two_mistakes(data):
        data.pop("purpose")
        data["fields"][3].update(max=12)

    lines = problem(tmp_path, two_mistakes).splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["purpose", "fields[3].max"], lines


def test_yes_is_not_true_in_a_worksheet_file(tmp_path):
    """YAML 1.1 would read `tick: yes` as true; editors checking the schema read it as a word, and so does the build."""
    text = yaml.safe_dump(VALID, sort_keys=False).replace("tick: true", "tick: yes")
    assert "tick: yes" in text
    message = refused(write(tmp_path, text))
    assert f"{tmp_path / 'sheet.yml'}: fields[5].columns[1].tick: should be true or false (found the text 'yes')" in message


def test_a_quoted_number_is_refused_as_an_editor_would(tmp_path):
    text = yaml.safe_dump(VALID, sort_keys=False).replace("time: 10", 'time: "10"')
    assert 'time: "10"' in text
    assert f"{tmp_path / 'sheet.yml'}: time: should be a whole number, like 10" in refused(write(tmp_path, text))


def test_malformed_yaml_names_the_file_and_the_line(tmp_path):
    message = refused(write(tmp_path, "title: A\nfields: [\n  - id: x\n"))
    assert re.match(rf"{re.escape(str(tmp_path / 'sheet.yml'))}: line 3, column \d+: the layout is broken here", message), message


def test_a_key_written_twice_is_named_with_both_lines(tmp_path):
    """YAML would quietly keep the second value and lose the first."""
    text = yaml.safe_dump(VALID, sort_keys=False).replace("purpose:", "title: Another title\npurpose:", 1)
    message = refused(write(tmp_path, text))
    assert message.startswith(f"{tmp_path / 'sheet.yml'}: line 2: 'title' is written twice in the same block "
                              "(first on line 1)"), message


def test_an_empty_worksheet_file_says_so(tmp_path):
    message = refused(write(tmp_path, SCHEMA_COMMENT + "\n"))
    assert message == f"{tmp_path / 'sheet.yml'}: the file is empty; write its keys (see AUTHORING.md) or delete the file"


@pytest.mark.parametrize(("key", "choices"), [("frequency", FREQUENCIES), ("who", WHO)])
def test_the_authoring_guide_names_exactly_the_choices_the_build_accepts(tmp_path, key, choices):
    """The owner picks from the list in AUTHORING.md's table: every choice there loads, and no other does."""
    row = next(line for line in authoring_guide().splitlines() if line.startswith(f"| `{key}` |"))
    listed = re.findall(r"`([^`]+)`", row.split("|")[2])
    assert sorted(listed) == sorted(choices), row
    for choice in listed:
        assert getattr(load_file(write(tmp_path, {**VALID, key: choice}), Worksheet), key) == choice
