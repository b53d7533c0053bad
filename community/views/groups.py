from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.paging import paginate
from community import membership, notifications
from community.forms import GroupForm, JoinRequestForm
from community.models import Discussion, ForumGroup, JoinRequest, Membership
from community.permissions import (
    Refused,
    can_edit_group,
    can_manage_members,
    can_post,
    is_banned,
    membership_of,
)

from .lookup import visible_group
from .refusals import refusal_page, submitted


def group_list(request):
    groups = (
        ForumGroup.objects.visible_to(request.user)
        .with_counts()
        .order_by("-last_activity_at", "name")
    )
    page = paginate(request, groups, settings.FORUM_PAGE_SIZE)
    mine = set()
    if request.user.is_authenticated:
        mine = set(
            Membership.objects.filter(user=request.user, banned=False).values_list(
                "group_id", flat=True
            )
        )
    return render(request, "community/group_list.html", {"groups": page, "my_group_ids": mine})


@login_required
def group_create(request):
    form = GroupForm(request.POST or None, request.FILES or None, user=request.user)
    group, status = submitted(request, form, lambda: membership.create_group(request.user, form))
    if group is not None:
        messages.success(request, _("Your group is ready. You are its owner."))
        return redirect(group)
    return render(request, "community/group_form.html", {"form": form}, status=status)


def group_detail(request, slug):
    group = visible_group(request, slug)
    discussions = (
        Discussion.objects.filter(group=group)
        .select_related("author__profile", "group")
        .order_by("-pinned", "-last_activity_at", "-pk")
    )
    page = paginate(request, discussions, settings.FORUM_PAGE_SIZE)
    membership = membership_of(request.user, group)
    manager = can_manage_members(request.user, group)
    return render(
        request,
        "community/group_detail.html",
        {
            "group": group,
            "discussions": page,
            "membership": membership,
            "can_manage": manager,
            # Owners are managers: only they (and site moderators) need the second look.
            "can_edit": manager and can_edit_group(request.user, group),
            "banned": membership is None and is_banned(request.user, group),
            "pending_requests": (
                group.join_requests.filter(status=JoinRequest.Status.PENDING).count()
                if manager
                else 0
            ),
        },
    )


def group_members(request, slug):
    group = visible_group(request, slug)
    manager = can_manage_members(request.user, group)
    members = group.memberships.select_related("user__profile").order_by(
        "banned", "role", "user__username"
    )
    if not manager:
        members = members.filter(banned=False)
    page = paginate(request, members, 50)
    return render(
        request,
        "community/group_members.html",
        {"group": group, "members": page, "can_manage": manager},
    )


@login_required
@require_POST
def join(request, slug):
    group = visible_group(request, slug)
    try:
        joined = membership.join(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    if joined:
        messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
    else:
        messages.info(request, _("You are already a member."))
    return redirect(group)


@login_required
@require_POST
def leave(request, slug):
    group = visible_group(request, slug)
    try:
        membership.leave(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    messages.success(request, _("You have left %(group)s.") % {"group": group.name})
    # A private group is gone from view the moment one leaves it.
    return redirect("community:index" if group.is_private else group.get_absolute_url())


@login_required
def request_to_join(request, token):
    """The page behind a private group's shareable "request to join" link."""
    group = get_object_or_404(ForumGroup, join_token=token)
    if can_post(request.user, group):
        return redirect(group)
    if is_banned(request.user, group):
        raise Http404
    pending = group.join_requests.filter(user=request.user, status=JoinRequest.Status.PENDING)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and not pending.exists() and form.is_valid():
        join_request = form.save(commit=False)
        join_request.group, join_request.user = group, request.user
        try:
            with transaction.atomic():
                join_request.save()
                notifications.join_request_received(join_request)
        except IntegrityError:
            pass
        messages.success(request, _("Your request has been sent to the group's owners."))
        return redirect("community:request_to_join", token=token)
    return render(
        request,
        "community/request_to_join.html",
        {"group": group, "form": form, "pending": pending.exists()},
    )


@login_required
def join_requests(request, slug):
    """The requests to join a group, which its owners and moderators approve
    or decline here. A refused decision shows its message on this page, with
    its status."""
    group = visible_group(request, slug)
    try:
        pending = membership.pending_requests(request.user, group)
    except Refused as refused:
        return refusal_page(request, refused, group)
    status = 200
    if request.method == "POST":
        status = decide(request, group)
        if status == 200:
            return redirect("community:join_requests", slug=slug)
    return render(
        request,
        "community/join_requests.html",
        {"group": group, "requests": pending},
        status=status,
    )


def decide(request, group):
    """The status to answer: 200 once decided, or the refusal's (unusable
    input, or the rules: approving someone banned), shown on the page. The
    button names the request by its public id; a post may say anything else."""
    decision = request.POST.get("decision")
    request_id = JoinRequest.public_ids.pk(request.POST.get("request", ""))
    try:
        membership.decide(request.user, group, request_id, decision)
    except Refused as refused:
        messages.error(request, refused.message)
        return refused.status
    messages.success(
        request, _("Request approved.") if decision == "approve" else _("Request declined.")
    )
    return 200
