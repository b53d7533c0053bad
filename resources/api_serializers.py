"""API serializers for a resource's relations. API v2 calls them; API v3
types each field from the return annotation of `to_representation`."""

from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from cms.absolute_urls import absolute_url


class NamedValueOut(TypedDict):
    value: str
    label: str


class TagOut(TypedDict):
    slug: str
    name: str


class SlugNameListField(serializers.Field):
    def __init__(self, value_attr, label_attr, **kwargs):
        self.value_attr, self.label_attr = value_attr, label_attr
        super().__init__(**kwargs)

    def to_representation(self, manager) -> list[NamedValueOut]:
        return [
            {"value": getattr(item, self.value_attr), "label": getattr(item, self.label_attr)}
            for item in manager.all()
        ]


class TagListField(serializers.Field):
    def to_representation(self, manager) -> list[TagOut]:
        tags = sorted(manager.all(), key=lambda tag: tag.name)
        return [{"slug": tag.slug, "name": tag.name} for tag in tags]


class DocumentURLField(serializers.Field):
    """The file's absolute URL (served through Wagtail's permission check)."""

    def to_representation(self, document) -> str:
        return absolute_url(document.url, self.context.get("request"))


class PageURLField(serializers.Field):
    """The resource's own page on the site, as an absolute URL."""

    def to_representation(self, resource) -> str:
        return absolute_url(resource.get_url(), self.context.get("request"))
