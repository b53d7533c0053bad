"""API v3 (django-ninja) router for the Forum, read side: groups, their members
and discussions, and a discussion's comments in thread order. Every endpoint
starts from the models' `visible_to(user)`; what the user may not see answers
404, as on the pages. Clients sign in with a personal access token or the
session (cms/api_auth.py); the write side is in community/api_writes.py."""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.errors import ProblemDetail

from cms.absolute_urls import absolute_url
from cms.api_auth import READ_AUTH
from cms.api_pagination import ListPagination
from cms.ids import PUBLIC_ID_DESCRIPTION

from .activity import COMMENTED, JOINED, STARTED, GroupActivity
from .models import Discussion, ForumComment, ForumGroup, Role, Visibility
from .models.attachments import AttachmentStatus
from .text import render_markdown
from .uploads import DOCUMENT, IMAGE, VIDEO
from .views.lookup import visible_discussion, visible_group

router = Router(auth=READ_AUTH)

# Paths and bodies take the public ids the answers give; views get database ids.
DiscussionId = Discussion.public_ids.api_type()
CommentId = ForumComment.public_ids.api_type()


def absolute_object_url(obj, context):
    return absolute_url(obj.get_absolute_url(), context["request"])


def public_id(obj):
    return obj.public_id


class GroupOut(Schema):
    id: int = Field(description=f"The group's id: {PUBLIC_ID_DESCRIPTION}")
    name: str
    slug: str
    description: str
    visibility: Literal[tuple(Visibility.values)] = Field(description="public or private")
    url: str
    member_count: int
    discussion_count: int

    resolve_id = staticmethod(public_id)
    resolve_url = staticmethod(absolute_object_url)


class MemberOut(Schema):
    username: str
    name: str
    role: Literal[tuple(Role.values)]
    avatar_url: str | None = Field(description="Their picture, if any (on S3 a link that expires)")

    @staticmethod
    def resolve_username(membership):
        return membership.user.get_username()

    @staticmethod
    def resolve_name(membership):
        profile = getattr(membership.user, "profile", None)
        return profile.name if profile else membership.user.get_username()

    @staticmethod
    def resolve_avatar_url(membership, context):
        profile = getattr(membership.user, "profile", None)
        if profile is None or not profile.avatar:
            return None
        return absolute_url(profile.avatar.url, context["request"])


class AttachmentOut(Schema):
    name: str
    kind: Literal[DOCUMENT, IMAGE, VIDEO] = Field(description="document, image or video")
    content_type: str
    size: int
    status: Literal[tuple(AttachmentStatus.values)] = Field(
        description="ready; processing while an image is being re-encoded without its "
        "metadata (read the API again a little later); failed, with the reason in `problem`"
    )
    problem: str = Field(description="Why the file could not be shared; empty otherwise")
    url: str | None = Field(
        description="The file, once it is ready (null before). The link works without signing "
        "in for FORUM_SIGNED_URL_SECONDS (10 minutes by default): read the API again for a "
        "fresh one."
    )

    @staticmethod
    def resolve_url(attachment, context):
        if not attachment.is_ready:
            return None
        request = context["request"]
        return absolute_url(attachment.get_signed_url(request.user), request)


class DiscussionOut(Schema):
    id: int = Field(description=f"The discussion's id: {PUBLIC_ID_DESCRIPTION}")
    title: str
    author: str | None
    created_at: datetime.datetime
    last_activity_at: datetime.datetime
    comment_count: int
    pinned: bool
    locked: bool
    url: str

    resolve_id = staticmethod(public_id)
    resolve_url = staticmethod(absolute_object_url)

    @staticmethod
    def resolve_author(discussion):
        return discussion.author.get_username() if discussion.author else None


class DiscussionDetailOut(DiscussionOut):
    body: str = Field(description="Markdown as written")
    body_html: str = Field(description="Sanitised HTML")
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_body_html(discussion):
        return str(render_markdown(discussion.body))

    @staticmethod
    def resolve_attachments(discussion):
        return list(discussion.attachments.all())


class CommentOut(Schema):
    id: int = Field(description=f"The comment's id: {PUBLIC_ID_DESCRIPTION}")
    parent_id: int | None = Field(
        description="The id of the comment this one answers; null at the top"
    )
    level: int
    scope: str | None = Field(
        description="The slug of the group that alone sees it; null: everyone"
    )
    author: str
    submitted_at: datetime.datetime
    edited_at: datetime.datetime | None
    removed: bool
    text: str = Field(description="Markdown as written; empty if removed")
    text_html: str
    attachments: list[AttachmentOut]
    url: str

    resolve_id = staticmethod(public_id)
    resolve_url = staticmethod(absolute_object_url)

    @staticmethod
    def resolve_parent_id(comment):
        # django-comments-xtd makes a comment at the top its own parent.
        if comment.parent_id == comment.pk:
            return None
        return ForumComment.public_ids.public(comment.parent_id)

    @staticmethod
    def resolve_scope(comment):
        return comment.scope.slug if comment.scope_id else None

    @staticmethod
    def resolve_author(comment):
        # user_name keeps only 50 characters; the account has the whole name.
        return comment.user.get_username() if comment.user_id else comment.user_name

    @staticmethod
    def resolve_submitted_at(comment):
        return comment.submit_date

    @staticmethod
    def resolve_removed(comment):
        return comment.is_removed

    @staticmethod
    def resolve_text(comment):
        return "" if comment.is_removed else comment.comment

    @staticmethod
    def resolve_text_html(comment):
        return "" if comment.is_removed else str(render_markdown(comment.comment))

    @staticmethod
    def resolve_attachments(comment):
        return [] if comment.is_removed else list(comment.attachments.all())


class ActivityOut(Schema):
    kind: Literal[STARTED, COMMENTED, JOINED] = Field(
        description="started (a discussion), commented or joined"
    )
    at: datetime.datetime
    author: str | None = Field(description="The member's username; null once the account is gone")
    name: str = Field(description="The member's name as the Forum shows it")
    url: str | None = Field(description="The discussion, or the comment's permalink")
    title: str = Field(description="The discussion's title, if any")
    excerpt: str = Field(description="A comment's first words, as plain text")

    @staticmethod
    def resolve_author(entry):
        return entry.user.get_username() if entry.user else None

    @staticmethod
    def resolve_url(entry, context):
        return absolute_url(entry.url, context["request"]) if entry.url else None


def visible_groups(request):
    return ForumGroup.objects.visible_to(request.user).with_counts()


NOT_FOUND = {404: ProblemDetail}


@router.get("/groups/", response=list[GroupOut], summary="Forum groups you may see",
            operation_id="forum_groups")  # fmt: skip
@paginate(ListPagination)
def list_groups(request: HttpRequest):
    return visible_groups(request).order_by("-last_activity_at", "name")


@router.get("/groups/{slug}/", response={200: GroupOut, **NOT_FOUND}, summary="A forum group",
            operation_id="forum_group")  # fmt: skip
def get_group(request: HttpRequest, slug: str):
    return get_object_or_404(visible_groups(request), slug=slug)


@router.get("/groups/{slug}/members/", response={200: list[MemberOut], **NOT_FOUND},
            summary="A group's members", operation_id="forum_group_members")  # fmt: skip
@paginate(ListPagination)
def list_members(request: HttpRequest, slug: str):
    group = visible_group(request, slug)
    return (
        group.memberships.filter(banned=False)
        .select_related("user__profile")
        .order_by("role", "user__username")
    )


@router.get("/groups/{slug}/discussions/", response={200: list[DiscussionOut], **NOT_FOUND},
            summary="A group's discussions, by last activity",
            operation_id="forum_discussions")  # fmt: skip
@paginate(ListPagination)
def list_discussions(request: HttpRequest, slug: str):
    group = visible_group(request, slug)
    return group.discussions.select_related("author", "group")


@router.get("/groups/{slug}/discussions/{discussion_id}/",
            response={200: DiscussionDetailOut, **NOT_FOUND}, summary="A discussion",
            operation_id="forum_discussion")  # fmt: skip
def get_discussion(request: HttpRequest, slug: str, discussion_id: DiscussionId):
    return visible_discussion(request, slug, discussion_id)


@router.get("/groups/{slug}/discussions/{discussion_id}/comments/",
            response={200: list[CommentOut], **NOT_FOUND},
            summary="A discussion's comments in thread order (parent_id and level give the tree)",
            operation_id="forum_comments")  # fmt: skip
@paginate(ListPagination)
def list_comments(request: HttpRequest, slug: str, discussion_id: DiscussionId):
    discussion = visible_discussion(request, slug, discussion_id)
    return ForumComment.objects.on(discussion, seen_by=request.user)


@router.get("/groups/{slug}/activity/", response={200: list[ActivityOut], **NOT_FOUND},
            summary="A group's recent activity, newest first",
            operation_id="forum_group_activity")  # fmt: skip
@paginate(ListPagination)
def list_activity(request: HttpRequest, slug: str):
    group = visible_group(request, slug)
    return GroupActivity(group)
