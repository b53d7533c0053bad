"""Rendered pages for anonymous visitors, kept in Django's cache.

Django's own cache middleware does the work (keys from the URL and the
response's Vary headers, no caching of responses that set cookies or say
private); this module narrows it to what may be shared:

- only GET/HEAD requests without a session, a messages cookie or an
  Authorization header: signed-in members never get, and never fill, a
  cached page;
- never the admin, the APIs, the Forum, members' pages, accounts or files:
  anything group-scoped lives under those;
- never a response that sets a cookie (a CSRF token, a message).

Every key carries a generation number kept in the shared cache; publishing,
unpublishing, moving or deleting a page, publishing a resource, editing a
taxonomy or the site's settings, and Forum changes that cached pages may show
(community/search.py) bump it, which retires
every cached page at once (the cache's own expiry removes them). The process
that made the change sees the new number at once, the others within
PAGE_CACHE_RECHECK_SECONDS. With Redis, each process also keeps the pages it
served recently in its own memory (home/local_first_cache.py). Browsers are
told to revalidate every time (max-age=0; ConditionalGetMiddleware answers
304 when nothing changed), so only the server holds pages for
PAGE_CACHE_SECONDS. PAGE_CACHE_SECONDS = 0 turns the cache off.
"""

import logging
import re
import time

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
# Paths (after an optional language prefix) whose answers are never shared.
# bench/ is the load benchmark's ceiling (bench/urls.py), a bare view that must
# not pay for cache lookups.
NEVER_CACHED = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?"
    r"(?:admin|api|forum|members|accounts|documents|media|static|django-admin|bench)/"
)


def shared_cache():
    """Where the generation lives: the cache all the site's processes share
    (the pages themselves may also be kept in each process, see settings)."""
    return caches["default"]


# This process's last reading of the generation. Reading it costs a round
# trip to Redis, as much as the rest of a cached answer, so a process reads it
# at most every PAGE_CACHE_RECHECK_SECONDS: an edit made through another
# process reaches this one's visitors that much later. A generation of None
# means the shared cache did not answer: the page cache stands aside until the
# next reading, so an outage costs one slow call a second, not several a page.
_last_read = {"generation": None, "at": 0.0, "pending_bump": False}


def generation():
    """The current generation, or None while the shared cache is unreachable."""
    if (
        _last_read["at"]
        and time.monotonic() - _last_read["at"] < settings.PAGE_CACHE_RECHECK_SECONDS
    ):
        return _last_read["generation"]
    return fresh_generation()


def forget_generation():
    """The next request reads the generation from the shared cache (after the
    tests empty it, as a Redis restart would)."""
    _last_read.update(generation=None, at=0.0, pending_bump=False)


def fresh_generation():
    if _last_read["pending_bump"]:
        bump_generation()
    # django-redis, told to ignore errors, answers None for a missing key and
    # for an unreachable server alike; `add` tells them apart (None: no answer).
    cache = shared_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A new generation starts from the clock, not from 1: if the shared
        # cache loses it (a Redis restart), pages a process still holds under
        # an earlier number can never be taken for current ones.
        started = time.time_ns() // 1000
        added = cache.add(GENERATION_KEY, started, timeout=None)
        value = None if added is None else started if added else cache.get(GENERATION_KEY)
    _last_read.update(generation=value, at=time.monotonic())
    return value


def retire_cached_pages(**_kwargs):
    """Signal receiver: every cached page is out of date once the change
    commits (before that, a request would read the old rows and could store
    them under the new generation)."""
    transaction.on_commit(bump_generation)


def bump_generation():
    try:
        value = shared_cache().incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or evicted): a new one
        value = time.time_ns() // 1000
        shared_cache().set(GENERATION_KEY, value, timeout=None)
    if value is None:
        # Redis did not answer: the change must still retire the pages once it
        # is back (it may come back with its old data), so the next reading
        # tries again; meanwhile this process keeps no page.
        logger.warning("Could not retire cached pages (the cache did not answer); will retry")
        _last_read.update(generation=None, at=time.monotonic(), pending_bump=True)
        return
    _last_read.update(generation=value, at=time.monotonic(), pending_bump=False)


def shareable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "Authorization" not in request.headers
        and not NEVER_CACHED.match(request.path)
    )


# The generation this thread's request was keyed with: read once when the
# request comes in, so a hit costs one read of it, not one per key built.
_request_generation = Local()


class GenerationKeyPrefix:
    @property
    def key_prefix(self):
        current = getattr(_request_generation, "value", None) or generation()
        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current}"

    @key_prefix.setter
    def key_prefix(self, _value):  # Django's __init__ sets it; the property wins
        pass


class UpdatePageCache(GenerationKeyPrefix, UpdateCacheMiddleware):
    """First in MIDDLEWARE: stores what the rest produced, headers included."""

    @property
    def page_timeout(self):
        return settings.PAGE_CACHE_SECONDS

    @page_timeout.setter
    def page_timeout(self, _value):
        pass

    def _should_update_cache(self, request, response):
        # Decided once per response: Django's process_response asks again, and
        # a second answer that differed (the generation read failing in
        # between) would store the page with Django's own max-age headers.
        if not hasattr(request, "_page_cache_store"):
            # Fetch marked the request (_cache_update_cache) only if shareable().
            request._page_cache_store = (
                super()._should_update_cache(request, response)
                and not response.cookies
                # An edit while the page was being made: it may show the old state.
                and getattr(request, "page_cache_generation", None) == fresh_generation()
            )
        return request._page_cache_store

    def process_response(self, request, response):
        # A view that set its own Cache-Control (private, a day for robots.txt)
        # keeps it, and Django's middleware decides by it.
        if (
            self._should_update_cache(request, response)
            and response.status_code == 200
            and not response.has_header("Cache-Control")
        ):
            # The server keeps the page; browsers ask again each time.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            response.headers["Expires"] = http_date()
            response["X-Page-Cache"] = "miss"
        return super().process_response(request, response)


class FetchPageCache(GenerationKeyPrefix, FetchFromCacheMiddleware):
    """Answers from the cache when it may. It sits early in MIDDLEWARE, after
    the security redirect and the conditional GET (304s), so a hit skips the
    rest: sessions, CSRF, authentication, messages and CSP do nothing for a
    shareable request, and the stored page already carries their headers.
    The one thing they decide that a key depends on is the language, so it
    is activated here as LocaleMiddleware would."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.locale = LocaleMiddleware(get_response)

    def process_request(self, request):
        current = generation() if shareable(request) else None
        if current is None:  # not to be shared, or the shared cache is unreachable
            request._cache_update_cache = False
            return None
        self.locale.process_request(request)
        request.page_cache_generation = _request_generation.value = current
        response = super().process_request(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
        return response


def connect_invalidation():
    """What retires the cached pages: anything that changes what an anonymous
    visitor may see on a page (resources and taxonomy terms: resources/signals.py,
    public comments: community/search.py, and the `published`/`unpublished`
    signals below)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(retire_cached_pages, dispatch_uid=f"page_cache:{id(signal)}")

    def on_change(sender, instance, created=False, **_kwargs):
        settings_row = isinstance(instance, BaseSiteSetting | BaseGenericSetting)
        if settings_row and created:
            return  # made with its defaults on a page's first visit: nothing changed
        # Taxonomy terms: resources/signals.py; public comments: community/search.py.
        # A privacy restriction is saved without the page: it must retire it too.
        if settings_row or isinstance(instance, Page | Site | Locale | PageViewRestriction):
            retire_cached_pages()

    post_save.connect(on_change, weak=False, dispatch_uid="page_cache:save")
    post_delete.connect(on_change, weak=False, dispatch_uid="page_cache:delete")
