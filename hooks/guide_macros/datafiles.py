"""Read the owner's YAML data files and validate them, with one plain line per mistake.

No MkDocs imports: every data kind shares this, and tests call it without a build. A mistake names
the file, then where in it (a field such as `fields[2].kind`, or a line), then what to do.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .datatypes import is_id, suggested_id
from .messages import describe

Model = TypeVar("Model", bound=BaseModel)

# libyaml's parser where PyYAML has it: the pure-Python one takes ~20 ms a file, the most of a big build.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_SUFFIXES = (".yml", ".yaml")


class DataError(Exception):
    """A file or setting the owner wrote cannot be used; the message says where and why."""


class DuplicateKey(yaml.MarkedYAMLError):
    """The same key twice in one block: YAML would silently keep only the last value."""


class OwnerLoader(_BASE_LOADER):
    """YAML as editors read it (YAML 1.2 booleans: only true and false), refusing a key written twice."""

    def construct_mapping(self, node, deep=False):
        first_line: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, (str, int, float, bool)) and key in first_line:
                raise DuplicateKey(
                    problem=f"'{key}' is written twice in the same block (first on line {first_line[key] + 1}); "
                            "keep one of them, or the first would be silently lost",
                    problem_mark=key_node.start_mark)
            if isinstance(key, (str, int, float, bool)):
                first_line[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads yes, no, on and off as true and false; editors checking the schema (YAML 1.2) read
# them as words. Only true and false are booleans here too, so both agree (strict models refuse "yes").
OwnerLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.copy().items()
}
OwnerLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

# PyYAML's words for common layout slips, in the owner's words.
YAML_PROBLEMS = {
    "mapping values are not allowed here": "a ':' where it cannot go; if the text itself contains ': ', put it all in double quotes",
    "found character '\\t' that cannot start any token": "a tab; indent with spaces only",
    "could not find expected ':'": "a line that is not `key: value`; check for a missing ':' or a broken quote",
    "found unexpected end of stream": "a quote that is opened but never closed",
    "did not find expected key": "lines that do not line up; check the indentation of this line and the one before",
    "did not find expected '-' indicator": "a list item that does not line up with the others",
    "expected <block end>, but found '-'": "a list item that does not line up with the others",
    "expected <block end>, but found '<block sequence start>'": "a list item that does not line up with the others",
    "found undefined alias": "a '*' at the start of a value; put the whole text in double quotes",
    "expected alphabetic or numeric character, but found": "an '&' or '*' at the start of a value; put the whole text in double quotes",
}


def read_yaml(path: Path):
    """The file's data, or DataError naming the file, the line and what to do."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise DataError(f"{path}: line {line}: the file is not saved as UTF-8 text; open it in your editor and "
                        "save it again with the encoding UTF-8") from None
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        raise DataError(f"{path}: the file is empty; write its keys (see AUTHORING.md) or delete the file")
    try:
        return yaml.load(text, Loader=OwnerLoader)
    except yaml.YAMLError as error:
        raise DataError(f"{path}: {yaml_problem(error)}") from None


def yaml_problem(error: yaml.YAMLError) -> str:
    """`line 12, column 5: <what is wrong, in plain words>`."""
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, DuplicateKey):
        return f"line {mark.line + 1}: {problem}"
    for words, plain in YAML_PROBLEMS.items():
        if problem.startswith(words):
            return f"{where}the layout is broken here: {plain}"
    return f"{where}the layout is broken here ({problem}); check quotes, colons and indentation on this line"


def load_file(path: Path, model: type[Model]) -> Model:
    """Parse one YAML file and validate it against `model`."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the file should be lines of `key: value` (see the example in AUTHORING.md)")
    try:
        return model.model_validate(raw, context={"id": path.stem})
    except ValidationError as error:
        kinds = getattr(model, "KINDS", ())
        raise DataError("\n".join(f"{path}: {line}" for line in describe(error, raw, kinds))) from None


def load_collection(folder: Path, model: type[Model], kind: str) -> dict[str, Model]:
    """Validate every `<id>.yml` in `folder` (the file name is the id), used by a page or not."""
    items: dict[str, Model] = {}
    problems: list[str] = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.is_dir():
            continue  # editors' and systems' own files (.DS_Store, .swp)
        if path.suffix not in DATA_SUFFIXES:
            problems.append(f"{path}: not read: {kind} files end in .yml (rename it, or move it out of this folder)")
            continue
        if not is_id(path.stem):
            problems.append(f"{path}: the file name is the {kind}'s id, and '{path.stem}' cannot be one: "
                            f"use lower-case words joined by hyphens, like {suggested_id(path.stem)}{path.suffix}")
            continue
        if path.stem in items:
            problems.append(f"{path}: there is also a {path.stem}.yml; keep one of the two files")
            continue
        try:
            items[path.stem] = load_file(path, model)
        except DataError as error:
            problems.append(str(error))
    if problems:
        raise DataError(f"{len(problems)} {kind} file(s) have problems:\n" + "\n".join(problems))
    return items


def lookup(items: dict[str, Model], kind: str, item_id) -> Model:
    """Find an item by id, or fail the build listing the ids that do exist."""
    try:
        return items[item_id]
    except (KeyError, TypeError):
        known = ", ".join(sorted(items)) or "(none)"
        raise DataError(f"Unknown {kind} id '{item_id}'. Known {kind} ids: {known}") from None
