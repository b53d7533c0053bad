"""The site's URLs plus two bare views, each the floor under every request
(routing, middleware, WSGI) measured by the same client as the pages:
/bench/ping/ for the search benchmark, /bench/ceiling/ a small fixed HTML page
for the load benchmark (bench/load.py)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from cms.urls import urlpatterns as site_urlpatterns

CEILING_PAGE = (
    b"<!doctype html><html lang=en><head><meta charset=utf-8><title>Ceiling</title></head>"
    b"<body><h1>Ceiling</h1><p>A fixed page: what the server does for any request.</p>"
    b"</body></html>"
)


def ping(request):
    return HttpResponse(b"ok", content_type="text/plain")


# never_cache: the page cache must not answer for it, or it would measure the
# cache instead of a view that runs every time.
@never_cache
def ceiling(request):
    return HttpResponse(CEILING_PAGE)


urlpatterns = [path("bench/ping/", ping), path("bench/ceiling/", ceiling), *site_urlpatterns]
