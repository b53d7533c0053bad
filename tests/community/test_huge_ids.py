"""An id typed into a Forum address or form that no database column can hold
is "not found" (404), or a field error on a form that keeps what was typed;
never a server error. SQLite raised OverflowError past a signed 64-bit
integer, and PostgreSQL's comment ids are 32-bit: both are checked."""

import pytest

from community.models import ForumComment, JoinRequest
from tests.home.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999999", str(2**63), str(2**64 - 1)]


@pytest.fixture
def member(as_role):
    client = as_role("member")
    client.raise_request_exception = False  # a 500 is an answer to look at, not a crash
    return client


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Buyers launch a PCP")


@pytest.mark.parametrize("huge", HUGE)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/forum/comments/{n}/"),
        ("get", "/forum/comments/{n}/edit/"),
        ("post", "/forum/comments/{n}/edit/"),
        ("post", "/forum/comments/{n}/remove/"),
        ("post", "/forum/comments/{n}/flag/"),
        ("get", "/forum/attachments/{n}/plan.pdf"),
        ("get", "/forum/attachments/{n}/rendition/"),
        ("get", "/forum/secret-consortium/{n}/"),
        ("post", "/forum/secret-consortium/{n}/comment/"),
        ("get", "/forum/secret-consortium/{n}/mute/"),
        ("post", "/forum/secret-consortium/{n}/state/"),
        ("post", "/forum/secret-consortium/members/{n}/"),
        ("post", "/forum/comments/on/news/{n}/"),
        ("post", "/members/me/tokens/{n}/revoke/"),
    ],
)
def test_a_huge_id_in_a_forum_address_is_not_found(member, news, method, path, huge):
    response = getattr(member, method)(path.format(n=huge), {"comment": "Hello"})
    assert response.status_code == 404


@pytest.mark.parametrize("huge", HUGE)
def test_a_huge_id_in_the_moderation_address_is_not_found(as_role, huge):
    moderator = as_role("site_moderator")
    moderator.raise_request_exception = False
    response = moderator.post(f"/admin/forum/comments/{huge}/moderate/", {"action": "approve"})
    assert response.status_code == 404


@pytest.mark.parametrize("huge", HUGE)
def test_a_reply_to_a_huge_parent_keeps_the_text_and_says_what_is_wrong(forum, member, huge):
    discussion = forum["private_discussion"]
    before = ForumComment.objects.count()
    response = member.post(
        discussion.get_absolute_url() + "comment/",
        {"comment": "My carefully typed answer", "parent": huge},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "My carefully typed answer" in page
    assert response.context["form"].errors["parent"] == [
        "The comment you are replying to cannot be found."
    ]
    assert "The comment you are replying to cannot be found." in page
    assert ForumComment.objects.count() == before


@pytest.mark.parametrize("huge", HUGE)
def test_a_page_comment_replying_to_a_huge_parent_keeps_the_text(member, news, huge):
    before = ForumComment.objects.count()
    response = member.post(
        f"/forum/comments/on/news/{news.pk}/",
        {"comment": "What about lot 2?", "parent": huge, "scope": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "What about lot 2?" in page
    assert "The comment you are replying to cannot be found." in page
    assert ForumComment.objects.count() == before


@pytest.mark.parametrize("value", [*HUGE, "abc", "-1", ""])
def test_deciding_a_request_to_join_by_an_id_that_is_no_id_is_refused(forum, as_role, value):
    JoinRequest.objects.create(group=forum["private"], user=forum["users"]["outsider"])
    owner = as_role("anonymous")
    owner.force_login(forum["owner"])
    owner.raise_request_exception = False
    response = owner.post(
        "/forum/secret-consortium/requests/", {"request": value, "decision": "approve"}
    )
    assert response.status_code == 400
    assert "Choose a request to join" in response.content.decode()
    assert JoinRequest.objects.get().status == JoinRequest.Status.PENDING
