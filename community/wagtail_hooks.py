"""The Forum in the Wagtail admin (wagtail-modeladmin): groups, memberships,
requests to join and the queue of flagged comments, for site moderators."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from . import moderation
from .models import ForumComment, ForumGroup, JoinRequest, Membership
from .permissions import Refused, is_site_moderator


class ForumModeratorPermissions(PermissionHelper):
    """Site moderators (the "Forum moderators" group) may do everything here;
    nobody else sees these screens."""

    def user_can_list(self, user):
        return is_site_moderator(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and is_site_moderator(user)

    def user_can_edit_obj(self, user, obj):
        return is_site_moderator(user)

    def user_can_delete_obj(self, user, obj):
        return is_site_moderator(user)


class FlaggedCommentPermissions(ForumModeratorPermissions):
    """Comments are dealt with by the queue's actions (which keep the thread
    and the search index right), not edited or deleted outright."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ForumAdmin(ModelAdmin):
    permission_helper_class = ForumModeratorPermissions


class GroupAdmin(ForumAdmin):
    model = ForumGroup
    menu_icon = "group"
    list_display = ("name", "visibility", "created_by", "last_activity_at")
    list_filter = ("visibility",)
    search_fields = ("name", "description")
    # The admin's file input would store an upload unchecked; the image is
    # changed on the group's own edit page, which checks and re-encodes it.
    form_fields_exclude = ["image"]


class MembershipAdmin(ForumAdmin):
    model = Membership
    menu_icon = "user"
    list_display = ("user", "group", "role", "banned", "joined_at")
    list_filter = ("role", "banned", "group")
    search_fields = ("user__username", "user__email", "group__name")


class JoinRequestAdmin(ForumAdmin):
    model = JoinRequest
    menu_icon = "mail"
    list_display = ("user", "group", "status", "created_at")
    list_filter = ("status", "group")


class FlaggedCommentAdmin(ForumAdmin):
    model = ForumComment
    menu_label = gettext_lazy("Flagged comments")
    menu_icon = "warning"
    inspect_view_enabled = True
    inspect_template_name = "community/admin/flagged_comment.html"
    list_display = ("excerpt", "user", "scope", "flag_count", "submit_date")
    inspect_view_fields = ["comment", "user", "scope", "submit_date"]

    def get_queryset(self, request):
        return moderation.flagged_comments().select_related("user", "scope")

    permission_helper_class = FlaggedCommentPermissions

    @staticmethod
    def excerpt(obj):
        return Truncator(obj.comment).chars(80)

    @staticmethod
    def flag_count(obj):
        return obj.flag_count


class ForumAdminGroup(ModelAdminGroup):
    menu_label = gettext_lazy("Forum")
    menu_icon = "comment"
    menu_order = 250
    items = (FlaggedCommentAdmin, GroupAdmin, MembershipAdmin, JoinRequestAdmin)


modeladmin_register(ForumAdminGroup)


@require_POST
def moderate_comment(request, comment_id):
    if not is_site_moderator(request.user):
        raise PermissionDenied
    comment = get_object_or_404(ForumComment, pk=comment_id)
    action = request.POST.get("action")
    if action not in ("approve", "remove", "ban"):
        messages.error(request, _("Unknown action."))
        return redirect(reverse("community_forumcomment_modeladmin_index"))
    try:
        moderation.decide(comment, action, request.user)
    except Refused as refused:  # nothing was done: the comment stays in the queue
        messages.error(request, refused.message)
        return redirect(reverse("community_forumcomment_modeladmin_inspect", args=[comment.pk]))
    messages.success(request, _("Done: %(action)s.") % {"action": action})
    return redirect(reverse("community_forumcomment_modeladmin_index"))


@hooks.register("register_admin_urls")
def forum_moderation_urls():
    return [
        path("forum/comments/<id:comment_id>/moderate/", moderate_comment, name="forum_moderate")
    ]
