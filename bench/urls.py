"""The site's URLs plus one bare view: the floor under every request (routing,
middleware, WSGI), measured by the same client as the searches."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def ping(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/ping/", ping), *site_urlpatterns]
