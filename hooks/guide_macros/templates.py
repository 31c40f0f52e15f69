"""Render our component templates from `overrides/partials/guide/` into page Markdown."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


class Renderer:
    """A Jinja environment of our own over `overrides/`: it works the same under MkDocs and Zensical."""

    def __init__(self, overrides_dir: Path):
        self.environment = Environment(
            loader=FileSystemLoader(str(overrides_dir)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, template: str, **context) -> str:
        """HTML with no line indented: indented lines in Markdown would turn into code blocks."""
        html = self.environment.get_template(template).render(**context)
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())
