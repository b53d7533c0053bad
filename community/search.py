"""The Forum's part of site-wide search: discussions and comments, filtered by
the groups the requesting user may see before the search engine is asked."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from search.backends import search_backend
from search.engine import ENGINE_ALIAS, engine_call
from search.service import engine_or_database
from search.sources import Group, Hit, Source

from .models import Discussion, ForumComment
from .signals import comment_updated

logger = logging.getLogger(__name__)


def forum_hits(user, query, limit, backend, offset=0):
    """(hits, count) of what `user` may see, discussions first."""
    search = search_backend(backend).search
    discussions = search(query, Discussion.objects.visible_to(user, as_values=True), operator="and")
    comments = search(
        query,
        ForumComment.objects.visible_to(user, as_values=True).filter(is_removed=False),
        operator="and",
    )
    hits = [
        Hit(
            title=discussion.title,
            url=discussion.get_absolute_url(),
            summary=discussion.body[:200],
            type=str(_("Discussion")),
        )
        for discussion in discussions[offset : offset + limit]
    ]
    discussion_count = discussions.count()
    comments_from = max(0, offset - discussion_count)
    for comment in comments[comments_from : comments_from + max(0, limit - len(hits))]:
        hits.append(
            Hit(
                title=str(_("Comment by %(name)s") % {"name": comment.user_name}),
                url=comment.get_absolute_url(),
                summary=comment.comment[:200],
                type=str(_("Comment")),
            )
        )
    return hits, discussion_count + comments.count()


def search_forum(request, query, limit, offset=0):
    (hits, count), _engine_failed = engine_or_database(
        lambda: engine_call(lambda: forum_hits(request.user, query, limit, ENGINE_ALIAS, offset)),
        lambda: forum_hits(request.user, query, limit, "default", offset),
    )
    return Group(kind="forum", label=str(_("Forum")), count=count, hits=hits)


def index_comment_on_commit(sender, instance, raw=False, **kwargs):
    """Index a saved comment once, when its transaction commits.

    ForumComment turns off Wagtail's own handlers (`search_auto_update`):
    django-comments-xtd saves a new comment twice (once for its id, once for
    its place in the thread) and each index update on PostgreSQL rescans the
    whole index to refresh its title norms: about 0.3 s per comment on a
    large site (bench/README.md). Indexing after commit also keeps a
    rolled-back comment out of the index."""
    if raw or getattr(instance, "_index_pending", False):
        return
    instance._index_pending = True

    def index_now():
        instance._index_pending = False
        reindex_comment(instance)

    transaction.on_commit(index_now)


def unindex_comment(sender, instance, **kwargs):
    # By commit time Django has set the deleted instance's pk to None, and the
    # index finds the document by pk: keep it for then.
    pk = instance.pk

    def remove():
        instance.pk = pk
        index.remove_object(instance)

    transaction.on_commit(remove)


def reindex_comment(comment):
    """The comment's document as its row is now: after a commit, and after an
    edit or removal made with update()."""
    try:
        comment.refresh_from_db()
    except ForumComment.DoesNotExist:  # deleted since: unindex_comment sees to it
        return
    if comment.is_public and not comment.is_removed:
        index.insert_or_update_object(comment)
    else:
        index.remove_object(comment)


def reindex_updated_comment(sender, instance, **kwargs):
    reindex_comment(instance)


def connect_comment_indexing():
    post_save.connect(index_comment_on_commit, sender=ForumComment, dispatch_uid="forum-index")
    post_delete.connect(unindex_comment, sender=ForumComment, dispatch_uid="forum-unindex")
    comment_updated.connect(
        reindex_updated_comment, sender=ForumComment, dispatch_uid="forum-reindex"
    )


SOURCE = Source(kind="forum", label=_("Forum"), search=search_forum)
