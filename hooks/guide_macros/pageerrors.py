"""Under MkDocs, a mistake in a page's macro call is one plain line: the file, the line, what to do.

mkdocs-macros prints an error raised while rendering a page with a Python traceback under it, which
the owner has no use for; it lets a package choose the text for each error type (`format_error` is
a singledispatch function). The slips an owner makes are: an id without quotes, a missing quote or
bracket, a misspelt macro name, a wrong option, an unknown id. Zensical reports errors its own way.
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

    def where(page, markdown: str, lineno: int | None) -> str:
        name = os.path.relpath(page.file.abs_src_path, project_dir)
        if not lineno:
            return name
        line = source_line(page, markdown, lineno)
        text = markdown.splitlines()[lineno - 1].strip() if 0 < lineno <= len(markdown.splitlines()) else ""
        return f"{name}, line {line}" + (f" ({text})" if text else "")

    def data_error(error: DataError, markdown: str, page) -> str:
        return f"{where(page, markdown, template_line(error))}: {error}"

    def syntax_error(error: jinja2.TemplateSyntaxError, markdown: str, page) -> str:
        return (f"{where(page, markdown, error.lineno)}: this macro call is broken: a quote, a bracket or a brace is "
                f"missing or extra. Write it like {EXAMPLE}, or, for a {{ or }} meant as text, see AUTHORING.md")

    def undefined(error: jinja2.UndefinedError, markdown: str, page) -> str:
        lineno = template_line(error)
        name = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(error))
        name = (name.group(1) or name.group(2)) if name else str(error)
        text = markdown.splitlines()[lineno - 1] if lineno and lineno <= len(markdown.splitlines()) else ""
        fixed = UNQUOTED.search(text)
        if fixed:
            advice = (f"put the id in quotes: {fixed.group(1)}(\"{fixed.group(2)}\"")
            advice += ")" if fixed.group(3) == ")" else ", ...)"
        else:
            close = difflib.get_close_matches(name, known(), n=1)
            advice = (f"'{name}' is not a macro or setting this site knows"
                      + (f"; did you mean {close[0]}(...)?" if close else f"; the macros are: {', '.join(known())}"))
        return f"{where(page, markdown, lineno)}: {advice}"

    def wrong_arguments(error: TypeError, markdown: str, page) -> str:
        return (f"{where(page, markdown, template_line(error))}: {plain_type_error(str(error))}; "
                f"write it like {EXAMPLE} (options: heading_level=3, and for quizzes searchable=False)")

    def anything_else(error: Exception, markdown: str, page) -> str:
        return (f"{where(page, markdown, template_line(error))}: this macro call could not be run "
                f"({type(error).__name__}: {error}); check it against AUTHORING.md")

    format_error.register(DataError, data_error)
    format_error.register(jinja2.TemplateSyntaxError, syntax_error)
    format_error.register(jinja2.UndefinedError, undefined)
    format_error.register(TypeError, wrong_arguments)
    format_error.register(ValueError, anything_else)


def template_line(error: BaseException) -> int | None:
    """The line of the page's Markdown where a macro raised `error` (Jinja names template frames <template>)."""
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def source_line(page, markdown: str, lineno: int) -> int:
    """`lineno` of the Markdown mkdocs-macros rendered, as a line of the page's file (front matter counted)."""
    source = getattr(page.file, "content_string", "") or ""
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
