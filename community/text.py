"""Members write Markdown; what reaches a page is sanitised HTML."""

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p", "pre",
    "strong", "ul",
}  # fmt: skip


def render_markdown(text):
    """Markdown to HTML that cannot run script or restyle the page: raw HTML in
    the source is dropped unless it is in the small allowed set, links keep only
    http(s) and mailto addresses and tell search engines not to follow them."""
    html = markdown.markdown(text or "", output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return mark_safe(clean)  # noqa: S308 sanitised by nh3 just above
