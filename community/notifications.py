"""Forum emails. Each is sent after the change it reports is committed, and
only to people who can see what it talks about: the group's `audience()`,
the other side of the `visible_to(user)` rule every page uses."""

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from cms.absolute_urls import absolute_url

from .models import ForumComment
from .permissions import MANAGING_ROLES


def absolute(path):
    return absolute_url(path)


def send(recipients, template, context, headers=None):
    """One email per recipient (users, or bare addresses), after the
    surrounding transaction commits."""
    body = render_to_string(f"community/email/{template}.txt", context)
    subject, _, text = body.partition("\n")
    addresses = [getattr(recipient, "email", recipient) for recipient in recipients]
    messages = [
        EmailMessage(subject.strip(), text.strip() + "\n", to=[address], headers=headers)
        for address in addresses
        if address
    ]
    if messages:
        # robust: a mail server failing after the commit must not turn a saved
        # post into an error page (and a second post); the failure is logged.
        transaction.on_commit(lambda: get_connection().send_messages(messages), robust=True)


def join_request_received(join_request):
    group = join_request.group
    managers = group.audience().filter(
        forum_memberships__group=group,
        forum_memberships__banned=False,
        forum_memberships__role__in=MANAGING_ROLES,
    )
    send(
        managers,
        "join_request",
        {
            "join_request": join_request,
            "group": group,
            "url": absolute(reverse("community:join_requests", kwargs={"slug": group.slug})),
        },
    )


def join_request_decided(join_request):
    group = join_request.group
    send(
        [join_request.user],
        "join_decision",
        {
            "approved": join_request.status == join_request.Status.APPROVED,
            "group": group,
            "url": absolute(group.get_absolute_url()),
        },
    )


def comment_posted(comment, discussion):
    """Tell the discussion's followers: its author and everyone who commented
    in it, except the writer, those who muted it and those who can no longer
    see it (a member who left a private group hears nothing more from it)."""
    writers = ForumComment.objects.filter(
        content_type_id=comment.content_type_id, object_pk=comment.object_pk
    ).values("user_id")
    recipients = (
        discussion.group.audience()
        .filter(Q(pk__in=writers) | Q(pk=discussion.author_id))
        .exclude(pk=comment.user_id)
        .exclude(pk__in=discussion.muted_by.values("pk"))
    )
    send(
        recipients,
        "reply",
        {
            "comment": comment,
            "discussion": discussion,
            "url": absolute(comment.get_absolute_url()),
            "mute_url": absolute(
                reverse(
                    "community:mute",
                    kwargs={"slug": discussion.group.slug, "discussion_id": discussion.pk},
                )
            ),
        },
    )


def invited(invitation, stop_url=None):
    """To the invitee only: they may learn the group's name from it. With a
    link that stops every further invitation to the address, also given to
    mail programs as a one-click unsubscribe (RFC 8058)."""
    url = absolute(reverse("community:invitation", kwargs={"token": invitation.token}))
    stop = absolute(stop_url) if stop_url else None
    headers = None
    if stop:
        headers = {
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    send(
        [invitation.email],
        "invitation",
        {"invitation": invitation, "group": invitation.group, "url": url, "stop_url": stop},
        headers=headers,
    )
