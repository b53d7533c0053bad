"""Members write Markdown; what reaches a page is sanitised HTML."""

import threading

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "ul",
}  # fmt: skip


# Building a Markdown converter costs more than converting a comment with it,
# and a discussion page converts dozens: one per thread, reset between uses
# (a converter is not safe to share between threads).
_converters = threading.local()


def render_markdown(text):
    """Markdown to HTML that cannot run script or restyle the page: raw HTML in
    the source is dropped unless it is in the small allowed set, links keep only
    http(s) and mailto addresses and tell search engines not to follow them."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(output_format="html")
    html = converter.reset().convert(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(clean)  # noqa: S308 sanitised by nh3 just above
