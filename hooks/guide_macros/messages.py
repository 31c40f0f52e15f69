"""pydantic's findings in the owner's words: where in the file (as an editor shows it), and what to do.

pydantic speaks to programmers ("Input should be a valid dictionary", regular expressions); the owner
edits YAML and is not one. Every error type our models can raise has a sentence here; a test feeds
each model bad values of every kind and checks that none of pydantic's own words reach the owner.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import get_args

from pydantic import ValidationError

from .datatypes import COUNTRY_PATTERN, ID_PATTERN, NOT_BLANK, PHONE_PATTERN, Strict

# Patterns our fields use, in words (an unknown pattern falls back to a general sentence).
PATTERN_WORDS = {
    NOT_BLANK: "is empty; write something here",
    ID_PATTERN: "use lower-case words joined by hyphens, like more-of",
    PHONE_PATTERN: ("write only the number: digits, with spaces, hyphens or brackets if you like, and + only at the "
                    "start; what to do on the call goes in `how:`"),
    COUNTRY_PATTERN: "write the country's two-letter code in capitals, like GB, IE, US or AU",
}


def describe(error: ValidationError, data=None, kinds: tuple[str, ...] = ()) -> list[str]:
    """One line per problem: `field.path: what is wrong and what to do`.

    Pass the validated `data` so the path can leave out pydantic's union tags (see `field_path`), and
    the model's `kinds` (the values its `kind:` key can take) to name them when `kind:` is missing.
    """
    lines = []
    for problem in error.errors(include_url=False):
        kind = problem["type"]
        if kind in ("union_tag_not_found", "union_tag_invalid"):
            # A missing or unknown `kind:` (the key that picks the model); pydantic's words name no field.
            context = problem["ctx"]
            key = str(context["discriminator"]).strip("'")
            field = field_path((*problem["loc"], key), data, missing=True)
            given = str(context.get("tag", "")).strip()
            expected = context.get("expected_tags") or ", ".join(f"'{kind}'" for kind in kinds)
            reason = (f"'{given}' is not a kind; use one of {expected}{suggestion(given, expected)}"
                      if given not in ("", "None") else f"missing: it says which kind this is, one of {expected}")
        else:
            field = field_path(problem["loc"], data, missing=kind == "missing")
            reason = (_unknown_key(problem, data) if kind == "extra_forbidden" else reason_for(problem))
        lines.append(f"{field}: {reason}" if field else reason)
    return lines


def _quoted(value) -> str:
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _found(problem) -> str:
    """What the owner wrote, said plainly, for messages about the wrong kind of value: quotes only
    around text, so `time: "10"` reads differently from `time: 10`."""
    value = problem.get("input")
    if isinstance(value, bool):
        return f" (found {str(value).lower()})"
    if isinstance(value, dict):
        return " (found a group of `key: value` lines)"
    if isinstance(value, list):
        return " (found a list)"
    if value is None:
        return " (found nothing)"
    if isinstance(value, (int, float)):
        return f" (found the number {value})"
    return f" (found the text {_quoted(value)})"


def _key_missing(problem) -> str:
    key = problem["loc"][-1] if problem["loc"] else "it"
    return f"missing; add a line `{key}: ...` here"


def _unknown_key(problem, data) -> str:
    key = str(problem["loc"][-1]) if problem["loc"] else ""
    known = keys_beside(problem["loc"], data) - {key}
    return (f"'{key}' is not a key this file knows{suggestion(key, known)}; "
            "check its spelling, or remove the line")


def _pattern(problem) -> str:
    return PATTERN_WORDS.get(problem["ctx"]["pattern"], "is not written the way this field needs; see AUTHORING.md") + _found(problem)


REASONS: dict[str, Callable[[dict], str]] = {
    "missing": _key_missing,
    "string_type": lambda p: "should be text; if it is a number, a date or true/false, put it in double quotes" + _found(p),
    "string_pattern_mismatch": _pattern,
    "string_too_short": lambda p: "is empty; write something here",
    "string_too_long": lambda p: f"is too long: keep it to {p['ctx']['max_length']} characters",
    "int_type": lambda p: "should be a whole number, like 10" + _found(p),
    "int_parsing": lambda p: "should be a whole number, like 10" + _found(p),
    "int_from_float": lambda p: "should be a whole number, like 10" + _found(p),
    "bool_type": lambda p: "should be true or false" + _found(p),
    "bool_parsing": lambda p: "should be true or false" + _found(p),
    "greater_than_equal": lambda p: f"should be {p['ctx']['ge']} or more" + _found(p),
    "greater_than": lambda p: f"should be more than {p['ctx']['gt']}" + _found(p),
    "less_than_equal": lambda p: f"should be {p['ctx']['le']} or less" + _found(p),
    "less_than": lambda p: f"should be less than {p['ctx']['lt']}" + _found(p),
    "literal_error": lambda p: (f"{_quoted(p['input'])} is not one of the choices: {p['ctx']['expected']}"
                                f"{suggestion(str(p['input']), p['ctx']['expected'])}"),
    "list_type": lambda p: "should be a list: put each item on its own line, starting with '- '" + _found(p),
    "dict_type": lambda p: "should be lines of `key: value`, indented under it" + _found(p),
    "model_type": lambda p: "should be lines of `key: value`, indented under it" + _found(p),
    "model_attributes_type": lambda p: "should be lines of `key: value`, indented under it" + _found(p),
    "too_short": lambda p: (f"needs at least {p['ctx']['min_length']} item{'s' if p['ctx']['min_length'] != 1 else ''}"
                            f" (found {p['ctx']['actual_length']})"),
    "too_long": lambda p: f"has {p['ctx']['actual_length']} items; the most it can have is {p['ctx']['max_length']}",
    "date_type": lambda p: "should be a date written YYYY-MM-DD, like 2026-12-01" + _found(p),
    "date_parsing": lambda p: "should be a date written YYYY-MM-DD, like 2026-12-01" + _found(p),
    "date_from_datetime_parsing": lambda p: "should be a date written YYYY-MM-DD, like 2026-12-01" + _found(p),
    "date_from_datetime_inexact": lambda p: "should be a date without a time, like 2026-12-01",
    "value_error": lambda p: p["msg"].removeprefix("Value error, "),
    "assertion_error": lambda p: p["msg"].removeprefix("Assertion failed, "),
}


def reason_for(problem: dict) -> str:
    """What is wrong, in plain words; an error type without a sentence keeps a neutral one."""
    reason = REASONS.get(problem["type"])
    return reason(problem) if reason else "is not a value this field can take; see AUTHORING.md"


def suggestion(given: str, choices) -> str:
    """" (did you mean 'lines'?)" when a choice is close to what was written."""
    if isinstance(choices, str):
        choices = [choice.strip(" '") for choice in choices.replace(" or ", ",").split(",")]
    close = difflib.get_close_matches(str(given), [str(choice) for choice in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def models() -> list[type[Strict]]:
    """Every data model (subclasses of Strict, at any depth)."""
    found, pending = [], list(Strict.__subclasses__())
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


def keys_beside(location: tuple, data) -> set[str]:
    """The keys allowed in the block that holds an unknown key: those of the model that fits the
    block's other keys (and its `kind:`) best; for 'did you mean', so it never suggests a key that
    belongs somewhere else."""
    block = data
    for part in location[:-1]:
        if isinstance(block, dict) and part in block:
            block = block[part]
        elif isinstance(block, list) and isinstance(part, int) and 0 <= part < len(block):
            block = block[part]
    if not isinstance(block, dict):
        return set()
    others = set(map(str, block)) - {str(location[-1])}
    fits = [model for model in models() if others <= set(model.model_fields) and kind_fits(model, block)]
    return set(min(fits, key=lambda model: len(model.model_fields)).model_fields) if fits else set()


def kind_fits(model, block: dict) -> bool:
    """A model with a `kind:` fits a block of that kind; a model without one, a block without one."""
    field = model.model_fields.get("kind")
    return block.get("kind") in get_args(field.annotation) if field else "kind" not in block


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
