"""What every answer under /api/ has in common, in one middleware, whatever
router (Wagtail's or ours) or API version (v2 or v3) answers:

- **Who asks.** A bearer token is resolved here, once: a wrong, revoked or
  malformed one answers 401 on every endpoint, before any view runs; a good
  one makes its holder the request's user (cms/api_auth.py).
- **An error changes nothing.** A write runs in one transaction, rolled back
  when the answer is an error (4xx or 5xx), whichever layer produced it: a
  view that wrote and then failed to build its answer leaves nothing behind,
  and emails or tasks queued with on_commit are never sent.
- **Errors are JSON.** Django's HTML pages for an unknown path (404) or a
  method a path does not take (405) become problem+json on API v3 and v2's
  `{"message": …}` on API v2.
- **Caching.** Reads carry an ETag (ConditionalGetMiddleware, placed before
  this one, answers 304 while it matches) and a Cache-Control that lets
  nothing serve an answer without asking: answers depend on the caller's
  token or session, so they are private to them, and anonymous ones are public
  but revalidated.
"""

from http import HTTPStatus

from django.conf import settings
from django.db import transaction
from django.http import JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.api.v3.errors import problem_response

from .api_auth import WrongToken, token_holder

API_PREFIX = "/api/"
V3_PREFIX = "/api/v3/"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def error_answer(request, status, detail):
    """An error in the dialect of the API the request is for."""
    if request.path.startswith(V3_PREFIX):
        return problem_response(status=status, detail=detail)
    return JsonResponse({"message": detail}, status=status)


def is_json(response):
    return "json" in response.get("Content-Type", "")


def as_json_error(request, response):
    """Django's own error pages (HTML) in the API's dialect, keeping their
    status and headers (a 405's Allow)."""
    if response.status_code < 400 or is_json(response):
        return response
    detail = {
        404: "There is nothing at this address.",
        405: f"{request.method} is not allowed here.",
    }.get(response.status_code, HTTPStatus(response.status_code).phrase)
    answer = error_answer(request, response.status_code, detail)
    for header in ("Allow", "Retry-After", "WWW-Authenticate"):
        if header in response:
            answer[header] = response[header]
    return answer


def add_cache_headers(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return
    caller = "Authorization" in request.headers or (settings.SESSION_COOKIE_NAME in request.COOKIES)
    if caller:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ("Authorization", "Cookie"))


def api_boundary(get_response):
    def middleware(request):
        if not request.path.startswith(API_PREFIX):
            return get_response(request)
        if "Authorization" in request.headers:
            try:
                request.user = token_holder(request.headers["Authorization"])
            except WrongToken as wrong:
                answer = error_answer(request, 401, str(wrong))
                answer["WWW-Authenticate"] = "Bearer"
                return answer
        if request.method in SAFE_METHODS:
            response = get_response(request)
        else:
            with transaction.atomic():
                response = get_response(request)
                if response.status_code >= 400:
                    transaction.set_rollback(True)
        response = as_json_error(request, response)
        add_cache_headers(request, response)
        return response

    return middleware
