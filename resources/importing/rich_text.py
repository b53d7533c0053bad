"""A body cell, plain text or HTML, as the body's rich text editor would save it."""

import re

from bs4 import BeautifulSoup
from django.utils.html import escape
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import features as feature_registry

from ..models import Resource
from .cells import text

# A body is HTML if it has a tag of HTML's own: "<paragraph>" in prose is text.
HTML_ELEMENTS = (
    "a|abbr|article|aside|b|blockquote|br|caption|cite|code|dd|del|div|dl|dt|em|figcaption|"
    "figure|footer|h[1-6]|header|hr|i|iframe|img|ins|li|main|mark|nav|object|ol|p|pre|q|s|"
    "script|section|small|span|strong|style|sub|sup|table|tbody|td|th|thead|tr|u|ul"
)
LOOKS_LIKE_HTML = re.compile(rf"</?(?:{HTML_ELEMENTS})(?:\s[^<>]*)?/?>", re.IGNORECASE)

# Elements whose content is never text a reader should see.
DROPPED_ELEMENTS = (
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "head",
    "title",
    "select",
    "textarea",
    "button",
)
# Wagtail's rich text has h2-h4 only: keep other headings as the nearest one.
HEADING_RENAMES = {"h1": "h2", "h5": "h4", "h6": "h4"}


def rich_text_features():
    return Resource._meta.get_field("body").features or feature_registry.get_default_features()


def body_to_rich_text(value):
    """Plain text becomes paragraphs; HTML keeps only what the body's rich text
    editor allows, by a round trip through the editor's own converter."""
    value = value.strip()
    if not value:
        return ""
    if not LOOKS_LIKE_HTML.search(value):
        paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
        return "".join(
            "<p>{}</p>".format("<br/>".join(escape(line) for line in paragraph.strip().split("\n")))
            for paragraph in paragraphs
            if paragraph.strip()
        )
    soup = BeautifulSoup(value, "html.parser")
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    for old, new in HEADING_RENAMES.items():
        for element in soup.find_all(old):
            element.name = new
    if not soup.get_text().strip() and not soup.find("hr"):
        return ""
    converter = ContentstateConverter(rich_text_features())
    return converter.to_database_format(converter.from_database_format(str(soup)))


def rich_text(value, _model_field):
    """The body column's cleaner (resources/importing/columns.py)."""
    return body_to_rich_text(text(value))
