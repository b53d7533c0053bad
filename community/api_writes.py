"""API v3 router for the Forum, write side: creating groups, membership
actions, starting discussions, posting, editing and removing comments,
attaching files, and comments on published pages and resources.

The operations join the read side's router (community/api.py): ninja
answers one address from one router only. Every write needs a signed-in
user: a personal access token, or the session with its CSRF token
(cms/api_auth.py). The rules are the ones the pages use: each operation
calls the service the page calls (community/posting.py, membership.py), and
`answers_refusals` turns its `Refused` into problem+json with the message and
the status the page answers too, leaving nothing half-saved."""

from functools import wraps
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, File, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate
from wagtail.api.v3.errors import ProblemDetail

from cms.api_auth import WRITE_AUTH
from cms.api_errors import InvalidForm
from cms.api_pagination import ListPagination
from cms.ids import PUBLIC_ID_DESCRIPTION, PlainId

from . import membership, posting
from .api import (
    AttachmentOut,
    CommentId,
    CommentOut,
    DiscussionDetailOut,
    DiscussionId,
    GroupOut,
    MemberOut,
    public_id,
    router,
    visible_groups,
)
from .forms import GroupForm, invalid_status
from .models import Discussion, ForumComment, JoinRequest, Role, Visibility
from .permissions import Refused
from .uploads import check_upload
from .views.lookup import find_target, visible_comment, visible_discussion, visible_group

PROBLEMS = dict.fromkeys((400, 401, 403, 404, 409, 429, 503), ProblemDetail)
JoinRequestId = JoinRequest.public_ids.api_type()


def answers_refusals(view):
    """A rule's refusal becomes a problem+json answer with its status."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except Refused as refused:
            raise HttpError(refused.status, refused.message) from refused

    return wrapper


class GroupIn(Schema):
    name: str
    slug: str = Field("", description="The group's address; made from the name if empty")
    description: str = ""
    visibility: Literal[tuple(Visibility.values)] = Field("public", description="public or private")


class MembershipOut(Schema):
    group: str = Field(description="The group's slug")
    role: Literal[tuple(Role.values)]
    banned: bool

    @staticmethod
    def resolve_group(membership):
        return membership.group.slug


class MemberActionIn(Schema):
    action: str = Field(description=", ".join(membership.MEMBER_ACTIONS))


class JoinRequestOut(Schema):
    id: int = Field(description=f"The request's id: {PUBLIC_ID_DESCRIPTION}")
    username: str
    message: str
    status: str
    created_at: str

    resolve_id = staticmethod(public_id)

    @staticmethod
    def resolve_username(join_request):
        return join_request.user.get_username()

    @staticmethod
    def resolve_created_at(join_request):
        return join_request.created_at.isoformat()


class DecisionIn(Schema):
    decision: str = Field(description="approve or decline")


class DiscussionIn(Schema):
    title: str
    body: str = Field(description="Markdown")


class DiscussionStateIn(Schema):
    pinned: bool | None = Field(None, description="Keep it at the top of the group")
    locked: bool | None = Field(None, description="Take no new comments")


class CommentIn(Schema):
    text: str = Field(description="Markdown")
    parent_id: CommentId | None = Field(None, description="The id of the comment this one answers")


class PageCommentIn(CommentIn):
    scope: str | None = Field(
        None,
        description="The slug of one of your groups: only its members see the comment. "
        "Empty: everyone. A reply always has its parent's scope.",
    )


class CommentEditIn(Schema):
    text: str = Field(description="Markdown")


def comment_out(comment):
    """The comment as listed, with its author's profile and attachments."""
    return (
        ForumComment.objects.filter(pk=comment.pk)
        .select_related("user__profile", "scope")
        .prefetch_related("attachments")
        .get()
    )


@router.post(
    "/groups/",
    auth=WRITE_AUTH,
    response={201: GroupOut, **PROBLEMS},
    summary="Create a group",
    operation_id="forum_group_create",
)
@answers_refusals
def create_group(request: HttpRequest, data: GroupIn):
    form = GroupForm(data.dict(), user=request.user)
    if not form.is_valid():
        raise InvalidForm(form, status=invalid_status(form))
    group = membership.create_group(request.user, form)
    return Status(201, visible_groups(request).get(pk=group.pk))


@router.post(
    "/groups/{slug}/join/",
    auth=WRITE_AUTH,
    response={200: MembershipOut, **PROBLEMS},
    summary="Join a public group",
    operation_id="forum_group_join",
)
@answers_refusals
def join_group(request: HttpRequest, slug: str):
    group = visible_group(request, slug)
    membership.join(request.user, group)
    return group.memberships.select_related("group").get(user=request.user)


@router.post(
    "/groups/{slug}/leave/",
    auth=WRITE_AUTH,
    response={204: None, **PROBLEMS},
    summary="Leave a group",
    operation_id="forum_group_leave",
)
@answers_refusals
def leave_group(request: HttpRequest, slug: str):
    membership.leave(request.user, visible_group(request, slug))
    return Status(204, None)


@router.post(
    "/groups/{slug}/members/{username}/",
    auth=WRITE_AUTH,
    response={200: MemberOut, 204: None, **PROBLEMS},
    summary="Promote, demote, remove, ban or unban a member, or hand the group over",
    operation_id="forum_member_action",
)
@answers_refusals
def member_action(request: HttpRequest, slug: str, username: str, data: MemberActionIn):
    group = visible_group(request, slug)
    changed = membership.manage_member(request.user, group, data.action, user__username=username)
    return Status(204, None) if changed is None else changed


@router.get(
    "/groups/{slug}/join-requests/",
    response={200: list[JoinRequestOut], **PROBLEMS},
    summary="Pending requests to join (owners and moderators)",
    operation_id="forum_join_requests",
)
@paginate(ListPagination)
@answers_refusals
def list_join_requests(request: HttpRequest, slug: str):
    return membership.pending_requests(request.user, visible_group(request, slug))


@router.post(
    "/groups/{slug}/join-requests/{request_id}/",
    auth=WRITE_AUTH,
    response={200: JoinRequestOut, **PROBLEMS},
    summary="Approve or decline a request to join",
    operation_id="forum_join_request_decide",
)
@answers_refusals
def decide_join_request(
    request: HttpRequest, slug: str, request_id: JoinRequestId, data: DecisionIn
):
    group = visible_group(request, slug)
    return membership.decide(request.user, group, request_id, data.decision)


@router.post(
    "/groups/{slug}/discussions/",
    auth=WRITE_AUTH,
    response={201: DiscussionDetailOut, **PROBLEMS},
    summary="Start a discussion",
    operation_id="forum_discussion_create",
)
@answers_refusals
def create_discussion(request: HttpRequest, slug: str, data: DiscussionIn):
    group = visible_group(request, slug)
    discussion = posting.start_discussion(request.user, group, data.title, data.body)
    return Status(201, Discussion.objects.select_related("author", "group").get(pk=discussion.pk))


@router.patch(
    "/groups/{slug}/discussions/{discussion_id}/",
    auth=WRITE_AUTH,
    response={200: DiscussionDetailOut, **PROBLEMS},
    summary="Pin or lock a discussion (the group's owners and moderators)",
    operation_id="forum_discussion_state",
)
@answers_refusals
def change_discussion_state(
    request: HttpRequest, slug: str, discussion_id: DiscussionId, data: DiscussionStateIn
):
    discussion = visible_discussion(request, slug, discussion_id)
    return posting.set_discussion_state(request.user, discussion, data.pinned, data.locked)


@router.post(
    "/groups/{slug}/discussions/{discussion_id}/comments/",
    auth=WRITE_AUTH,
    response={201: CommentOut, **PROBLEMS},
    summary="Comment in a discussion",
    operation_id="forum_comment_create",
)
@answers_refusals
def create_comment(request: HttpRequest, slug: str, discussion_id: DiscussionId, data: CommentIn):
    discussion = visible_discussion(request, slug, discussion_id)
    comment = posting.post_comment(request.user, discussion, data.text, data.parent_id)
    return Status(201, comment_out(comment))


@router.patch(
    "/comments/{comment_id}/",
    auth=WRITE_AUTH,
    response={200: CommentOut, **PROBLEMS},
    summary="Edit your comment (within the edit window)",
    operation_id="forum_comment_edit",
)
@answers_refusals
def edit_comment(request: HttpRequest, comment_id: CommentId, data: CommentEditIn):
    comment = posting.edit_comment(request.user, visible_comment(request, comment_id), data.text)
    return comment_out(comment)


@router.delete(
    "/comments/{comment_id}/",
    auth=WRITE_AUTH,
    response={204: None, **PROBLEMS},
    summary="Remove a comment (its author, or the group's moderators)",
    operation_id="forum_comment_remove",
)
@answers_refusals
def remove_comment(request: HttpRequest, comment_id: CommentId):
    posting.remove_comment(request.user, visible_comment(request, comment_id))
    return Status(204, None)


@router.post(
    "/comments/{comment_id}/attachments/",
    auth=WRITE_AUTH,
    response={201: AttachmentOut, **PROBLEMS},
    summary="Attach a file to your comment (within the edit window)",
    operation_id="forum_attachment_create",
)
@answers_refusals
def attach_file(request: HttpRequest, comment_id: CommentId, file: File[UploadedFile]):
    comment = visible_comment(request, comment_id)
    try:
        checked = check_upload(file)
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from error
    return Status(201, posting.attach_to_comment(request.user, comment, checked))


@router.get(
    "/on/{kind}/{object_id}/comments/",
    response={200: list[CommentOut], **PROBLEMS},
    summary="Comments on a news page or a resource that you may see",
    operation_id="forum_page_comments",
)
@paginate(ListPagination)
def list_page_comments(request: HttpRequest, kind: str, object_id: PlainId):
    target = find_target(kind, object_id)
    return ForumComment.objects.on(target, seen_by=request.user)


@router.post(
    "/on/{kind}/{object_id}/comments/",
    auth=WRITE_AUTH,
    response={201: CommentOut, **PROBLEMS},
    summary="Comment on a news page or a resource, for everyone or one of your groups",
    operation_id="forum_page_comment_create",
)
@answers_refusals
def create_page_comment(request: HttpRequest, kind: str, object_id: PlainId, data: PageCommentIn):
    target = find_target(kind, object_id)
    comment = posting.post_page_comment(
        request.user, target, data.text, data.parent_id, shared_with=data.scope or ""
    )
    return Status(201, comment_out(comment))
