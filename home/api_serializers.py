"""API serializers for what pages compute rather than store (relations to
taxonomy terms are cms/api_terms.py's).

They serve both APIs: API v2 calls them, and API v3 types each field from the
return annotation of `to_representation` (Wagtail's read schema generator).
"""

from typing import Literal

from rest_framework import serializers
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12
from wagtail.images.api.fields import ImageRenditionField

from cms.absolute_urls import absolute_url


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
