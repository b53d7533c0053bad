"""Replying to a comment where it stands: without JavaScript, Reply leads to a
page of its own that quotes the comment answered; sent, the reply is in the
thread under it. A comment the reader may not see is not found there, like a
missing one. Every aria-describedby of the comment forms names a help text."""

import re

import pytest

from community import posting
from community.models import ForumComment
from tests.community.factories import DiscussionFactory, forum_comment
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def reply_url(discussion, comment):
    return f"{discussion.get_absolute_url()}reply/{comment.public_id}/"


def test_reply_leads_to_a_page_that_quotes_the_comment_answered(client, forum):
    discussion, parent = forum["private_discussion"], forum["private_comment"]
    client.force_login(forum["users"]["member"])
    thread = client.get(discussion.get_absolute_url()).content.decode()
    assert f'href="{reply_url(discussion, parent)}"' in thread

    response = client.get(reply_url(discussion, parent))
    page = response.content.decode()
    assert response.status_code == 200
    quoted = re.search(r"<blockquote[^>]*>(.*?)</blockquote>", page, re.S)
    assert quoted and "Budget figures for phase two." in quoted.group(1)
    assert "<h1>Reply to former_member</h1>" in page
    assert 'name="comment"' in page and "Post the reply" in page


def test_a_reply_sent_from_its_page_answers_that_comment_and_lands_on_it(client, forum):
    discussion, parent = forum["private_discussion"], forum["private_comment"]
    client.force_login(forum["users"]["member"])
    response = client.post(reply_url(discussion, parent), {"comment": "Phase two is **fine**."})
    reply = ForumComment.objects.get(comment="Phase two is **fine**.")
    assert reply.parent_id == parent.pk and reply.level == 1
    assert reply.scope == forum["private"]
    # Through the comment's permalink to the thread, at the reply.
    assert response.status_code == 302
    landing = client.get(response["Location"])
    assert landing.status_code == 302
    assert landing["Location"] == f"{discussion.get_absolute_url()}#c{reply.public_id}"


def test_a_reply_with_errors_keeps_the_page_the_quote_and_the_text(client, forum):
    discussion, parent = forum["private_discussion"], forum["private_comment"]
    client.force_login(forum["users"]["member"])
    before = ForumComment.objects.count()
    response = client.post(reply_url(discussion, parent), {"comment": "x" * 3001})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Budget figures for phase two." in page and "x" * 3001 in page
    assert response.context["form"].errors["comment"]
    assert ForumComment.objects.count() == before


def test_the_reply_page_of_a_hidden_comment_is_404_like_a_missing_one(client, forum):
    member = forum["users"]["member"]
    client.force_login(member)
    public_discussion = forum["public_discussion"]
    other = DiscussionFactory(group=forum["private"], title="Other")
    unpublished = forum_comment(other, forum["owner"], "Waiting for moderation.")
    ForumComment.objects.filter(pk=unpublished.pk).update(is_public=False)
    missing = ForumComment(pk=unpublished.pk + 1000)

    answers = [
        client.get(reply_url(other, missing)),  # no such comment
        client.get(reply_url(other, unpublished)),  # not published
        # A comment of a private discussion, asked on a public one's page.
        client.get(reply_url(public_discussion, forum["private_comment"])),
    ]
    assert [answer.status_code for answer in answers] == [404, 404, 404]
    # The same page, but for the sign-out form's token (masked anew each time).
    bodies = {CSRF_TOKEN.sub("", answer.content.decode()) for answer in answers}
    assert len(bodies) == 1
    before = ForumComment.objects.count()
    refused = client.post(reply_url(other, unpublished), {"comment": "Hi"})
    assert refused.status_code == 404 and ForumComment.objects.count() == before


@pytest.mark.parametrize("role", ["outsider", "banned", "former_member"])
def test_outsiders_find_no_reply_page_in_a_private_group(as_role, forum, role):
    url = reply_url(forum["private_discussion"], forum["private_comment"])
    client = as_role(role)
    before = ForumComment.objects.count()
    assert client.get(url).status_code == 404
    assert client.post(url, {"comment": "Let me in"}).status_code == 404
    assert ForumComment.objects.count() == before


def test_anonymous_visitors_sign_in_first(as_role, forum):
    url = reply_url(forum["public_discussion"], forum["public_comment"])
    response = as_role("anonymous").get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_non_member_of_a_public_group_is_told_to_join_as_on_the_thread(client, forum):
    client.force_login(forum["users"]["outsider"])
    discussion = forum["public_discussion"]
    url = reply_url(discussion, forum["public_comment"])
    before = ForumComment.objects.count()
    for response in (client.get(url), client.post(url, {"comment": "Hello"})):
        assert response.status_code == 403
        assert "Join the group to take part." in response.content.decode()
    thread = client.post(f"{discussion.get_absolute_url()}comment/", {"comment": "Hello"})
    assert thread.status_code == 403
    assert ForumComment.objects.count() == before


def test_a_locked_discussion_takes_no_reply_from_its_page(client, forum):
    discussion = forum["private_discussion"]
    discussion.locked = True
    discussion.save()
    client.force_login(forum["users"]["member"])
    response = client.post(reply_url(discussion, forum["private_comment"]), {"comment": "Hi"})
    assert response.status_code == 409
    assert "locked" in response.content.decode()


def test_the_thread_ends_with_a_form_for_a_new_comment_not_a_reply(client, forum):
    client.force_login(forum["users"]["member"])
    page = client.get(forum["private_discussion"].get_absolute_url()).content.decode()
    assert '<h3 id="add-comment">Add a comment</h3>' in page
    assert "Post the comment" in page


def described_by_targets(page):
    """Each aria-describedby id of `page`, with whether an element has it."""
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    named = re.findall(r'aria-describedby="([^"]+)"', page)
    return {target: target in ids for value in named for target in value.split()}


@pytest.mark.parametrize("page_of", ["thread", "reply"])
def test_every_aria_describedby_of_the_comment_forms_names_a_help_text(client, forum, page_of):
    discussion, parent = forum["private_discussion"], forum["private_comment"]
    client.force_login(forum["users"]["member"])
    url = discussion.get_absolute_url() if page_of == "thread" else reply_url(discussion, parent)
    targets = described_by_targets(client.get(url).content.decode())
    assert {"id_comment_helptext", "id_attachment_helptext"} <= set(targets)
    assert all(targets.values()), targets


@pytest.mark.parametrize("replying", [False, True])
def test_every_aria_describedby_of_a_resources_comment_form_names_a_help_text(
    client, forum, replying
):
    resource = ResourceFactory(title="Guide to PCP", slug="guide-to-pcp")
    client.force_login(forum["users"]["member"])
    url = resource.get_url()
    if replying:
        parent = posting.post_comment(forum["owner"], resource, "A clear guide.")
        url += f"?reply={parent.public_id}"
    targets = described_by_targets(client.get(url).content.decode())
    assert "id_comment_helptext" in targets
    assert all(targets.values()), targets
