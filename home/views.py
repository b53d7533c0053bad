from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.views import serve

from cms.absolute_urls import absolute_url


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /search/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def calendar_file(request, page_path, filename):
    """Serve /events/feed.ics and /events/<slug>/event.ics through the page's own
    route (the `feed.ics/` and `event.ics/` routes), so privacy and drafts are
    handled exactly as for the page itself."""
    return serve(request, f"{page_path}{filename}/")
