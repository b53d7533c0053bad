"""What of the Forum anonymous visitors may see on cached pages: comments on
news pages and resources, and public groups' discussions and comments in site
search. The page cache's triggers (cms/page_cache/triggers.py) ask these
before retiring every cached page for a comment."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType

from .models import Discussion, ForumGroup


def may_be_on_cached_pages(comment):
    """Comments on news pages and resources show on cached pages (counted for
    any audience: a private group's retire the pages once too often, which
    costs less than asking); a public group's discussion comments show in
    cached site search results."""
    if comment.scope_id is None or not is_discussion_comment(comment):
        return True
    return ForumGroup.objects.visible_to(AnonymousUser()).filter(pk=comment.scope_id).exists()


def changes_cached_pages(comment, deleted=False):
    """Whether saving (or deleting) this comment changes what cached pages may
    show. A comment posted in a discussion only reaches cached search results
    when they expire; one withdrawn from them must leave at once. (A new
    comment is saved twice, so `created` cannot tell.)"""
    withdrawn = deleted or comment.is_removed or not comment.is_public
    if is_discussion_comment(comment) and not withdrawn:
        return False
    return may_be_on_cached_pages(comment)


def is_discussion_comment(comment):
    return comment.content_type_id == ContentType.objects.get_for_model(Discussion).pk
