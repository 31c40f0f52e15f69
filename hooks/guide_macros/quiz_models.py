"""Quiz files (docs/data/quizzes/<id>.yml): the models that validate them. No MkDocs imports.

Two kinds, picked by `kind:`. A knowledge check asks single-choice questions, each option with its
own explanation and exactly one `best: true`. A self-assessment rates statements on a five-point
scale and sums them into bands that cover every possible total exactly once. A statement may be a
safety flag: an answer at or past its threshold puts safety first and shows no band at all, and
flagged statements never count towards the total (fear is not "a bit more strain"). The models
generate `schemas/quiz.schema.json` and feed `overrides/partials/guide/quiz.html`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, ClassVar, Literal, Union

from pydantic import ConfigDict, Field, RootModel, ValidationInfo, field_validator, model_validator

from .datatypes import Strict, Text, WholeNumber, kinds_of

SCALE = ("Never", "Rarely", "Sometimes", "Often", "Always")
# A statement scoring this many points or more (Often or Always, after `reverse`) points the reader
# to its own page, whatever the total.
STRAINED_POINTS = 4
SAFETY_MESSAGE = (
    "Some of your answers suggest you may not feel safe. Fear, threats, control or put-downs call for "
    "help, not repair, and none of it is your fault. The services below are free and private. You can "
    "leave this page fast with the Exit button."
)
# A page file in docs/, optionally with a part of it: `take-stock.md` or `take-stock.md#try-this`.
PAGE_LINK = r"^[^#:\s]+\.md(#[\w-]+)?$"


# ---------------------------------------------------------------------------
# Knowledge checks
# ---------------------------------------------------------------------------

class Option(Strict):
    """One answer to pick, and why it is or is not the better move."""

    text: Text = Field(description="The answer as the reader sees it.")
    explanation: Text = Field(description="Why this is, or is not, the better move. Shown after checking.")
    best: bool = Field(False, description="true on exactly one option per question: the better move.")


class Question(Strict):
    """A single-choice question."""

    question: Text
    options: list[Option] = Field(min_length=2, max_length=6, description="Two to six answers.")

    @model_validator(mode="after")
    def exactly_one_best(self) -> Question:
        best = [index for index, option in enumerate(self.options) if option.best]
        if not best:
            raise ValueError("no option has `best: true`; mark the one better move")
        if len(best) > 1:
            places = " and ".join(f"options[{index}]" for index in best)
            raise ValueError(f"{len(best)} options have `best: true` ({places}); mark only the one better move")
        return self

    @model_validator(mode="after")
    def options_differ(self) -> Question:
        seen: dict[str, int] = {}
        for index, option in enumerate(self.options):
            key = " ".join(option.text.lower().split())
            if key in seen:
                raise ValueError(f"options[{seen[key]}] and options[{index}] have the same text; "
                                 "a reader could not tell them apart")
            seen[key] = index
        return self


class QuizBase(Strict):
    """What every quiz has, whatever its kind."""

    title: Text
    intro: Text | None = Field(None, description="One or two sentences under the title.")


class KnowledgeCheck(QuizBase):
    """Which of these is the better move? One question after another, each with its explanations."""

    model_config = ConfigDict(title="Knowledge check")

    kind: Literal["knowledge-check"]
    questions: list[Question] = Field(min_length=1, max_length=10, description="One to ten questions.")


# ---------------------------------------------------------------------------
# Self-assessments
# ---------------------------------------------------------------------------

class Link(Strict):
    """A page of this guide."""

    page: str = Field(pattern=PAGE_LINK,
                      description="The page file in docs/, e.g. `take-stock.md` or `take-stock.md#try-this`.")
    text: Text | None = Field(None, description="Link text; leave it out to use the page's title.")

    @property
    def path(self) -> str:
        return self.page.partition("#")[0]


class Statement(Strict):
    """A statement the reader rates from the first scale word (1 point) to the last (5 points)."""

    text: Text
    reverse: bool = Field(False, description="true: counts the other way (the first scale word gives 5 points).")
    safety_flag: bool = Field(False, description="true: an answer at or past `threshold` puts safety first. "
                                                 "A flagged statement never adds to the total.")
    threshold: WholeNumber | None = Field(None, ge=2, le=len(SCALE), description=(
        "With `safety_flag`: the scale point (2 = Rarely to 5 = Always) from which the answer raises the flag."))
    link: Link | None = Field(None, description=(
        "A page to suggest when this statement alone scores 4 or 5 points (Often or Always, after `reverse`)."))
    talk: Text | None = Field(None, description=(
        "A question for both partners, shown when they compare answers and theirs differ. Every statement "
        "needs one, except a `safety_flag` statement, which is never shared."))

    @model_validator(mode="after")
    def flag_has_threshold(self) -> Statement:
        if self.safety_flag:
            if self.threshold is None:
                raise ValueError("a `safety_flag` statement needs a `threshold` (2 = Rarely to 5 = Always)")
            if self.reverse:
                raise ValueError("a `safety_flag` statement cannot be `reverse`: word it so that agreeing means danger")
            if self.link:
                raise ValueError("a `safety_flag` statement cannot have a `link`: its answer leads to the safety help")
            if self.talk:
                raise ValueError("a `safety_flag` statement cannot have a `talk`: its answer is never shared with a partner")
        elif self.threshold is not None:
            raise ValueError("`threshold` only works with `safety_flag: true`")
        return self

    @property
    def flag_words(self) -> str:
        """The answers that raise this statement's flag, e.g. 'Often or Always'."""
        words = SCALE[self.threshold - 1:] if self.threshold else ()
        return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]])) if words else ""


class Band(Strict):
    """A range of totals and what it may mean."""

    min: WholeNumber = Field(description="Lowest total in this band.")
    max: WholeNumber = Field(description="Highest total in this band.")
    title: Text
    message: Text = Field(description="A few kind sentences.")
    links: list[Link] = Field(default_factory=list, description="Pages that fit this band.")

    @model_validator(mode="after")
    def range_is_upward(self) -> Band:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is higher than max ({self.max})")
        return self


class SelfAssessment(QuizBase):
    """Statements rated on a five-point scale, summed into bands."""

    model_config = ConfigDict(title="Self-assessment")

    kind: Literal["self-assessment"]
    statements: list[Statement] = Field(min_length=2, max_length=20, description="Two to twenty statements.")
    bands: list[Band] = Field(min_length=1, description="Every possible total in exactly one band, lowest first.")
    safety_message: Text = Field(SAFETY_MESSAGE, description="Shown first, with the helplines, when a safety flag is raised.")

    @field_validator("statements")
    @classmethod
    def something_to_count(cls, statements: list[Statement]) -> list[Statement]:
        if all(statement.safety_flag for statement in statements):
            raise ValueError("every statement is a safety flag, so there is no total to score; "
                             "add statements without `safety_flag`")
        # Partners can compare their answers to any self-assessment: each difference needs a question.
        silent = [f"statements[{index}]" for index, statement in enumerate(statements)
                  if not statement.safety_flag and not statement.talk]
        if silent:
            raise ValueError(f"{' and '.join(silent)} {'needs' if len(silent) == 1 else 'need'} a `talk:` line: "
                             "partners can compare their answers, and it is the question that helps them talk "
                             "when their answers differ")
        return statements

    @property
    def version(self) -> str:
        """A short fingerprint of the statements: a partner's shared answers only fit the same ones."""
        layout = json.dumps([[s.text, s.reverse, s.safety_flag] for s in self.statements], separators=(",", ":"))
        return hashlib.sha256(layout.encode()).hexdigest()[:10]

    @property
    def counted(self) -> list[Statement]:
        """The statements that add to the total (safety flags never do)."""
        return [statement for statement in self.statements if not statement.safety_flag]

    @property
    def lowest(self) -> int:
        return len(self.counted)

    @property
    def highest(self) -> int:
        return len(self.counted) * len(SCALE)

    @property
    def reversed_numbers(self) -> list[int]:
        """Numbers (from 1) of the statements that count the other way."""
        return [number for number, statement in enumerate(self.statements, 1) if statement.reverse]

    @property
    def flag_rules(self) -> list[tuple[str, str]]:
        """For the by-hand guide: ("Rarely or more often", "statement 9"), ("Sometimes or more often",
        "statements 10, 11 or 12"): which answers raise a flag, grouped by threshold."""
        by_threshold: dict[int, list[int]] = {}
        for number, statement in self.flagged:
            by_threshold.setdefault(statement.threshold, []).append(number)
        rules = []
        for threshold, numbers in sorted(by_threshold.items()):
            words = SCALE[threshold - 1] + ("" if threshold == len(SCALE) else " or more often")
            names = [str(number) for number in numbers]
            listed = " or ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
            rules.append((words, f"statement{'s' if len(numbers) > 1 else ''} {listed}"))
        return rules

    @property
    def flagged(self) -> list[tuple[int, Statement]]:
        """(number from 1, statement) of every safety-flag statement."""
        return [(number, statement) for number, statement in enumerate(self.statements, 1) if statement.safety_flag]

    @field_validator("bands")
    @classmethod
    def bands_cover_every_total(cls, bands: list[Band], info: ValidationInfo) -> list[Band]:
        statements = info.data.get("statements")
        if not statements:
            return bands  # the statements have their own error; totals cannot be known
        counted = [statement for statement in statements if not statement.safety_flag]
        problems = band_problems(bands, len(counted), len(counted) * len(SCALE))
        if problems:
            flags = len(statements) - len(counted)
            note = f" ({flags} safety flag{'s' if flags != 1 else ''} not counted)" if flags else ""
            raise ValueError(
                f"with {len(counted)} counted statements{note} a total runs from {len(counted)} to "
                f"{len(counted) * len(SCALE)}, and every total needs exactly one band: " + "; ".join(problems)
            )
        return bands


def band_problems(bands: list[Band], lowest: int, highest: int) -> list[str]:
    """Every total covered twice (by which bands), not covered, or impossible; and bands out of order."""
    problems = []
    # Listed from the lowest totals up: the table reads that way, and guide.js names the ends of
    # the range after the first and last band.
    for index in range(1, len(bands)):
        if bands[index].min < bands[index - 1].min:
            problems.append(f"bands[{index}] (from {bands[index].min}) comes after bands[{index - 1}] "
                            f"(from {bands[index - 1].min}): list the bands from the lowest totals to the highest")
    covering: dict[int, list[int]] = {}
    for index, band in enumerate(bands):
        for total in range(band.min, band.max + 1):
            covering.setdefault(total, []).append(index)
    overlaps: dict[tuple[int, ...], list[int]] = {}
    for total, indexes in sorted(covering.items()):
        if len(indexes) > 1:
            overlaps.setdefault(tuple(indexes), []).append(total)
    for indexes, totals in overlaps.items():
        names = " and ".join(f"bands[{index}]" for index in indexes)
        problems.append(f"{names} {'both' if len(indexes) == 2 else 'all'} cover {ranges(totals)}")
    outside = sorted(total for total in covering if not lowest <= total <= highest)
    if outside:
        problems.append(f"totals {ranges(outside)} cannot happen")
    missing = [total for total in range(lowest, highest + 1) if total not in covering]
    if missing:
        problems.append(f"no band covers {ranges(missing)}")
    return problems


def ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] becomes '3 to 5, 9'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]} to {run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


QUIZ_MODELS = (KnowledgeCheck, SelfAssessment)
QuizKinds = Annotated[Union[QUIZ_MODELS], Field(discriminator="kind")]


class Quiz(RootModel[QuizKinds]):
    """One quiz file. The file name is its id: `take-stock-check.yml` is `quiz("take-stock-check")`."""

    model_config = ConfigDict(title="Quiz")
    # The kinds of quiz, for a message about a file without `kind:` (messages.py).
    KINDS: ClassVar[tuple[str, ...]] = kinds_of(QUIZ_MODELS)
