"""The published JSON Schemas and the build agree: what an editor accepts, the build accepts, and back.

Each valid example file is changed one place at a time (every value replaced by values of every
kind, every key removed, an unknown key added), written as YAML, and judged twice: by a JSON Schema
validator reading it the way an editor does (YAML 1.2: dates are text, `yes` is a word) and by the
build's own loader and models. The verdicts must match, except where the build alone can judge
(duplicates, band coverage, links, plain text...; AUTHORING.md lists those checks): there the build
may refuse what the schema accepts, never the other way round.
"""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from documents import changed_at, places
from guide_macros import helplines, schemas
from guide_macros.datafiles import OwnerLoader
from guide_macros.quiz_models import Quiz
from guide_macros.worksheet_models import Worksheet
from sitebuild import ROOT

# Values of every kind a YAML value can take by mistake or on purpose.
PALETTE = [None, "", " ", "words", "yes", "no", "10", "2026-13-45", True, False, 0, 1, 2, 5, 7, 25, -1, 1.5, 10.0,
           [], ["words"], [{"title": "words"}], {}, {"title": "words"}, "https://example.org/page", "x.md"]


class EditorLoader(OwnerLoader):
    """YAML as an editor's language server reads it: 1.2 booleans (as the build) and dates kept as text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in OwnerLoader.yaml_implicit_resolvers.items()
}


def authoring_examples(section: str) -> list[dict]:
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8").partition(f"\n## {section}\n")[2].partition("\n## ")[0]
    return [yaml.load(example, Loader=OwnerLoader) for example in re.findall(r"```yaml\n(.*?)```", guide, re.DOTALL)]


def helplines_file() -> dict:
    return yaml.load((ROOT / "docs" / "data" / "helplines.yml").read_text(encoding="utf-8"), Loader=OwnerLoader)


CASES = [("worksheet", Worksheet, document) for document in authoring_examples("Worksheets")] + \
        [("quiz", Quiz, document) for document in authoring_examples("Quizzes")] + \
        [("helplines", helplines.Helplines, helplines_file())]


def dump(document) -> str:
    return yaml.dump(document, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True)


def changes(document):
    """(description, changed document) for every one-place change."""
    for path in places(document):
        for value in PALETTE:
            yield f"{path} = {value!r}", changed_at(document, path, value)
        if isinstance(path[-1], str):
            yield f"{path} removed", changed_at(document, path, remove=True)
            yield f"{path[:-1]} + unknown key", changed_at(document, (*path[:-1], "unknwn"), "words")


def build_verdict(model, text: str) -> tuple[bool, bool]:
    """(accepted, refused only by checks the schema cannot make) as the build reads the file."""
    try:
        model.model_validate(yaml.load(text, Loader=OwnerLoader))
        return True, False
    except ValidationError as error:
        return False, all(problem["type"] == "value_error" for problem in error.errors())


@pytest.mark.parametrize(("kind", "model", "document"), CASES, ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)])
def test_the_schema_and_the_build_agree_on_every_change(kind, model, document):
    schema = yaml.safe_load(Path(schemas.schema_path(kind)).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert build_verdict(model, dump(document))[0], "the example itself must be valid"
    disagreements = []
    for description, changed in changes(document):
        text = dump(changed)
        editor_ok = validator.is_valid(yaml.load(text, Loader=EditorLoader))
        build_ok, build_only = build_verdict(model, text)
        if editor_ok != build_ok and not (editor_ok and build_only):
            disagreements.append(f"{description}: schema {'accepts' if editor_ok else 'refuses'}, "
                                 f"build {'accepts' if build_ok else 'refuses'}")
    assert not disagreements, "\n".join(disagreements[:30])
