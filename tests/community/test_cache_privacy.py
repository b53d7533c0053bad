"""The page cache and the Forum (cms/page_cache/): group-scoped answers are
never kept, a public comment retires the cached page it shows on, and API
answers are revalidated with an ETag and kept private when a member asks."""

import pytest
from wagtail.models import APIToken

from community import posting
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the test settings turn it off


def test_forum_pages_and_api_answers_are_never_kept(client, forum, page_cache):
    for url in ("/forum/", forum["public"].get_absolute_url(), "/api/v3/forum/groups/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200 and "X-Page-Cache" not in response, url


def test_a_public_comment_shows_at_once_on_a_cached_page(
    client, forum, home_page, page_cache, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(title="Guide to PCP", slug="guide-to-pcp")
    url = resource.get_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        comment = posting.post_comment(forum["owner"], resource, "The annex on IPR helps.")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "The annex on IPR helps." in response.content.decode()
    # Edits and removals are made with update() (no post_save): the same.
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        posting.remove_comment(forum["owner"], comment)
    assert "The annex on IPR helps." not in client.get(url).content.decode()


def test_a_group_made_private_leaves_cached_pages_at_once(
    client, forum, home_page, page_cache, django_capture_on_commit_callbacks
):
    from community.models import Membership

    group = forum["public"]
    Membership.objects.create(group=group, user=forum["owner"])
    resource = ResourceFactory(title="Guide to PPI", slug="guide-to-ppi")
    with django_capture_on_commit_callbacks(execute=True):
        posting.post_comment(forum["owner"], resource, "Our tender notes.", scope=group)
    url = resource.get_url()
    assert "Our tender notes." in client.get(url).content.decode()  # a public group's
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Site search is cached too, and shows the public group's discussion.
    from tests.community.conftest import index_forum

    index_forum()
    assert "Open question on tenders" in client.get("/search/?q=tenders").content.decode()
    group.visibility = "private"
    with django_capture_on_commit_callbacks(execute=True):
        group.save()
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss" and "Our tender notes." not in page.content.decode()
    search = client.get("/search/?q=tenders")
    assert "Open question on tenders" not in search.content.decode()


def test_api_answers_carry_an_etag_and_say_who_may_keep_them(client, forum):
    anonymous = client.get("/api/v3/forum/groups/")
    assert anonymous["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Authorization" in anonymous["Vary"] and "Cookie" in anonymous["Vary"]
    again = client.get("/api/v3/forum/groups/", headers={"If-None-Match": anonymous["ETag"]})
    assert again.status_code == 304

    _token, plaintext = APIToken.create_token(user=forum["users"]["member"], name="cache")
    member = client.get("/api/v3/forum/groups/", headers={"Authorization": f"Bearer {plaintext}"})
    # The member sees their private group: nobody may keep that answer for others.
    assert "secret-consortium" in member.content.decode()
    assert "private" in member["Cache-Control"] and "no-cache" in member["Cache-Control"]
    assert member["ETag"] != anonymous["ETag"]
