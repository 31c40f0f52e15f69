"""Worksheet data: the models accept the real files and reject the owner's likely mistakes, with
messages that name the file, the field path and the reason. No build needed."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from guide_macros import schemas, worksheets
from guide_macros.datafiles import DataError, load_file
from sitebuild import ROOT

FOLDER = ROOT / worksheets.FOLDER
TEAM_IDS = ("take-stock", "more-or-less", "honest-decision", "plan-the-talk", "safe-space-agreement",
            "counselling-prep", "weekly-agreements", "appreciation-log")
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../../schemas/worksheet.schema.json"

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


def problem(tmp_path: Path, change) -> str:
    """Apply `change` to a valid worksheet, load it, and return the error message."""
    data = copy.deepcopy(VALID)
    change(data)
    with pytest.raises(DataError) as error:
        load_file(write(tmp_path, data), worksheets.Worksheet)
    return str(error.value)


def test_every_kind_of_field_is_accepted(tmp_path):
    sheet = load_file(write(tmp_path, VALID), worksheets.Worksheet)
    assert [field.kind for field in sheet.fields] == ["short", "long", "checklist", "scale", "two-column", "table"]
    assert list(sheet.fields[3].numbers) == list(range(0, 11))
    assert sheet.fields[1].lines == 5


def test_the_real_worksheets_load_and_include_the_planned_ones():
    sheets = worksheets.load(ROOT)
    assert set(TEAM_IDS) <= set(sheets)
    kinds = {field.kind for sheet in sheets.values() for field in sheet.fields}
    assert kinds == {"short", "long", "checklist", "scale", "two-column", "table"}


def test_every_worksheet_file_points_editors_at_the_schema():
    for path in sorted(FOLDER.glob("*.yml")):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_COMMENT, path.name


def test_the_published_schema_is_current():
    committed = schemas.schema_path("worksheet").read_text(encoding="utf-8")
    assert committed == schemas.schema_text(worksheets.Worksheet), (
        "schemas/worksheet.schema.json is stale: run `cd hooks && ../.venv/bin/python -m guide_macros.schemas`")
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"title", "purpose", "instructions", "time", "frequency", "who", "why", "fields"}


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.pop("title"), "title: Field required"),
    (lambda d: d.update(colour="red"), "colour: Extra inputs are not permitted"),
    (lambda d: d["fields"][1].update(kind="essay"), "fields[1].kind: 'essay' is not a kind; use one of 'short'"),
    (lambda d: d["fields"][1].update(lines=50), "fields[1].lines: Input should be less than or equal to 20"),
    (lambda d: d["fields"][2].pop("items"), "fields[2].items: Field required"),
    (lambda d: d["fields"][2].update(items=["A", "A"]), "fields[2].items: the same item appears twice: A"),
    (lambda d: d["fields"][3].update(max=12), "fields[3].max: Input should be less than or equal to 10"),
    (lambda d: d["fields"][3].update(min=7, max=3), "fields[3].max: max (3) must be more than min (7)"),
    (lambda d: d["fields"][3].pop("low"), "fields[3].low: Field required"),
    (lambda d: d["fields"][4].update(columns=["Only one"]), "fields[4].columns: List should have at least 2 items"),
    (lambda d: d["fields"][5]["columns"][1].update(tik=True), "fields[5].columns[1].tik: Extra inputs are not permitted"),
    (lambda d: d["fields"][0].update(id="Has Spaces"), "fields[0].id: String should match pattern"),
    (lambda d: d["fields"][5].update(id="lines"), "fields: field id 'lines' is used twice (fields[1] and fields[5])"),
    (lambda d: d.update(frequency="sometimes"), "frequency: Input should be 'once', 'daily', 'weekly'"),
    (lambda d: d.update(why="One. Two. Three."), "why: keep it to one or two sentences (found 3)"),
    (lambda d: d.update(fields=[]), "fields: List should have at least 1 item"),
])
def test_a_mistake_names_the_file_the_field_and_the_reason(tmp_path, change, expected):
    message = problem(tmp_path, change)
    assert message.startswith(f"{tmp_path / 'sheet.yml'}: "), message
    assert expected in message


def test_malformed_yaml_names_the_file_and_the_line(tmp_path):
    with pytest.raises(DataError) as error:
        load_file(write(tmp_path, "title: A\nfields: [\n  - id: x\n"), worksheets.Worksheet)
    assert str(error.value).startswith(f"{tmp_path / 'sheet.yml'}: not valid YAML (line ")


def test_the_version_changes_with_the_answer_layout_but_not_the_wording():
    base = worksheets.Worksheet.model_validate(VALID)
    reworded = copy.deepcopy(VALID)
    reworded["fields"][0]["label"] = "New wording"
    reworded["title"] = "New title"
    assert worksheets.Worksheet.model_validate(reworded).version == base.version
    for change in (lambda d: d["fields"].reverse(), lambda d: d["fields"][2]["items"].append("C"),
                   lambda d: d["fields"][5].update(rows=3), lambda d: d["fields"][0].update(id="renamed")):
        changed = copy.deepcopy(VALID)
        change(changed)
        assert worksheets.Worksheet.model_validate(changed).version != base.version


def test_the_example_in_the_authoring_guide_is_a_valid_worksheet(tmp_path):
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    worksheets_part = guide.split("## Worksheets", 1)[1]
    example = worksheets_part.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example.startswith(SCHEMA_COMMENT)
    sheet = load_file(write(tmp_path, example), worksheets.Worksheet)
    assert {field.kind for field in sheet.fields} == {"short", "long", "checklist", "scale", "two-column", "table"}


def test_the_wording_points_to_help_and_agrees_with_the_pages():
    """Review findings: nothing on a worksheet may stop someone getting help, or contradict its page."""
    sheets = worksheets.load(ROOT)
    words = {sheet_id: json.dumps(sheet.model_dump()) for sheet_id, sheet in sheets.items()}
    rules = next(f for f in sheets["safe-space-agreement"].fields if f.id == "ground-rules")
    secret = next(item for item in rules.items if "stays between us" in item)
    assert "counsellor" in secret and "helpline" in secret and "always OK" in secret
    signs = next(f for f in sheets["honest-decision"].fields if "I feel safe with my partner" in getattr(f, "items", []))
    assert "Safety page" in (signs.hint or ""), "not feeling safe points to the Safety page"
    assert "both go" not in words["counselling-prep"] and "go alone" in words["counselling-prep"]
    page = (ROOT / "docs" / "actions-not-words.md").read_text(encoding="utf-8")
    assert "no more than three changes each" in page
    assert "no more than three each" in " ".join(sheets["weekly-agreements"].instructions.split())
    assert "four" not in words["weekly-agreements"]
