"""The one rule for absolute URLs, in both APIs, feeds, calendars and emails:
the Wagtail Site's root URL (its hostname, port and scheme, as editors set
them under Settings → Sites) followed by the path. A URL that is already
absolute (a signed link to a file on S3) is kept as it is."""

from django.http.request import split_domain_port
from wagtail.models import Site

from cms.page_cache.kept import KeptUntilChange

# The root URL for each host a request comes with: finding a request's Site is
# a query with cases and a join, while Sites change rarely.
_roots = KeptUntilChange()


def default_site():
    """The Site of whatever answers no request (emails, background tasks, snippets)."""
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def site_root_url(request=None):
    """The root URL of the Site answering `request`, or of the default Site
    (emails and background tasks have no request)."""
    if request is None:
        return root_url_of(default_site())
    # What Wagtail finds the Site by (Site.find_for_request).
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    return _roots.get(host, lambda: root_url_of(Site.find_for_request(request) or default_site()))


def root_url_of(site):
    return site.root_url if site else ""


def absolute_url(url, request=None):
    if url is None or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url
