from django.contrib.sitemaps import Sitemap
from django.utils import translation

from .models import Resource


class ResourceSitemap(Sitemap):
    """Published resources, each at its URL in its own language."""

    def items(self):
        return Resource.objects.visible().select_related("locale").order_by("pk")

    def location(self, resource):
        with translation.override(resource.locale.language_code):
            return resource.get_url()

    def lastmod(self, resource):
        return resource.updated_at
