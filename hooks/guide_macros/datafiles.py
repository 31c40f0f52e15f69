"""Load YAML data files and validate them, with errors that name the file, the field and the reason.

No MkDocs imports: worksheets and quizzes share this, and tests call it without a build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

Model = TypeVar("Model", bound=BaseModel)

# Text the reader sees: an empty string is a mistake.
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    """Base of every data model: unknown keys are mistakes (a typo like `lables:` would otherwise
    vanish silently), and stray spaces around text are dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# libyaml's parser, where PyYAML has it: the pure-Python one takes ~20 ms a file, the most of a big build.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A data file the owner wrote cannot be used; the message says where and why."""


def load_collection(folder: Path, model: type[Model], kind: str) -> dict[str, Model]:
    """Validate every `<id>.yml` in `folder` (the file name is the id), used by a page or not."""
    items: dict[str, Model] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            items[path.stem] = load_file(path, model)
        except DataError as error:
            problems.append(str(error))
    if problems:
        raise DataError(f"{len(problems)} {kind} file(s) have problems:\n" + "\n".join(problems))
    return items


def load_file(path: Path, model: type[Model]) -> Model:
    """Parse one YAML file and validate it against `model`."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise DataError(f"{path}: not valid YAML{where}: {reason}") from None
    try:
        return model.model_validate(raw if raw is not None else {}, context={"id": path.stem})
    except ValidationError as error:
        raise DataError("\n".join(f"{path}: {line}" for line in describe(error, raw))) from None


def describe(error: ValidationError, data=None) -> list[str]:
    """One line per problem: the field path as the owner sees it in YAML, then the reason.

    Pass the validated `data` so the path can leave out pydantic's union tags (see `field_path`).
    """
    lines = []
    for problem in error.errors(include_url=False):
        if problem["type"] in ("union_tag_not_found", "union_tag_invalid"):
            # A missing or unknown `kind:` (the key that picks the model); pydantic's words name no field.
            context = problem["ctx"]
            key = str(context["discriminator"]).strip("'")
            field = field_path((*problem["loc"], key), data, missing=True)
            given = str(context.get("tag", "")).strip()
            reason = (f"'{given}' is not a kind; use one of {context['expected_tags']}"
                      if given not in ("", "None") else "Field required: it says which kind this is")
        else:
            field = field_path(problem["loc"], data, missing=problem["type"] == "missing")
            reason = problem["msg"].removeprefix("Value error, ")
        lines.append(f"{field}: {reason}" if field else reason)
    return lines


def field_path(location: tuple, data=None, missing: bool = False) -> str:
    """`("fields", 2, "label")` becomes `fields[2].label`, the way an editor shows YAML paths.

    With `data`, a part that is not a key in the YAML is left out: a discriminated union (a list
    item chosen by its `kind:`) adds its tag, as in `("fields", 2, "long", "lines")`.
    With `missing`, the last part is kept: it names a required key that is not there.
    """
    text = ""
    node = data
    for position, part in enumerate(location):
        last = position == len(location) - 1
        if isinstance(node, dict) and isinstance(part, str):
            if part not in node and not (last and missing):
                continue
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part] if 0 <= part < len(node) else None
        else:
            node = None
        if isinstance(part, int):
            text += f"[{part}]"
        elif not str(part).startswith(("function-", "tagged-union")):
            text += f".{part}" if text else str(part)
    return text


def lookup(items: dict[str, Model], kind: str, item_id: str) -> Model:
    """Find an item by id, or fail the build listing the ids that do exist."""
    try:
        return items[item_id]
    except KeyError:
        known = ", ".join(sorted(items)) or "(none)"
        raise DataError(f"Unknown {kind} id '{item_id}'. Known {kind} ids: {known}") from None
