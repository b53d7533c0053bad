"""A group's recent activity, newest first: discussions started, comments
posted and members who joined, read from the rows that already record them.

Who may see it is decided by the caller (the page asks `visible_group`): every
entry belongs to the one group. The merge is one UNION query ordered and cut
in the database, then one query per kind for the rows on the page, so a page
costs the same number of queries however long the group's history is."""

import html
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Value
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .models import Discussion, ForumComment
from .text import render_markdown

STARTED, COMMENTED, JOINED = "started", "commented", "joined"
EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Activity:
    kind: str  # STARTED, COMMENTED or JOINED
    at: datetime
    user: AbstractBaseUser | None  # with its profile loaded; None once the account is gone
    name: str  # who, as the Forum shows them next to what they wrote
    url: str = ""  # the discussion, or the comment's permalink
    title: str = ""  # the discussion's
    excerpt: str = ""  # a comment's first words, as plain text


def _events(group):
    """(kind, at, id) of every event in the group, as one UNION ALL queryset.
    Banned members and removed or unpublished comments are left out."""

    def columns(queryset, kind, at):
        # Every part selects the same columns, in the same order, with no ordering of its own.
        return (
            queryset.order_by()
            .annotate(event_kind=Value(kind, output_field=CharField()), event_at=F(at))
            .annotate(event_id=F("pk"))
            .values_list("event_kind", "event_at", "event_id")
        )

    discussions = columns(Discussion.objects.filter(group=group), STARTED, "created_at")
    comments = columns(
        ForumComment.objects.filter(scope=group, is_public=True, is_removed=False),
        COMMENTED,
        "submit_date",
    )
    joined = columns(group.memberships.filter(banned=False), JOINED, "joined_at")
    return discussions.union(comments, joined, all=True)


def count_group_activity(group):
    return _events(group).count()


def group_activity(group, limit, offset=0):
    """The group's events from `offset`, newest first, at most `limit`: a list
    of Activity. Four queries at most, whatever the page: the events, then the
    comments, discussions and memberships they name."""
    page = list(
        _events(group).order_by("-event_at", "-event_id", "event_kind")[offset : offset + limit]
    )
    ids = {kind: [pk for k, _at, pk in page if k == kind] for kind in (STARTED, COMMENTED, JOINED)}
    comments = (
        ForumComment.objects.filter(scope=group)
        .select_related("user__profile")
        .order_by()
        .in_bulk(ids[COMMENTED])
    )
    # Comments in a group are on its discussions: their titles come with the
    # discussions started on this page, in the same query.
    discussion_type = ContentType.objects.get_for_model(Discussion)
    commented_on = {
        int(comment.object_pk)
        for comment in comments.values()
        if comment.content_type_id == discussion_type.pk
    }
    # No ordering: in_bulk answers a dict, and the default orderings join tables.
    discussions = Discussion.objects.filter(group=group).select_related("author__profile")
    discussions = discussions.order_by().in_bulk(set(ids[STARTED]) | commented_on)
    for discussion in discussions.values():
        discussion.group = group  # its URL needs the slug: no query per discussion
    members = group.memberships.select_related("user__profile").order_by().in_bulk(ids[JOINED])

    entries = []
    for kind, at, pk in page:
        # A row deleted between the queries drops out of the page.
        if kind == STARTED and pk in discussions:
            discussion = discussions[pk]
            entries.append(
                Activity(
                    kind=kind,
                    at=at,
                    user=discussion.author,
                    name=display_name(discussion.author),
                    url=discussion.get_absolute_url(),
                    title=discussion.title,
                )
            )
        elif kind == COMMENTED and pk in comments:
            comment = comments[pk]
            target = None
            if comment.content_type_id == discussion_type.pk:
                target = discussions.get(int(comment.object_pk))
            entries.append(
                Activity(
                    kind=kind,
                    at=at,
                    user=comment.user,
                    name=display_name(comment.user, comment.user_name),
                    url=comment.get_absolute_url(),
                    title=target.title if target else "",
                    excerpt=excerpt(comment.comment),
                )
            )
        elif kind == JOINED and pk in members:
            user = members[pk].user
            entries.append(Activity(kind=kind, at=at, user=user, name=display_name(user)))
    return entries


def display_name(user, fallback=""):
    if user is None:
        return fallback
    profile = getattr(user, "profile", None)  # loaded with the user; a missing one is None
    return profile.name if profile else user.get_username()


def excerpt(text):
    """A comment's beginning as plain text: its Markdown rendered (and
    sanitised), the tags dropped, the entities turned back into characters
    (the template escapes them again)."""
    plain = html.unescape(strip_tags(render_markdown(text)))
    return Truncator(" ".join(plain.split())).chars(EXCERPT_CHARS)


class GroupActivity:
    """The group's activity as a sequence a Paginator can page through: it
    counts once, and each page is one call to group_activity."""

    def __init__(self, group):
        self.group = group

    def count(self):
        return count_group_activity(self.group)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("GroupActivity is read a page (a slice) at a time.")
        start, stop = index.start or 0, index.stop
        return group_activity(self.group, stop - start, start)
