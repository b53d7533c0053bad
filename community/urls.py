from django.urls import path

from .views import (
    activity,
    discussions,
    group_edit,
    group_image,
    groups,
    invitations,
    members,
    page_comments,
)

app_name = "community"

# <id:…> is a plain id; <comment:…>, <discussion:…> and <attachment:…> are
# public ids (cms/ids.py, registered in the apps' ready()). Either way the view
# receives a database id, reverse() takes one, and a number that is no id is 404.

urlpatterns = [
    path("", groups.group_list, name="index"),
    path("new/", groups.group_create, name="group_create"),
    path("join/<uuid:token>/", groups.request_to_join, name="request_to_join"),
    path("invitations/<str:token>/", invitations.accept, name="invitation"),
    path("invitations/no-more/<str:token>/", invitations.do_not_contact, name="do_not_contact"),
    path("comments/<comment:comment_id>/", discussions.comment_permalink, name="comment"),
    path(
        "comments/on/<slug:kind>/<id:object_id>/",
        page_comments.page_comment_post,
        name="page_comment_post",
    ),
    path("comments/<comment:comment_id>/edit/", discussions.comment_edit, name="comment_edit"),
    path(
        "comments/<comment:comment_id>/remove/", discussions.comment_remove, name="comment_remove"
    ),
    path("comments/<comment:comment_id>/flag/", discussions.comment_flag, name="comment_flag"),
    path(
        "attachments/<attachment:attachment_id>/<str:name>",
        discussions.serve_attachment,
        name="attachment",
    ),
    path(
        "attachments/<attachment:attachment_id>/rendition/",
        discussions.serve_attachment,
        {"rendition": True},
        name="attachment_rendition",
    ),
    path("<slug:slug>/", groups.group_detail, name="group"),
    path("<slug:slug>/edit/", group_edit.group_edit, name="group_edit"),
    path("<slug:slug>/image/", group_image.group_image, name="group_image"),
    path("<slug:slug>/activity/", activity.group_activity, name="activity"),
    path("<slug:slug>/members/", groups.group_members, name="members"),
    path("<slug:slug>/members/<id:user_id>/", members.manage_member, name="manage_member"),
    path("<slug:slug>/join/", groups.join, name="join"),
    path("<slug:slug>/leave/", groups.leave, name="leave"),
    path("<slug:slug>/requests/", groups.join_requests, name="join_requests"),
    path("<slug:slug>/invite/", invitations.invite, name="invite"),
    path("<slug:slug>/new/", discussions.discussion_create, name="discussion_create"),
    path(
        "<slug:slug>/<discussion:discussion_id>/", discussions.discussion_detail, name="discussion"
    ),
    path("<slug:slug>/<discussion:discussion_id>/mute/", discussions.mute, name="mute"),
    path(
        "<slug:slug>/<discussion:discussion_id>/state/",
        discussions.discussion_state,
        name="discussion_state",
    ),
    path(
        "<slug:slug>/<discussion:discussion_id>/reply/<comment:comment_id>/",
        discussions.comment_reply,
        name="comment_reply",
    ),
    path(
        "<slug:slug>/<discussion:discussion_id>/comment/",
        discussions.comment_post,
        name="comment_post",
    ),
]
