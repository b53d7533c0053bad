"""The one rule for absolute URLs, in both APIs, feeds, calendars and emails:
the Wagtail Site's root URL (its hostname, port and scheme, as editors set
them under Settings → Sites) followed by the path. A URL that is already
absolute (a signed link to a file on S3) is kept as it is."""

from wagtail.models import Site


def default_site():
    """The Site of whatever answers no request (emails, background tasks, snippets)."""
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def site_root_url(request=None):
    """The root URL of the Site answering `request`, or of the default Site
    (emails and background tasks have no request)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = default_site()
    return site.root_url if site else ""


def absolute_url(url, request=None):
    if url is None or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url
