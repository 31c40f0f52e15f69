"""A reader's answers, made from a worksheet's own fields, and typed in as a reader does.

Used by the worksheet and paper tests and by bench/paper.py (a worksheet printed with answers)."""

from __future__ import annotations

from dataclasses import dataclass

from components import open_fill


@dataclass(frozen=True)
class Answer:
    key: str  # the control's data-k, which is also the key it is saved under
    how: str  # "type", "tick" or "pick" (a number on a scale)
    value: str | bool
    kind: str  # the kind of field it answers


def answers_for(sheet) -> list[Answer]:
    """An answer in every field: text typed, the last box ticked, a number picked, a table's first row."""
    answers: list[Answer] = []

    def typed(key: str, kind: str, lines: int = 1) -> Answer:
        number = len(answers) + 1
        text = f"Answer {number:02d}" + "".join(f"\nMore of answer {number:02d}" for _ in range(1, lines))
        return Answer(key, "type", text, kind)

    for field in sheet.fields:
        if field.kind == "short":
            answers.append(typed(field.id, field.kind))
        elif field.kind == "long":
            answers.append(typed(field.id, field.kind, lines=2))
        elif field.kind == "checklist":
            answers.append(Answer(f"{field.id}.{len(field.items)}", "tick", True, field.kind))
        elif field.kind == "scale":
            answers.append(Answer(field.id, "pick", str(max(field.min, field.max - 3)), field.kind))
        else:
            columns = field.table_columns
            written = next((n for n, column in enumerate(columns, 1) if not column.tick), None)
            ticked = next((n for n, column in enumerate(columns, 1) if column.tick), None)
            if written:
                answers.append(typed(f"{field.id}.1.{written}", field.kind))
            if ticked:
                answers.append(Answer(f"{field.id}.1.{ticked}", "tick", True, field.kind))
    return answers


def record_of(answers: list[Answer]) -> dict:
    """What the site saves for these answers: text as typed, a tick as true, a picked number as text."""
    return {answer.key: answer.value for answer in answers}


def control(section, answer: Answer):
    return section.locator(f'[data-k="{answer.key}"]')


def fill(section, answers: list[Answer]) -> None:
    """As a reader does: tap "Fill in this worksheet" (unless it is open), then answer."""
    open_fill(section)
    for answer in answers:
        if answer.how == "type":
            control(section, answer).fill(answer.value)
        elif answer.how == "tick":
            control(section, answer).check()
        else:
            control(section, answer).locator(f'label:has(> [value="{answer.value}"])').click()
