"""The one rule for absolute URLs, in both APIs, feeds, calendars and emails:
the Wagtail Site's root URL (its hostname, port and scheme, as editors set
them under Settings → Sites) followed by the path. A URL that is already
absolute (a signed link to a file on S3) is kept as it is."""

from django.http.request import split_domain_port
from wagtail.models import Site

from cms.page_cache.generation import page_generation

# The root URL each host asks with, per process, under the page generation
# (cms/page_cache/): finding a request's Site is a query with cases and a join
# that cost about 3 ms of every API answer, while the Sites change rarely, and
# a Site saved or deleted moves the generation (page_cache/triggers.py).
# Hosts are few (ALLOWED_HOSTS), but a Host header is typed by the client:
# the table is bounded all the same.
_ROOTS_KEPT = 64
_roots = {}


def default_site():
    """The Site of whatever answers no request (emails, background tasks, snippets)."""
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def site_root_url(request=None):
    """The root URL of the Site answering `request`, or of the default Site
    (emails and background tasks have no request)."""
    if request is None:
        return root_url_of(default_site())
    generation = page_generation().current()
    # What Wagtail finds the Site by (Site.find_for_request).
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    kept = _roots.get(host)
    if generation is not None and kept and kept[0] == generation:
        return kept[1]
    root = root_url_of(Site.find_for_request(request) or default_site())
    if generation is not None:  # None: the shared cache is down, nothing is known to be current
        if len(_roots) >= _ROOTS_KEPT:
            _roots.clear()
        _roots[host] = (generation, root)
    return root


def root_url_of(site):
    return site.root_url if site else ""


def absolute_url(url, request=None):
    if url is None or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url
