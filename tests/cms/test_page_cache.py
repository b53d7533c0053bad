"""Anonymous pages from the cache (cms/page_cache/): served without
touching the database, retired at once by publishing, unpublishing and
moving; never for members. The Forum's side: tests/community/test_cache_privacy.py."""

import time

import pytest

from tests.cms.factories import UserFactory
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300  # the test settings turn it off


def test_an_anonymous_page_comes_from_the_cache_until_it_is_published_again(
    client, news_index, page_cache, django_assert_num_queries, committed
):
    news = NewsPageFactory(parent=news_index, title="Market dialogue opens")
    first = client.get(news.url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(news.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Only the server keeps it: browsers ask again, and get a 304 if nothing changed.
    assert "max-age=0" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]
    assert client.get(news.url, headers={"If-None-Match": second["ETag"]}).status_code == 304

    news.title = "Market dialogue closes"
    revision = news.save_revision()
    # Until the publication commits, the cached page is still the one served.
    with committed():
        revision.publish()
        assert client.get(news.url)["X-Page-Cache"] == "hit"
    third = client.get(news.url)
    assert third["X-Page-Cache"] == "miss"
    assert "Market dialogue closes" in third.content.decode()


def test_a_browser_revalidating_a_retired_page_is_told_to_ask_again_next_time(
    client, news_index, page_cache, committed
):
    """A 304 for a page made afresh (the cached one was retired, the content is
    the same) carries the page's own headers: a browser that took a longer
    max-age from it would stop asking, and miss the next edit."""
    news = NewsPageFactory(parent=news_index, title="Market dialogue opens")
    etag = client.get(news.url)["ETag"]
    with committed():
        NewsPageFactory(parent=news_index, title="Another item")  # retires every page
    again = client.get(news.url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert "max-age=0" in again["Cache-Control"] and "must-revalidate" in again["Cache-Control"]
    news.title = "Market dialogue closes"
    with committed():
        news.save_revision().publish()
    edited = client.get(news.url, headers={"If-None-Match": etag})
    assert edited.status_code == 200 and "Market dialogue closes" in edited.content.decode()


def test_unpublishing_and_moving_retire_cached_pages(
    client, home_page, news_index, page_cache, committed
):
    news = NewsPageFactory(parent=news_index, title="Call for tenders", slug="call")
    index_url, news_url = news_index.url, news.url
    assert "Call for tenders" in client.get(index_url).content.decode()
    assert client.get(news_url)["X-Page-Cache"] == "miss"
    assert client.get(news_url)["X-Page-Cache"] == "hit"

    with committed():
        news.unpublish()
    assert client.get(news_url).status_code == 404
    assert "Call for tenders" not in client.get(index_url).content.decode()

    with committed():
        news.save_revision().publish()
    assert client.get(news_url).status_code == 200
    other_index = NewsIndexPageFactory(parent=home_page, slug="archive")
    news.refresh_from_db()
    with committed():
        news.move(other_index, pos="last-child")
    # Wagtail leaves a redirect at the old address; the cached page is gone.
    moved = client.get(news_url)
    assert moved.status_code == 301 and moved["Location"].endswith("/archive/call/")
    assert client.get("/archive/call/").status_code == 200


def test_members_neither_get_nor_fill_the_cache(client, news_index, page_cache):
    news = NewsPageFactory(parent=news_index)
    client.force_login(UserFactory(username="reader"))
    signed_in = client.get(news.url)
    assert signed_in.status_code == 200 and "X-Page-Cache" not in signed_in
    assert "reader" in signed_in.content.decode()  # the header names who is signed in
    client.logout()
    anonymous = client.get(news.url)
    assert anonymous["X-Page-Cache"] == "miss"  # nothing was stored for the member
    assert "reader" not in anonymous.content.decode()


def test_a_page_made_while_an_edit_was_published_is_not_kept(
    client, news_index, page_cache, monkeypatch
):
    from cms.page_cache.generation import page_generation

    news = NewsPageFactory(parent=news_index, title="Before")
    real_serve = type(news).serve

    def serve_while_someone_publishes(self, request, *args, **kwargs):
        response = real_serve(self, request, *args, **kwargs)
        page_generation().bump()  # an edit commits during the rendering
        return response

    monkeypatch.setattr(type(news), "serve", serve_while_someone_publishes)
    client.get(news.url)
    monkeypatch.undo()
    assert client.get(news.url)["X-Page-Cache"] == "miss"


def test_editing_the_site_settings_retires_cached_pages(client, news_index, page_cache, committed):
    from wagtail.models import Site

    from home.models.site_settings import SiteSettings

    client.get(news_index.url)
    assert client.get(news_index.url)["X-Page-Cache"] == "hit"
    footer = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    footer.footer_text = "Funded under Horizon Europe"
    with committed():
        footer.save()
    response = client.get(news_index.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Funded under Horizon Europe" in response.content.decode()


def test_making_a_page_private_retires_it_at_once(client, news_index, page_cache, committed):
    from wagtail.models import PageViewRestriction

    news = NewsPageFactory(parent=news_index, title="Internal briefing")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    with committed():  # Wagtail's privacy dialog saves only the restriction
        PageViewRestriction.objects.create(page=news, restriction_type="login")
    response = client.get(news.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_view_that_says_private_is_never_kept(client, home_page, page_cache):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from cms.page_cache.middleware import FetchPageCache, UpdatePageCache

    def private_view(request):
        response = HttpResponse("for you only")
        response["Cache-Control"] = "private"
        return response

    request = RequestFactory().get("/about-you/")
    assert FetchPageCache(private_view).process_request(request) is None
    response = UpdatePageCache(private_view).process_response(request, private_view(request))
    assert response["Cache-Control"] == "private" and "X-Page-Cache" not in response
    assert FetchPageCache(private_view).process_request(RequestFactory().get("/about-you/")) is None


def test_an_edit_through_another_process_reaches_this_one_within_the_recheck(
    client, news_index, page_cache, settings
):
    from cms.page_cache.generation import page_generation

    news = NewsPageFactory(parent=news_index)
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    # Another process publishes: only Redis knows. This process keeps serving
    # what it has until it reads the generation again...
    generation = page_generation()
    generation.shared.incr(generation.KEY)
    settings.PAGE_CACHE_RECHECK_SECONDS = 60
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    # ...which it does once PAGE_CACHE_RECHECK_SECONDS have passed.
    settings.PAGE_CACHE_RECHECK_SECONDS = 0
    assert client.get(news.url)["X-Page-Cache"] == "miss"


def test_pages_kept_in_this_process_are_not_served_once_redis_lost_the_generation(
    client, news_index, page_cache, settings
):
    from django.core.cache import caches

    settings.PAGE_CACHE_RECHECK_SECONDS = 0
    news = NewsPageFactory(parent=news_index)
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    caches["default"].clear()  # Redis restarted: the generation and its pages are gone
    # This process still holds its copy, but under a generation that cannot come back.
    assert client.get(news.url)["X-Page-Cache"] == "miss"
    assert client.get(news.url)["X-Page-Cache"] == "hit"


def test_a_change_made_while_redis_does_not_answer_still_retires_the_pages(
    client, news_index, page_cache, settings, committed
):
    """Redis stalls (paused, its data kept): the publication cannot retire the
    cached pages then, so it does so once Redis answers again."""
    import redis

    settings.PAGE_CACHE_RECHECK_SECONDS = 0
    news = NewsPageFactory(parent=news_index, title="Dialogue opens")
    client.get(news.url)
    assert client.get(news.url)["X-Page-Cache"] == "hit"
    redis.Redis.from_url(settings.REDIS_URL).client_pause(4000)
    paused_at = time.monotonic()
    news.title = "Dialogue closes"
    with committed():
        news.save_revision().publish()
    # Meanwhile the page is made for each visitor, never kept or served old.
    during = client.get(news.url)
    assert "Dialogue closes" in during.content.decode() and "X-Page-Cache" not in during
    time.sleep(max(0.0, 4.5 - (time.monotonic() - paused_at)))
    after = client.get(news.url)
    assert after["X-Page-Cache"] == "miss" and "Dialogue closes" in after.content.decode()
