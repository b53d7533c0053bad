"""Discussions and comments: posting, replying, editing, removing, and every
way of getting it wrong, each with a clear answer and nothing half-saved."""

import pytest
from django.test import Client

from community.models import Discussion, ForumComment
from tests.cms.factories import UserFactory
from tests.community.factories import DiscussionFactory, forum_comment

pytestmark = pytest.mark.django_db


def post_url(discussion):
    return f"{discussion.get_absolute_url()}comment/"


def test_member_starts_a_discussion_and_comments_in_it(client, forum):
    member = forum["users"]["member"]
    client.force_login(member)
    response = client.post(
        "/forum/secret-consortium/new/", {"title": "Kick-off agenda", "body": "Items:\n\n- budget"}
    )
    discussion = Discussion.objects.get(title="Kick-off agenda")
    assert response["Location"] == discussion.get_absolute_url()
    response = client.post(post_url(discussion), {"comment": "Add **risks** please."})
    comment = ForumComment.objects.get(object_pk=str(discussion.pk))
    assert comment.scope == forum["private"] and comment.user == member
    assert response.status_code == 302
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "<strong>risks</strong>" in page
    discussion.refresh_from_db()
    assert discussion.comment_count == 1


def test_replies_nest_until_the_maximum_depth(client, forum, settings):
    discussion = forum["private_discussion"]
    client.force_login(forum["users"]["member"])
    parent = forum["private_reply"]  # already level 1
    for _ in range(settings.COMMENTS_XTD_MAX_THREAD_LEVEL - 1):
        client.post(post_url(discussion), {"comment": "Deeper.", "parent": parent.public_id})
        parent = ForumComment.objects.order_by("-pk").first()
    assert parent.level == settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    before = ForumComment.objects.count()
    response = client.post(
        post_url(discussion), {"comment": "Too deep.", "parent": parent.public_id}
    )
    assert response.status_code == 400
    assert "as deep as it goes" in response.content.decode()
    assert ForumComment.objects.count() == before


def test_replying_to_a_comment_of_another_discussion_is_refused(client, forum):
    other = DiscussionFactory(group=forum["private"], title="Other")
    client.force_login(forum["users"]["member"])
    before = ForumComment.objects.count()
    response = client.post(
        post_url(other), {"comment": "Hi", "parent": forum["private_comment"].public_id}
    )
    assert response.status_code == 400
    assert "only reply to a comment in the same discussion" in response.content.decode()
    assert ForumComment.objects.count() == before


@pytest.mark.parametrize("role", ["anonymous", "outsider", "banned", "former_member"])
def test_non_members_cannot_post_into_a_private_group(client, forum, as_role, role):
    before = ForumComment.objects.count()
    response = as_role(role).post(post_url(forum["private_discussion"]), {"comment": "Let me in"})
    assert response.status_code in (302, 404)  # anonymous: to sign in
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    assert ForumComment.objects.count() == before
    discussions = Discussion.objects.count()
    as_role(role).post("/forum/secret-consortium/new/", {"title": "x", "body": "y"})
    assert Discussion.objects.count() == discussions


def test_a_non_member_of_a_public_group_is_told_to_join(client, forum):
    client.force_login(forum["users"]["outsider"])
    response = client.post(post_url(forum["public_discussion"]), {"comment": "Hello"})
    assert response.status_code == 403
    assert "Join the group" in response.content.decode()


def test_oversized_and_empty_comments_get_field_errors(client, forum):
    client.force_login(forum["users"]["member"])
    url = post_url(forum["private_discussion"])
    before = ForumComment.objects.count()
    for text in ("", "x" * 3001):
        response = client.post(url, {"comment": text})
        assert response.status_code == 400
        assert response.context["form"].errors["comment"]
    assert ForumComment.objects.count() == before


def test_script_in_a_comment_is_rendered_inert(client, forum):
    client.force_login(forum["users"]["member"])
    discussion = forum["private_discussion"]
    client.post(
        post_url(discussion),
        {
            "comment": '<script>alert(1)</script> <a href="javascript:alert(2)">x</a> <b onclick="x()">b</b>'
        },
    )
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "javascript:alert" not in page and "onclick" not in page


def test_posting_without_a_csrf_token_is_refused(forum):
    client = Client(enforce_csrf_checks=True)
    client.force_login(forum["users"]["member"])
    before = ForumComment.objects.count()
    response = client.post(post_url(forum["private_discussion"]), {"comment": "No token"})
    assert response.status_code == 403
    assert ForumComment.objects.count() == before


def test_a_locked_discussion_takes_no_comments(client, forum):
    discussion = forum["private_discussion"]
    Discussion.objects.filter(pk=discussion.pk).update(locked=True)
    client.force_login(forum["users"]["member"])
    response = client.post(post_url(discussion), {"comment": "Late"})
    assert response.status_code == 409 and "locked" in response.content.decode()


def test_authors_edit_within_the_window_and_nobody_edits_others_comments(client, forum, settings):
    member = forum["users"]["member"]
    comment = forum_comment(forum["private_discussion"], member, "Frist")
    client.force_login(member)
    client.post(f"/forum/comments/{comment.public_id}/edit/", {"comment": "First"})
    comment.refresh_from_db()
    assert comment.comment == "First" and comment.edited_at

    client.force_login(forum["users"]["group_moderator"])
    refused = client.post(f"/forum/comments/{comment.public_id}/edit/", {"comment": "Hacked"})
    assert refused.status_code == 403
    assert "only edit your own comments" in refused.content.decode()
    comment.refresh_from_db()
    assert comment.comment == "First"

    settings.FORUM_EDIT_WINDOW_MINUTES = 0
    client.force_login(member)
    client.post(f"/forum/comments/{comment.public_id}/edit/", {"comment": "Too late"})
    comment.refresh_from_db()
    assert comment.comment == "First"


def test_author_or_group_moderator_removes_a_comment_and_the_thread_keeps_its_shape(client, forum):
    comment = forum["private_reply"]
    client.force_login(forum["users"]["member"])  # neither author nor moderator
    refused = client.post(f"/forum/comments/{comment.public_id}/remove/")
    assert refused.status_code == 403 and "Only its author" in refused.content.decode()
    comment.refresh_from_db()
    assert not comment.is_removed
    client.force_login(forum["users"]["group_moderator"])
    client.post(f"/forum/comments/{comment.public_id}/remove/")
    comment.refresh_from_db()
    assert comment.is_removed
    page = client.get(forum["private_discussion"].get_absolute_url()).content.decode()
    assert "This comment was removed." in page and "Thanks, noted." not in page


def test_a_comment_permalink_leads_to_the_page_that_holds_it(client, forum, settings):
    settings.FORUM_COMMENTS_PAGE_SIZE = 2
    discussion = forum["public_discussion"]
    comments = [forum_comment(discussion, forum["owner"], f"Note {n}") for n in range(4)]
    response = client.get(comments[-1].get_absolute_url())
    assert (
        response["Location"] == f"{discussion.get_absolute_url()}?page=3#c{comments[-1].public_id}"
    )


def test_discussion_page_queries_do_not_grow_with_the_comments(
    client, forum, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    discussion = forum["public_discussion"]
    url = discussion.get_absolute_url()
    client.force_login(forum["owner"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()
    few = count()
    users = [UserFactory() for _ in range(5)]
    for n in range(40):
        forum_comment(discussion, users[n % 5], f"Point {n}")
    assert count() == few


def test_group_page_queries_do_not_grow_with_the_discussions(client, forum):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(forum["owner"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/forum/open-buyers/").status_code == 200
        return len(queries)

    count()
    few = count()
    authors = [UserFactory() for _ in range(3)]
    for n in range(25):
        DiscussionFactory(group=forum["public"], author=authors[n % 3])
    assert count() == few


def test_group_moderators_pin_and_lock_discussions_and_members_cannot(client, forum):
    discussion = forum["private_discussion"]
    other = DiscussionFactory(group=forum["private"], title="Newer question")
    state_url = f"{discussion.get_absolute_url()}state/"
    client.force_login(forum["users"]["member"])
    assert "Pin to the top" not in client.get(discussion.get_absolute_url()).content.decode()
    refused = client.post(state_url, {"action": "lock"})
    assert refused.status_code == 403 and "owners and moderators" in refused.content.decode()

    client.force_login(forum["users"]["group_moderator"])
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Pin to the top" in page and "Lock" in page
    client.post(state_url, {"action": "pin"})
    client.post(state_url, {"action": "lock"})
    discussion.refresh_from_db()
    assert discussion.pinned and discussion.locked
    titles = [d.title for d in client.get("/forum/secret-consortium/").context["discussions"]]
    assert titles.index(discussion.title) < titles.index(other.title)

    client.force_login(forum["users"]["member"])
    response = client.post(post_url(discussion), {"comment": "Too late"})
    assert response.status_code == 409

    client.force_login(forum["users"]["group_moderator"])
    client.post(state_url, {"action": "unlock"})
    assert client.post(state_url, {"action": "explode"}).status_code == 302
    discussion.refresh_from_db()
    assert discussion.pinned and not discussion.locked

    client.force_login(forum["users"]["outsider"])
    assert client.post(state_url, {"action": "unpin"}).status_code == 404


def test_each_comment_is_converted_on_its_own():
    """One Markdown converter serves a whole page: nothing of one comment (its
    link definitions) may carry over into the next."""
    from community.text import render_markdown

    assert 'href="https://example.org/tender"' in render_markdown(
        "See [the call][1].\n\n[1]: https://example.org/tender"
    )
    assert "href" not in render_markdown("Which [one][1]?")
    assert render_markdown("**Bold**") == "<p><strong>Bold</strong></p>"
