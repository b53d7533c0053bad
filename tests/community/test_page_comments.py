"""Members comment on news pages and resources, for everyone or for one of
their groups: a group can discuss a public resource privately, and nobody
outside the group learns what it said, on any surface."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from community import posting
from community.models import ForumComment
from tests.community.conftest import ROLES, SEES_PRIVATE
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.home.factories import NewsPageFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

PRIVATE_TEXT = "Our consortium rejects lot 2 of this guide."
PUBLIC_TEXT = "A clear guide; the annex on IPR helps."


@pytest.fixture
def resource(home_page):
    return ResourceFactory(title="Guide to PCP", slug="guide-to-pcp")


@pytest.fixture
def discussed(forum, resource):
    """A public comment and a private one (for the secret consortium) on a
    public resource."""
    public = posting.post_comment(forum["owner"], resource, PUBLIC_TEXT)
    private = posting.post_comment(
        forum["users"]["member"], resource, PRIVATE_TEXT, scope=forum["private"]
    )
    return {"public": public, "private": private}


def post_url(kind, target):
    return f"/forum/comments/on/{kind}/{target.pk}/"


@pytest.mark.parametrize("role", ROLES)
def test_a_groups_comment_on_a_resource_is_seen_by_the_group_alone(
    forum, resource, discussed, as_role, role
):
    client = as_role(role)
    page = client.get(resource.get_url()).content.decode()
    assert PUBLIC_TEXT in page
    assert (PRIVATE_TEXT in page) == (role in SEES_PRIVATE)
    assert ("Only Secret consortium" in page) == (role in SEES_PRIVATE)

    permalink = client.get(discussed["private"].get_absolute_url())
    if role in SEES_PRIVATE:
        assert permalink.status_code == 302
        assert permalink["Location"] == f"{resource.get_url()}#c{discussed['private'].public_id}"
    else:
        assert permalink.status_code == 404

    listed = client.get(f"/api/v3/forum/on/resource/{resource.pk}/comments/").json()
    texts = [item["text"] for item in listed["items"]]
    assert PUBLIC_TEXT in texts
    assert (PRIVATE_TEXT in texts) == (role in SEES_PRIVATE)
    assert "secret-consortium" not in json.dumps(listed) or role in SEES_PRIVATE


def test_a_member_chooses_who_sees_the_comment_on_a_news_page(forum, news_index, client):
    story = NewsPageFactory(parent=news_index, title="PCP call opens")
    member = forum["users"]["member"]
    client.force_login(member)
    form = client.get(story.url).content.decode()
    assert "Everyone" in form and "Only Secret consortium" in form
    response = client.post(
        post_url("news", story), {"comment": "Shall we bid?", "scope": "secret-consortium"}
    )
    comment = ForumComment.objects.get(comment="Shall we bid?")
    assert response.status_code == 302 and response["Location"] == comment.get_absolute_url()
    assert comment.scope == forum["private"]
    assert comment.content_object == story

    outsider = Client()
    outsider.force_login(forum["users"]["outsider"])
    assert "Shall we bid?" not in outsider.get(story.url).content.decode()
    assert "Only Secret consortium" not in outsider.get(story.url).content.decode()


def test_replies_keep_their_parents_audience(forum, resource, discussed, client):
    client.force_login(forum["users"]["group_moderator"])
    client.post(
        post_url("resource", resource),
        {
            "comment": "Agreed, lot 2 is too big.",
            "parent": discussed["private"].public_id,
            "scope": "",
        },
    )
    reply = ForumComment.objects.get(comment="Agreed, lot 2 is too big.")
    assert reply.scope == forum["private"] and reply.parent_id == discussed["private"].pk

    # An outsider cannot reply to what they cannot see, nor learn it exists.
    client.force_login(forum["users"]["outsider"])
    refused = client.post(
        post_url("resource", resource),
        {"comment": "Let me in", "parent": discussed["private"].public_id},
    )
    assert refused.status_code == 400
    assert "same discussion or on the same page" in refused.content.decode()
    assert PRIVATE_TEXT not in refused.content.decode()
    assert not ForumComment.objects.filter(comment="Let me in").exists()


def test_a_scope_must_be_one_of_the_authors_groups(forum, resource, client):
    client.force_login(forum["users"]["outsider"])
    response = client.post(
        post_url("resource", resource), {"comment": "Sneaky", "scope": "secret-consortium"}
    )
    assert response.status_code == 400 and "field-error" in response.content.decode()
    assert "Sneaky" in response.content.decode()  # what was typed is kept
    assert not ForumComment.objects.filter(comment="Sneaky").exists()

    banned = Client()
    banned.force_login(forum["users"]["banned"])
    banned.post(
        post_url("resource", resource), {"comment": "Still here", "scope": "secret-consortium"}
    )
    assert not ForumComment.objects.filter(comment="Still here").exists()

    api = Client(
        HTTP_AUTHORIZATION=f"Bearer {APIToken.create_token(user=forum['users']['outsider'], name='t')[1]}"
    )
    refused = api.post(
        f"/api/v3/forum/on/resource/{resource.pk}/comments/",
        json.dumps({"text": "Sneaky", "scope": "secret-consortium"}),
        content_type="application/json",
    )
    assert refused.status_code == 400 and "member of" in refused.json()["detail"]
    assert not ForumComment.objects.filter(comment="Sneaky").exists()


def test_unpublished_things_take_no_comments_and_hide_their_comments(
    forum, resource, discussed, client
):
    client.force_login(forum["users"]["member"])
    resource.live = False
    resource.save()
    assert client.post(post_url("resource", resource), {"comment": "Hello"}).status_code == 404
    assert client.get(discussed["public"].get_absolute_url()).status_code == 404
    assert client.get(f"/api/v3/forum/on/resource/{resource.pk}/comments/").status_code == 404
    assert client.post(post_url("events", resource), {"comment": "Hello"}).status_code == 404
    assert not ForumComment.objects.filter(comment="Hello").exists()


def test_anonymous_visitors_are_asked_to_sign_in(resource, client):
    page = client.get(resource.get_url()).content.decode()
    assert "Sign in to comment." in page
    response = client.post(post_url("resource", resource), {"comment": "Hi"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ForumComment.objects.exists()


def test_a_resource_page_reads_its_comments_in_a_fixed_number_of_queries(forum, resource, client):
    member = forum["users"]["member"]
    client.force_login(member)

    def queries_with(count):
        for n in range(count - ForumComment.objects.filter(object_pk=str(resource.pk)).count()):
            scope = forum["private"] if n % 2 else None
            comment = ForumComment.objects.new_on(resource, member, f"Note {n}", scope=scope)
            comment.save()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(resource.get_url()).status_code == 200
        return len(captured)

    client.get(resource.get_url())  # warm the per-process caches (content types, site)
    assert queries_with(4) == queries_with(30)


@pytest.mark.parametrize("role", ROLES)
def test_a_groups_comment_on_a_resource_is_found_only_by_the_group(
    forum, resource, discussed, as_role, role
):
    from tests.community.conftest import index_forum

    index_forum()
    client = as_role(role)
    for url in ("/search/?q=consortium+rejects", "/api/v3/search/?q=consortium+rejects"):
        body = client.get(url).content.decode()
        assert ("rejects lot 2" in body) == (role in SEES_PRIVATE), url


def hide_resource(resource):
    resource.live = False
    resource.save()


def unpublish_news(news):
    news.unpublish()


def restrict_news(news):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=news, restriction_type="login")


@pytest.mark.parametrize("backend", ["default", *SEARCH_ENGINES])
@pytest.mark.parametrize(
    ("kind", "hide"),
    [("resource", hide_resource), ("news", unpublish_news), ("news", restrict_news)],
)
def test_a_comment_leaves_search_with_the_page_it_is_on(
    forum, resource, news_index, client, settings, backend, kind, hide
):
    from django.contrib.auth.models import AnonymousUser

    from community.search import forum_hits
    from tests.community.conftest import index_forum

    if backend != "default":
        use_search_engine(settings, backend)
        backend = "engine"

    target = resource if kind == "resource" else NewsPageFactory(parent=news_index)
    comment = posting.post_comment(forum["owner"], target, "Watch the lifecycle costing annex.")

    def found():
        index_forum(backend)
        hits, count = forum_hits(AnonymousUser(), "lifecycle costing annex", 10, backend)
        return [hit.url for hit in hits], count

    assert found() == ([comment.get_absolute_url()], 1)
    hide(target)
    assert found() == ([], 0)
    for url in ("/search/?q=lifecycle+costing+annex", "/api/v3/search/?q=lifecycle+costing+annex"):
        body = client.get(url).content.decode()
        assert "Watch the" not in body and comment.get_absolute_url() not in body, url
    assert client.get(comment.get_absolute_url()).status_code == 404


def test_a_groups_file_on_a_page_goes_when_the_page_does(forum, resource, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cms.demo_media import pdf
    from community.uploads import check_upload

    member = forum["users"]["member"]
    upload = check_upload(SimpleUploadedFile("notes.pdf", pdf("Notes", ["Lot 2"])))
    comment = posting.post_comment(
        member, resource, "Our notes on lot 2.", scope=forum["private"], upload=upload
    )
    attachment = comment.attachments.get()
    client.force_login(member)
    assert client.get(attachment.get_absolute_url()).status_code == 200
    hide_resource(resource)
    assert client.get(attachment.get_absolute_url()).status_code == 404
