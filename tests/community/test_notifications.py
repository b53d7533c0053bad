"""Forum emails go only to people who can see what they talk about."""

import pytest
from django.core import mail

from community.models import JoinRequest, Membership
from tests.cms.factories import UserFactory
from tests.community.factories import forum_comment

pytestmark = pytest.mark.django_db


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def post(client, discussion, text="A new point.", parent=None):
    data = {"comment": text}
    if parent:
        data["parent"] = parent.public_id
    return client.post(f"{discussion.get_absolute_url()}comment/", data)


def test_a_reply_emails_the_followers_who_still_see_the_discussion(
    client, forum, django_capture_on_commit_callbacks
):
    """Followers: the author and everyone who commented. The former member
    commented before leaving the private group; they must hear nothing."""
    member, moderator = forum["users"]["member"], forum["users"]["group_moderator"]
    discussion = forum["private_discussion"]
    forum_comment(discussion, moderator, "I follow this too.")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, discussion, "Budget approved.")
    assert recipients() == sorted([forum["owner"].email, moderator.email])
    message = mail.outbox[0]
    assert "Budget approved." in message.body
    assert "Confidential evaluation plan" in message.subject
    assert "&quot;" not in message.subject and "&#x27;" not in message.body
    assert "/forum/comments/" in message.body and "/mute/" in message.body


def test_muting_a_discussion_stops_its_emails(client, forum, django_capture_on_commit_callbacks):
    discussion = forum["private_discussion"]
    client.force_login(forum["owner"])
    assert client.get(f"{discussion.get_absolute_url()}mute/").status_code == 200
    client.post(f"{discussion.get_absolute_url()}mute/")
    assert discussion.muted_by.filter(pk=forum["owner"].pk).exists()
    client.force_login(forum["users"]["member"])
    with django_capture_on_commit_callbacks(execute=True):
        post(client, discussion)
    assert forum["owner"].email not in recipients()


def test_no_email_when_the_comment_is_refused(client, forum, django_capture_on_commit_callbacks):
    client.force_login(forum["users"]["member"])
    with django_capture_on_commit_callbacks(execute=True):
        post(client, forum["private_discussion"], "")
    assert mail.outbox == []


def test_join_requests_email_the_group_managers_and_the_decision_the_requester(
    client, forum, django_capture_on_commit_callbacks
):
    outsider = forum["users"]["outsider"]
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(forum["private"].get_join_request_url(), {"message": "From Tampere"})
    assert recipients() == sorted([forum["owner"].email, forum["users"]["group_moderator"].email])
    assert "From Tampere" in mail.outbox[0].body
    assert "/forum/secret-consortium/requests/" in mail.outbox[0].body

    mail.outbox.clear()
    client.force_login(forum["owner"])
    join_request = JoinRequest.objects.get(user=outsider)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/forum/secret-consortium/requests/",
            {"request": join_request.public_id, "decision": "approve"},
        )
    assert recipients() == [outsider.email]
    assert "approved" in mail.outbox[0].body
    assert Membership.objects.filter(user=outsider, group=forum["private"]).exists()


def test_bursts_of_posts_are_throttled_with_a_clear_message(client, forum, settings):
    settings.FORUM_POSTS_PER_MINUTE = 2
    client.force_login(forum["users"]["member"])
    discussion = forum["private_discussion"]
    statuses = [post(client, discussion, f"Point {n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    response = post(client, discussion, "Point 4")
    assert "posting too fast" in response.content.decode()
    discussion.refresh_from_db()
    assert discussion.comment_count == 2


@pytest.mark.parametrize("group_name", ["public", "private"])
def test_a_groups_audience_is_exactly_who_sees_it(forum, group_name):
    """Emails use `audience()`, pages use `visible_to(user)`: one rule seen
    from both sides, so they must agree for every role."""
    from django.contrib.auth.models import AnonymousUser

    from community.models import ForumGroup

    group = forum[group_name]
    audience = set(group.audience())
    users = [*forum["users"].values(), forum["owner"], UserFactory(is_active=False)]
    for user in users:
        sees = ForumGroup.objects.visible_to(user).filter(pk=group.pk).exists()
        assert (user in audience) == (sees and user.is_active), user.username
    assert (
        not ForumGroup.objects.visible_to(AnonymousUser()).filter(pk=forum["private"].pk).exists()
    )


def test_emailing_followers_takes_a_fixed_number_of_queries(
    forum, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from community import notifications

    discussion = forum["private_discussion"]

    def queries_with(followers):
        for _ in range(followers):
            follower = UserFactory()
            Membership.objects.create(group=forum["private"], user=follower)
            forum_comment(discussion, follower, "Following.")
        comment = forum_comment(discussion, forum["owner"], "News.")
        mail.outbox.clear()
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            notifications.comment_posted(comment, discussion)
        return len(captured), len(mail.outbox)

    few, sent_few = queries_with(2)
    many, sent_many = queries_with(20)
    assert few == many and sent_many == sent_few + 20
