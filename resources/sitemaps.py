from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from cms.absolute_urls import site_root_url

from .models import Resource


class ResourceSitemap(Sitemap):
    """Published resources, each at its URL in its own language."""

    def items(self):
        return Resource.objects.visible().order_by("pk")

    def location(self, resource):
        return resource.get_url()

    def get_urls(self, page=1, site=None, protocol=None):
        # The Wagtail Site's address, as for pages (not the sites framework's).
        root = urlsplit(site_root_url())
        return self._urls(page, root.scheme, root.netloc)

    def lastmod(self, resource):
        return resource.updated_at
