"""A mistake in a page's macro call is one plain line: the file, the line, what to do.

mkdocs-macros prints an error raised while rendering a page with a Python traceback under it, which
the owner has no use for; it lets a package choose the text for each error type (`format_error` is
a singledispatch function). The slips an owner makes are: an id without quotes, a missing quote or
bracket, a misspelt macro name, a wrong option, an unknown id. `describe` words them, for MkDocs and
for `./guide check` (check.py renders every page's calls itself: Zensical reports errors its own way).
"""

from __future__ import annotations

import difflib
import os
import re

import jinja2

from .datafiles import DataError
from .host import is_mkdocs

EXAMPLE = '{{ quiz("take-stock-check") }}'
# `quiz(take-stock-check` -> `quiz("take-stock-check"`: the call as it should have been written.
UNQUOTED = re.compile(r"\b(worksheet|quiz)\(\s*([A-Za-z0-9][\w-]*)\s*([,)])")


def install(env) -> None:
    """From now on a mistake in a page's macro call prints as `docs/<page>.md, line N: <what to do>`."""
    if not is_mkdocs(env):
        return
    from mkdocs_macros.errors import format_error

    project_dir = str(env.project_dir)
    known = lambda: sorted(name for name in env.macros if not name.startswith("_"))  # noqa: E731

    def formatted(error: Exception, markdown: str, page) -> str:
        name = os.path.relpath(page.file.abs_src_path, project_dir)
        return describe(error, name, getattr(page.file, "content_string", "") or "", markdown, known())

    for kind in (DataError, jinja2.TemplateSyntaxError, jinja2.UndefinedError, TypeError, ValueError):
        format_error.register(kind, formatted)


def describe(error: Exception, name: str, source: str, markdown: str, known: list[str]) -> str:
    """`<page>, line N (<the line>): <what to do>` for a macro call that failed on a page; `name` is the
    page as the owner sees it, `source` its whole file, `markdown` what the macros rendered (the file
    without its front matter), `known` the names of the site's macros."""

    def where(lineno: int | None) -> str:
        if not lineno:
            return name
        lines = markdown.splitlines()
        text = lines[lineno - 1].strip() if 0 < lineno <= len(lines) else ""
        return f"{name}, line {source_line(source, markdown, lineno)}" + (f" ({text})" if text else "")

    lineno = error.lineno if isinstance(error, jinja2.TemplateSyntaxError) else template_line(error)
    if isinstance(error, DataError):
        return f"{where(lineno)}: {error}"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return (f"{where(lineno)}: this macro call is broken: a quote, a bracket or a brace is "
                f"missing or extra. Write it like {EXAMPLE}, or, for a {{ or }} meant as text, see AUTHORING.md")
    if isinstance(error, jinja2.UndefinedError):
        return f"{where(lineno)}: {undefined_advice(error, markdown, lineno, known)}"
    if isinstance(error, TypeError):
        return (f"{where(lineno)}: {plain_type_error(str(error))}; "
                f"write it like {EXAMPLE} (options: heading_level=3, and for quizzes searchable=False)")
    return (f"{where(lineno)}: this macro call could not be run "
            f"({type(error).__name__}: {error}); check it against AUTHORING.md")


def undefined_advice(error: jinja2.UndefinedError, markdown: str, lineno: int | None, known: list[str]) -> str:
    """What to do about a name the page uses that is not a macro: quotes forgotten, or a misspelling."""
    name = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(error))
    name = (name.group(1) or name.group(2)) if name else str(error)
    lines = markdown.splitlines()
    text = lines[lineno - 1] if lineno and lineno <= len(lines) else ""
    fixed = UNQUOTED.search(text)
    if fixed:
        advice = f"put the id in quotes: {fixed.group(1)}(\"{fixed.group(2)}\""
        return advice + (")" if fixed.group(3) == ")" else ", ...)")
    close = difflib.get_close_matches(name, known, n=1)
    return (f"'{name}' is not a macro or setting this site knows"
            + (f"; did you mean {close[0]}(...)?" if close else f"; the macros are: {', '.join(known)}"))


def template_line(error: BaseException) -> int | None:
    """The line of the page's Markdown where a macro raised `error` (Jinja names template frames <template>)."""
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def source_line(source: str, markdown: str, lineno: int) -> int:
    """`lineno` of the Markdown the macros rendered, as a line of the page's file (front matter counted)."""
    start = source.find(markdown[:200]) if markdown else -1
    return lineno + (source[:start].count("\n") if start > 0 else 0)


def plain_type_error(message: str) -> str:
    """Python's words about a call's arguments, in the owner's."""
    missing = re.search(r"(\w+)\(\) missing 1 required positional argument: '(\w+)'", message)
    if missing:
        return f"{missing.group(1)}() needs its id in the brackets"
    unknown = re.search(r"(\w+)\(\) got an unexpected keyword argument '(\w+)'", message)
    if unknown:
        return f"{unknown.group(1)}() has no option '{unknown.group(2)}'"
    many = re.search(r"(\w+)\(\) takes from \d+ to (\d+) positional arguments", message)
    if many:
        return f"{many.group(1)}() was given too many values"
    return f"this call cannot work as written ({message})"
