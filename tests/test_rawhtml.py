"""Component HTML reaches MkDocs' Markdown stashed in a guide-html fence (hooks/guide_macros/rawhtml.py):
the page shows the same HTML as without the fence, and links into a component are still checked."""

from __future__ import annotations

import re

import markdown
from mkdocs.structure.pages import _RawHTMLPreprocessor

from guide_macros.rawhtml import FENCE_NAME, as_is, fence
from sitebuild import mkdocs_build, output

EXTENSIONS = ["attr_list", "md_in_html", "toc", "pymdownx.superfences"]
COMPONENT = "\n".join([
    '<section class="g-x" id="ws-demo" aria-label="Demo"><h3 id="ws-demo-title">Demo</h3>',
    "<p>Two lines of",
    "text, a `code` span and ```` four backticks.</p>",
    '<textarea id="ws-demo-note">',
    "kept line breaks</textarea>",
    "<ul><li>*not emphasis*</li></ul>",
    "</section>",
])


def convert(text: str, fenced: bool) -> tuple[str, set[str]]:
    """HTML as MkDocs' Markdown makes it, and the raw-HTML ids MkDocs collects for anchor checks."""
    configs = {"pymdownx.superfences": {"custom_fences": [{"name": FENCE_NAME, "class": FENCE_NAME, "format": as_is}]}}
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs if fenced else {})
    ids = _RawHTMLPreprocessor()
    ids._register(md)
    return md.convert(text), ids.present_anchor_ids


def between_tags(html: str) -> str:
    """Whitespace between two tags is nothing a reader sees."""
    return re.sub(r">\s+<", "><", html)


def test_fenced_component_converts_to_the_same_html():
    page = f"# Page\n\nBefore.\n\n{{}}\n\nAfter.\n"
    raw, _ = convert(page.format(COMPONENT), fenced=False)
    fenced, _ = convert(page.format(fence(COMPONENT)), fenced=True)
    assert between_tags(fenced) == between_tags(raw)
    assert "kept line breaks</textarea>" in fenced and "<em>" not in fenced


def test_only_the_outer_tags_stay_visible_to_mkdocs():
    wrapped = fence(COMPONENT)
    assert wrapped.splitlines()[0] == COMPONENT.split("><h3")[0] + ">"
    assert wrapped.splitlines()[-1] == "</section>"
    _, ids = convert(wrapped, fenced=True)
    assert ids == {"ws-demo"}  # the id pages link to; MkDocs no longer parses the rest


def test_html_without_one_outer_block_is_left_as_it_is():
    for html in ('<p class="g-page-meta">Hi</p>', "<div>a</div>\n<p>b</p>", "<div></div>"):
        assert fence(html) == html


def test_broken_link_into_a_component_fails_the_strict_build(project_copy, tmp_path):
    index = project_copy / "docs" / "index.md"
    links = "\n\n[Sheet](take-stock.md#ws-take-stock) [Lost](take-stock.md#q-take-stock-nope)\n"
    index.write_text(index.read_text(encoding="utf-8") + links, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "q-take-stock-nope" in output(result)
    assert "#ws-take-stock'" not in output(result)  # the real anchor is found
