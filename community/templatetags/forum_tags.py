from django import template

from community.text import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Members' Markdown as sanitised HTML (community/text.py)."""
    return render_markdown(text)
