"""Stopping the real Redis: every page still answers (rendered instead of
served from the cache), signed-in members still post, and the page cache works
again by itself once Redis is back."""

import pytest
from django.test import Client

from community.models import ForumComment
from tests.community.test_attachments import post_url
from tests.community.test_file_store_down import services

pytestmark = pytest.mark.django_db


def test_the_site_keeps_serving_while_redis_is_down(client, home_page, forum, as_role, settings):
    settings.PAGE_CACHE_SECONDS = 300  # the test settings turn it off
    settings.PAGE_CACHE_RECHECK_SECONDS = 0
    visitor = Client()
    visitor.get("/")
    assert visitor.get("/")["X-Page-Cache"] == "hit"
    discussion = forum["public_discussion"]
    services("stop-redis")
    try:
        for url in ("/", "/search/?q=tender", "/forum/", discussion.get_absolute_url()):
            assert client.get(url).status_code == 200, url
        member = as_role("member")
        before = ForumComment.objects.count()
        private = forum["private_discussion"]
        assert member.post(post_url(private), {"comment": "Still here."}).status_code == 302
        assert ForumComment.objects.count() == before + 1
        # Signing in counts attempts in the cache. allauth fails closed when it
        # cannot count: a refusal (429) until Redis is back, never an error page.
        # Members already signed in (sessions live in the database) carry on.
        refused = Client().post("/accounts/login/", {"login": "nobody", "password": "wrong"})
        assert refused.status_code == 429
    finally:
        services("start-redis")
    visitor = Client()
    visitor.get("/")
    assert visitor.get("/")["X-Page-Cache"] == "hit"
