"""API serializers for a resource's links. API v2 calls them; API v3 types
each field from the return annotation of `to_representation`."""

from rest_framework import serializers

from cms.absolute_urls import absolute_url


class DocumentURLField(serializers.Field):
    """The file's absolute URL (served through Wagtail's permission check)."""

    def to_representation(self, document) -> str:
        return absolute_url(document.url, self.context.get("request"))


class PageURLField(serializers.Field):
    """The resource's own page on the site, as an absolute URL."""

    def to_representation(self, resource) -> str:
        return absolute_url(resource.get_url(), self.context.get("request"))
