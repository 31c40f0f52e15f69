"""Quizzes: one YAML file per quiz in docs/data/quizzes/, the `quiz(id)` macro.

Two kinds, picked by `kind:`. A knowledge check asks single-choice questions, each option with its
own explanation and exactly one `best: true`. A self-assessment rates statements on a five-point
scale and sums them into score bands that must cover every possible total exactly once; a statement
may be a safety flag, whose answer at or past its threshold puts the Safety page first and swaps the
band's advice (repair steps, counselling) for `safety_result`. The models validate the owner's files
at build start, generate `schemas/quiz.schema.json` and feed `overrides/partials/guide/quiz.html`.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from typing import Annotated, Literal, Union

import yaml
from pydantic import ConfigDict, Field, RootModel, ValidationInfo, field_validator, model_validator

from . import contact
from .datafiles import SAFE_LOADER, DataError, Strict, Text, load_collection, lookup
from .frontmatter import FRONT_MATTER
from .templates import UniqueIds, safe_heading_level

KIND = "quiz"
FOLDER = Path("docs/data/quizzes")
TEMPLATE = "partials/guide/quiz.html"
SAFETY_PAGE = "safety.md"
# Links to these pages are counselling suggestions: left out of a result that raised a safety flag.
COUNSELLING_PAGES = ("outside-help.md",)
SCALE = ("Never", "Rarely", "Sometimes", "Often", "Always")
SAFETY_MESSAGE = (
    "Some of your answers suggest you may not feel safe. Fear, threats, control or violence "
    "call for help, not repair. Please read the Safety page first. You can leave this page "
    "fast with the Exit button."
)
SAFETY_RESULT = (
    "Because of your answer about feeling afraid, we are not suggesting steps to repair things "
    "together right now. Your safety comes first."
)
COUNSELLING = re.compile(r"counsel|therap|outside help", re.IGNORECASE)



# ---------------------------------------------------------------------------
# Models
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


class KnowledgeCheck(Strict):
    """Which of these is the better move? One question after another, each with its explanations."""

    model_config = ConfigDict(title="Knowledge check")

    kind: Literal["knowledge-check"]
    title: Text
    intro: str | None = Field(None, description="One or two sentences under the title.")
    questions: list[Question] = Field(min_length=1, max_length=10)


class Statement(Strict):
    """A statement the reader rates from the first scale word (1 point) to the last (5 points)."""

    text: Text
    reverse: bool = Field(False, description="true: counts the other way (the first scale word gives 5 points).")
    safety_flag: bool = Field(False, description="true: an answer at or past `threshold` shows the safety message first.")
    threshold: int | None = Field(
        None, description="With `safety_flag`: the scale point (2 to 5) from which the answer raises the flag."
    )

    @model_validator(mode="after")
    def flag_has_threshold(self) -> Statement:
        if self.safety_flag:
            if self.threshold is None:
                raise ValueError("a `safety_flag` statement needs a `threshold` (2 to 5)")
            if not 2 <= self.threshold <= len(SCALE):
                raise ValueError(
                    f"threshold {self.threshold} is outside the scale: use 2 to {len(SCALE)} "
                    f"(2 = {SCALE[1]}, {len(SCALE)} = {SCALE[-1]})"
                )
            if self.reverse:
                raise ValueError(
                    "a `safety_flag` statement cannot be `reverse`: word it so that agreeing means danger"
                )
        elif self.threshold is not None:
            raise ValueError("`threshold` only works with `safety_flag: true`")
        return self

    @property
    def flag_words(self) -> str:
        """The answers that raise this statement's flag, e.g. 'Often or Always'."""
        words = SCALE[self.threshold - 1:] if self.threshold else ()
        return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]])) if words else ""


class Link(Strict):
    """A page of this guide that fits a band."""

    page: str = Field(
        pattern=r"^[^#:]+\.md(#[\w-]+)?$",
        description="The page file in docs/, e.g. `take-stock.md` or `take-stock.md#try-this`.",
    )
    text: str | None = Field(None, description="Link text; leave it out to use the page's title.")

    @property
    def path(self) -> str:
        return self.page.partition("#")[0]

    @property
    def counselling(self) -> bool:
        return self.path in COUNSELLING_PAGES


class Band(Strict):
    """A range of totals and what it may mean."""

    min: int = Field(description="Lowest total in this band.")
    max: int = Field(description="Highest total in this band.")
    title: Text
    message: Text = Field(
        description="A few kind sentences. Suggest counselling only through a link to outside-help.md."
    )
    links: list[Link] = Field(default_factory=list, description="Pages that fit this band.")

    @field_validator("message")
    @classmethod
    def counselling_only_as_link(cls, message: str) -> str:
        # Counselling must be a link, so a result that raised a safety flag can leave it out.
        if COUNSELLING.search(message):
            raise ValueError(
                "suggest counselling with a link to outside-help.md, not in the message "
                "(a result that raises a safety flag leaves counselling out)"
            )
        return message

    @model_validator(mode="after")
    def range_is_upward(self) -> Band:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is higher than max ({self.max})")
        return self


class SelfAssessment(Strict):
    """Statements rated on a five-point scale, summed into bands."""

    model_config = ConfigDict(title="Self-assessment")

    kind: Literal["self-assessment"]
    title: Text
    intro: str | None = Field(None, description="One or two sentences under the title.")
    statements: list[Statement] = Field(min_length=2, max_length=20)
    bands: list[Band] = Field(min_length=1, description="Every possible total in exactly one band.")
    safety_message: Text = Field(SAFETY_MESSAGE, description="Shown first when a safety flag is raised.")
    safety_result: Text = Field(
        SAFETY_RESULT,
        description="When a safety flag is raised: shown under the band title instead of the band's message and links.",
    )

    @field_validator("safety_result")
    @classmethod
    def no_repair_advice(cls, text: str) -> str:
        if COUNSELLING.search(text):
            raise ValueError("a reader who may not be safe gets no counselling advice: leave it out of `safety_result`")
        return text

    @property
    def lowest(self) -> int:
        return len(self.statements)

    @property
    def highest(self) -> int:
        return len(self.statements) * len(SCALE)

    @property
    def reversed_numbers(self) -> list[int]:
        """Numbers (from 1) of the statements that count the other way."""
        return [number for number, statement in enumerate(self.statements, 1) if statement.reverse]

    @property
    def reversed_words(self) -> str:
        """'1, 4 and 8'."""
        numbers = [str(number) for number in self.reversed_numbers]
        return " and ".join(filter(None, [", ".join(numbers[:-1]), numbers[-1]])) if numbers else ""

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
        lowest, highest = len(statements), len(statements) * len(SCALE)
        problems = []
        covered: dict[int, int] = {}
        # Listed from the lowest totals up: the table reads that way, and guide.js names the ends of
        # the range (and which way a retake moved) after the first and last band.
        for index in range(1, len(bands)):
            if bands[index].min < bands[index - 1].min:
                problems.append(f"bands[{index}] (from {bands[index].min}) comes after bands[{index - 1}] "
                                f"(from {bands[index - 1].min}): list the bands from the lowest totals to the highest")
        for index, band in enumerate(bands):
            for total in range(band.min, band.max + 1):
                if total in covered:
                    problems.append(f"bands[{covered[total]}] and bands[{index}] both cover {total}")
                    break
                covered[total] = index
        outside = sorted(total for total in covered if not lowest <= total <= highest)
        if outside:
            problems.append(f"totals {_ranges(outside)} cannot happen")
        missing = [total for total in range(lowest, highest + 1) if total not in covered]
        if missing:
            problems.append(f"no band covers {_ranges(missing)}")
        if problems:
            raise ValueError(
                f"with {len(statements)} statements a total runs from {lowest} to {highest}, "
                f"and every total needs exactly one band: " + "; ".join(problems)
            )
        return bands


QuizKinds = Annotated[Union[KnowledgeCheck, SelfAssessment], Field(discriminator="kind")]


class Quiz(RootModel[QuizKinds]):
    """One quiz file. The file name is its id: `take-stock-check.yml` is `quiz("take-stock-check")`."""

    model_config = ConfigDict(title="Quiz")


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] becomes '3 to 5, 9'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]} to {run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


# ---------------------------------------------------------------------------
# Loading and checks that need the docs folder
# ---------------------------------------------------------------------------

def load(project_dir: Path, docs_dir: Path | None = None) -> dict[str, KnowledgeCheck | SelfAssessment]:
    """Every quiz, validated, with linked pages checked against `docs_dir`; raises DataError."""
    folder = Path(project_dir) / FOLDER
    quizzes = {quiz_id: quiz.root for quiz_id, quiz in load_collection(folder, Quiz, KIND).items()}
    docs = Path(docs_dir) if docs_dir else Path(project_dir) / "docs"
    problems = [
        f"{folder / quiz_id}.yml: {problem}"
        for quiz_id, quiz in quizzes.items()
        for problem in missing_pages(quiz, docs)
    ]
    if problems:
        raise DataError(f"{len(problems)} quiz link(s) point to missing pages:\n" + "\n".join(problems))
    return quizzes


def missing_pages(quiz, docs_dir: Path) -> list[str]:
    """`field.path: reason` for each linked page that is not in the docs folder."""
    if not isinstance(quiz, SelfAssessment):
        return []
    problems = []
    for band_index, band in enumerate(quiz.bands):
        for link_index, link in enumerate(band.links):
            if not (docs_dir / link.path).is_file():
                problems.append(
                    f"bands[{band_index}].links[{link_index}].page: no page '{link.path}' in {docs_dir.name}/ "
                    "(use a file name from docs/, e.g. take-stock.md)"
                )
    if quiz.flagged and not (docs_dir / SAFETY_PAGE).is_file():
        number = quiz.flagged[0][0]
        problems.append(
            f"statements[{number - 1}].safety_flag: the safety message links to {SAFETY_PAGE}, "
            f"which is not in {docs_dir.name}/"
        )
    return problems


def anchor_links(quiz) -> list[tuple[str, str, str]]:
    """`(field path, page file, anchor)` for each band link into a part of a page (`page.md#part`).

    The anchors exist only once the pages are rendered: hooks/quiz_link_check.py checks them then."""
    if not isinstance(quiz, SelfAssessment):
        return []
    return [(f"bands[{band_index}].links[{link_index}].page", link.path, link.page.partition("#")[2])
            for band_index, band in enumerate(quiz.bands)
            for link_index, link in enumerate(band.links) if "#" in link.page]


def page_title(docs_dir: Path, page: str) -> str:
    """The `title:` in a page's front matter, else its first `# heading`, else the file name."""
    text = (docs_dir / page).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=SAFE_LOADER) or {}
        except (yaml.YAMLError, ValueError):  # e.g. reviewed: 2026-02-30
            meta = {}  # hooks/front_matter_check.py names the page and the reason; no crash here
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    return heading.group(1).strip() if heading else Path(page).stem.replace("-", " ").capitalize()


# ---------------------------------------------------------------------------
# Links relative to the page the quiz is on
# ---------------------------------------------------------------------------

def page_url(src: str, directory_urls: bool = True) -> str:
    """Site-relative URL MkDocs gives a page file: `take-stock.md` -> `take-stock/`, `index.md` -> ``."""
    stem, _, _ = src.rpartition(".")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(target: str, base: str) -> str:
    """`target` (site-relative, may carry `#fragment`) as seen from the page at site-relative `base`."""
    path, hash_, fragment = target.partition("#")
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    relative = posixpath.relpath("/" + path, "/" + base_dir)
    if (path.endswith("/") or not path) and not relative.endswith("/"):
        relative += "/"  # "." and ".." too: a folder URL keeps its slash
    return relative + hash_ + fragment


# ---------------------------------------------------------------------------
# Macro
# ---------------------------------------------------------------------------

def register(env, renderer) -> None:
    """Validate all quiz files now (build start) and register `{{ quiz("id") }}`."""
    conf = env.conf
    docs_dir = Path(env.project_dir) / conf.get("docs_dir", "docs")
    quizzes = load(env.project_dir, docs_dir)
    directory_urls = conf.get("use_directory_urls", True)
    exit_url = contact.load(conf.get("extra")).quick_exit_url  # checked: never an empty link
    ids = UniqueIds()
    # Every self-assessment on every page names the same few pages: read each title once per build.
    title_of = functools.cache(functools.partial(page_title, docs_dir))
    # Zensical resolves links in a page's HTML like Markdown links (from the page's source file, to
    # the `.md` file); MkDocs leaves them as they are, so they must already be the final URL.
    zensical = type(env).__module__.startswith("zensical")

    def href(target: str, page) -> str:
        path, hash_, fragment = target.partition("#")
        if zensical:
            source_dir = posixpath.dirname(getattr(page, "path", "") or "")
            return posixpath.relpath(path, source_dir or ".") + hash_ + fragment
        here = (getattr(page, "url", "") or "").lstrip("/")
        return relative_url(page_url(path, directory_urls) + hash_ + fragment, here)

    @env.macro
    def quiz(quiz_id: str, heading_level: int = 3, searchable: bool = True) -> str:
        """Render a quiz; on the quizzes page pass `searchable=False` so search lists it once."""
        item = lookup(quizzes, KIND, quiz_id)
        page = getattr(env, "page", None)
        links = {}
        if isinstance(item, SelfAssessment):
            links = {
                link.page: {"href": href(link.page, page), "text": link.text or title_of(link.path)}
                for band in item.bands for link in band.links
            }
        return renderer.render(
            TEMPLATE,
            quiz=item,
            quiz_id=quiz_id,
            prefix=ids.prefix(page, f"q-{quiz_id}"),
            level=safe_heading_level(heading_level),
            searchable=searchable,
            scale=SCALE,
            links=links,
            safety_href=href(SAFETY_PAGE, page),
            quick_exit_url=exit_url,
        )
