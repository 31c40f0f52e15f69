"""Our component templates lose the line breaks beside block-level tags when Jinja loads them
(hooks/guide_macros/templates.py): fewer text nodes for phones and the search indexer, the same page."""

from __future__ import annotations

from guide_macros.templates import Renderer

TEMPLATE = """<section class="demo">
<h3>Title</h3>
{% for item in items %}
<div class="field">
<label for="a">{{ item }}</label>
<input id="a"> <span>after a space</span>
</div>
{% endfor %}
<p>
Two lines
of text
</p>
</section>
"""


def render(tmp_path, **context) -> str:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "demo.html").write_text(TEMPLATE, encoding="utf-8")
    return Renderer(tmp_path).render("partials/demo.html", **context)


def test_no_line_break_beside_a_block_tag(tmp_path):
    html = render(tmp_path, items=["One", "Two"])
    assert html == (
        '<section class="demo"><h3>Title</h3>'
        '<div class="field"><label for="a">One</label>\n<input id="a"> <span>after a space</span></div>'
        '<div class="field"><label for="a">Two</label>\n<input id="a"> <span>after a space</span></div>'
        "<p>Two lines\nof text</p></section>"
    )


def test_breaks_and_spaces_between_inline_content_stay(tmp_path):
    html = render(tmp_path, items=["One"])
    assert "</label>\n<input" in html, "a break between inline elements is a space the reader sees"
    assert "Two lines\nof text" in html
    assert '<input id="a"> <span>' in html
