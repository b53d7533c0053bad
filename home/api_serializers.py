"""API serializers for the shared taxonomies, so pages expose names, not ids.

They serve both APIs: API v2 calls them, and API v3 types each field from the
return annotation of `to_representation` (Wagtail's read schema generator).
"""

from typing import Literal

from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12
from wagtail.images.api.fields import ImageRenditionField

from cms.absolute_urls import absolute_url


class TermOut(TypedDict):
    slug: str
    name: str


class ProcurementTypeOut(TypedDict):
    slug: str
    name: str
    abbreviation: str


class CountryOut(TypedDict):
    code: str
    name: str


class ThumbnailOut(TypedDict):
    url: str
    width: int
    height: int
    alt: str


class HeadingOut(TypedDict):
    anchor: str
    text: str
    level: Literal["h2", "h3"]


class TableOfContentsField(serializers.Field):
    def to_representation(self, entries) -> list[HeadingOut]:
        return entries


class TaxonomyListField(serializers.Field):
    def to_representation(self, manager) -> list[TermOut]:
        return [{"slug": term.slug, "name": term.name} for term in manager.all()]


class ProcurementTypeField(serializers.Field):
    def to_representation(self, value) -> ProcurementTypeOut:
        return {"slug": value.slug, "name": value.name, "abbreviation": value.abbreviation}


class CountryField(serializers.Field):
    def to_representation(self, value) -> CountryOut:
        return {"code": value.code, "name": value.name}


class ThumbnailField(ImageRenditionField):
    """One rendition of an image with an absolute URL (the Site's), for
    API v2 clients that show cards; API v3 clients choose sizes with
    ?rendition= on the image itself."""

    def to_representation(self, image) -> ThumbnailOut:
        rendition = image.get_rendition(self.filter_spec)
        return {
            "url": absolute_url(rendition.url, self.context.get("request")),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
