"""The two middlewares of the page cache, on Django's public cache utilities
(keys from the URL and the response's Vary headers: get_cache_key and
learn_cache_key).

Django's own UpdateCacheMiddleware and FetchFromCacheMiddleware fix their key
prefix and timeout when they are made, while here the prefix carries the
generation read for each request, and which answers may be kept is narrower
than theirs: changing that means overriding their private hooks. These two
say it directly. What may be shared:

- only GET/HEAD requests without a session, a messages cookie or an
  Authorization header: signed-in members never get, and never fill, a
  cached page;
- never the admin, the APIs, the Forum, members' pages, accounts or files:
  anything group-scoped lives under those;
- never an answer that sets a cookie (a CSRF token, a message), says
  private, no-cache or no-store, varies on everything, or streams.
"""

import re
import time

from django.conf import settings
from django.core.cache import caches
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import (
    get_cache_key,
    get_max_age,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    patch_response_headers,
)
from django.utils.deprecation import MiddlewareMixin
from django.utils.http import http_date, parse_http_date_safe

from .generation import page_generation

# Paths (after an optional language prefix) whose answers are never shared.
# bench/ is the load benchmark's ceiling (bench/urls.py), a bare view that must
# not pay for cache lookups.
NEVER_CACHED = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?"
    r"(?:admin|api|forum|members|accounts|documents|media|static|django-admin|bench)/"
)
NOT_FOR_SHARING = ("private", "no-cache", "no-store")


def shareable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "Authorization" not in request.headers
        and not NEVER_CACHED.match(request.path)
    )


def pages():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def key_prefix(generation):
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{generation}"


class FetchPageCache(MiddlewareMixin):
    """Answers from the cache when it may. It sits early in MIDDLEWARE, after
    the security redirect and the conditional GET (304s), so a hit skips the
    rest: sessions, CSRF, authentication, messages and CSP do nothing for a
    shareable request, and the stored page already carries their headers.
    The one thing they decide that a key depends on is the language, so it
    is activated here as LocaleMiddleware would."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.generation = page_generation()
        self.locale = LocaleMiddleware(get_response)

    def process_request(self, request):
        current = self.generation.current() if shareable(request) else None
        if current is None:  # not to be shared, or the shared cache is unreachable
            return None
        self.locale.process_request(request)
        response = self.lookup(request, key_prefix(current))
        if response is None:
            # UpdatePageCache keeps the page under the generation it was asked
            # for, if that is still current once the page is made.
            request.page_cache_generation = current
            return None
        response["X-Page-Cache"] = "hit"
        return response

    def lookup(self, request, prefix):
        key = get_cache_key(request, prefix, "GET", cache=pages())
        if key is None:  # nothing kept for this URL (its Vary headers are learnt with a page)
            return None
        response = pages().get(key)
        if response is None and request.method == "HEAD":
            response = pages().get(get_cache_key(request, prefix, "HEAD", cache=pages()))
        if response is not None:
            expires = parse_http_date_safe(response.get("Expires", ""))
            max_age = get_max_age(response)
            if expires is not None and max_age is not None:
                # How long ago it was kept (0 if the clock was turned back).
                response["Age"] = max(0, max_age - (expires - int(time.time())))
        return response


class UpdatePageCache(MiddlewareMixin):
    """First in MIDDLEWARE: keeps what the rest produced, headers included."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.generation = page_generation()

    def process_response(self, request, response):
        generation = getattr(request, "page_cache_generation", None)
        if not (generation is not None and self.may_keep(response)):
            return response
        # An edit committed while the page was being made: it may show the old state.
        if generation != self.generation.fresh():
            return response
        # A view that set its own Cache-Control (a day for robots.txt) keeps it.
        if not response.has_header("Cache-Control"):
            # The server keeps the page; browsers ask again each time. A 304
            # (ConditionalGetMiddleware, for a browser whose copy still
            # matches) says so too, or the browser would stop asking.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            response.headers["Expires"] = http_date()
            if response.status_code == 200:
                response["X-Page-Cache"] = "miss"
        timeout = settings.PAGE_CACHE_SECONDS
        patch_response_headers(response, timeout)  # caps the view's own max-age
        if response.status_code == 200:
            key = learn_cache_key(request, response, timeout, key_prefix(generation), cache=pages())
            pages().set(key, response, timeout)
        return response

    @staticmethod
    def may_keep(response):
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code in (200, 304)
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in NOT_FOR_SHARING)
            and not has_vary_header(response, "*")
        )
