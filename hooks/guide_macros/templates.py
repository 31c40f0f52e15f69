"""Render our component templates from `overrides/partials/guide/` into page Markdown."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


def make_environment(overrides_dir: Path) -> Environment:
    """A Jinja environment of our own: it works the same under MkDocs and Zensical."""
    return Environment(
        loader=FileSystemLoader(str(overrides_dir)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(environment: Environment, template: str, **context) -> str:
    """Render to HTML with no line indented, since indented lines in Markdown become code blocks."""
    html = environment.get_template(template).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
