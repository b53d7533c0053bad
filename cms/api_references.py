"""What API v3 says about the images, documents and pages that content refers
to (a listing image, a picture or a document in a body, a link to a page),
and how it reads them: in one query per kind for a whole answer, whatever the
number of items, so that a list of twenty news items with bodies and images
costs what a list of two does.

Every serialiser first *wants* the references it will need (a walk over the
raw data that touches no database), then *gets* them: the first get of a
kind fetches everything wanted of that kind so far. A list view wants the
references of every item before building the first one (`want_all`).

Images carry renditions the client chooses with `?rendition=` from the specs
in `API_IMAGE_RENDITIONS`; every URL is absolute (cms/absolute_urls.py).
"""

import re
from collections import defaultdict
from typing import Literal

from django.conf import settings
from pydantic import BaseModel, Field
from wagtail.api.rich_text import APIRichText
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .absolute_urls import absolute_url, site_root_url

RenditionSpec = Literal[tuple(settings.API_IMAGE_RENDITIONS)]


class RenditionOut(BaseModel):
    spec: RenditionSpec = Field(description="The rendition's Wagtail filter spec")
    url: str = Field(description="Absolute URL of the resized image")
    width: int
    height: int


class ImageOut(BaseModel):
    id: int
    title: str
    alt: str = Field(description="Text for the alt attribute; empty for a decorative image")
    width: int = Field(description="The original's width in pixels")
    height: int = Field(description="The original's height in pixels")
    renditions: list[RenditionOut] = Field(
        description="The sizes asked for with ?rendition= (srcset: url and width)"
    )


class DocumentOut(BaseModel):
    id: int
    title: str
    url: str = Field(description="Absolute URL; the file is served after a permission check")
    filename: str
    file_extension: str
    file_size: int | None = Field(description="In bytes, when known")


class PageLinkOut(BaseModel):
    id: int
    title: str
    type: str = Field(description="The page's content type, e.g. home.NewsPage")
    url: str = Field(description="Absolute URL of the page on the site")


def requested_renditions(request):
    """The specs asked for with ?rendition= (validated by the operation), or
    the default ones."""
    asked = request.GET.getlist("rendition") if request is not None else []
    allowed = settings.API_IMAGE_RENDITIONS
    return [spec for spec in asked if spec in allowed] or settings.API_IMAGE_DEFAULT_RENDITIONS


RICH_TEXT_SEPARATOR = "<!--ppi:split-->"
# Files and pictures in expanded rich text must work from another origin; page
# links stay site-relative, so a front end keeps its visitor on its own site.
SITE_RELATIVE_FILE = re.compile(r'(href|src)="(/(?:documents|media)/)')


class References:
    """The referenced objects of one answer, read in bulk. One per request:
    `for_request(request)`."""

    def __init__(self, request):
        self.request = request
        self.wanted = defaultdict(set)
        self.found = defaultdict(dict)
        self.rich_text_wanted = []
        self.rich_text_found = {}
        self.rich_text_format = APIRichText.resolve_format(
            request.GET.get("rich_text_format") if request is not None else None
        )

    @classmethod
    def for_request(cls, request):
        if request is None:
            return cls(None)
        if not hasattr(request, "_api_references"):
            request._api_references = cls(request)
        return request._api_references

    # Wanting: no queries.

    def want(self, kind, pk):
        if pk is not None and pk not in self.found[kind]:
            self.wanted[kind].add(pk)

    def want_rich_text(self, html):
        if html and html not in self.rich_text_found:
            self.rich_text_wanted.append(html)

    # Getting: one query per kind for everything wanted so far.

    def get(self, kind, pk):
        if pk is None:
            return None
        if pk not in self.found[kind]:
            self.want(kind, pk)
            pending = self.wanted.pop(kind)
            fetched = LOADERS[kind](self, pending)
            self.found[kind].update({key: fetched.get(key) for key in pending})
        return self.found[kind].get(pk)

    def rich_text(self, html):
        if not html:
            return html
        if html not in self.rich_text_found:
            self.want_rich_text(html)
            pending, self.rich_text_wanted = self.rich_text_wanted, []
            self.rich_text_found.update(
                zip(pending, self.serialize_rich_text(pending), strict=True)
            )
        return self.rich_text_found[html]

    def serialize_rich_text(self, values):
        if self.rich_text_format != APIRichText.FORMAT_HTML:
            return [APIRichText.serialize(value, format=self.rich_text_format) for value in values]
        # One expansion for all: Wagtail's rewriters read the linked pages and
        # documents of one string in one query per kind.
        expanded = expand_db_html(RICH_TEXT_SEPARATOR.join(values))
        root = site_root_url(self.request)
        expanded = SITE_RELATIVE_FILE.sub(rf'\1="{root}\2', expanded)
        return expanded.split(RICH_TEXT_SEPARATOR)

    # What each kind turns into.

    def image(self, pk, alt=None):
        image = self.get("image", pk)
        if image is None:
            return None
        specs = requested_renditions(self.request)
        renditions = image.get_renditions(*specs)
        return {
            "id": image.pk,
            "title": image.title,
            "alt": image.default_alt_text if alt is None else alt,
            "width": image.width,
            "height": image.height,
            "renditions": [
                {
                    "spec": spec,
                    "url": absolute_url(renditions[spec].url, self.request),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for spec in specs
            ],
        }

    def document(self, pk):
        document = self.get("document", pk)
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": absolute_url(document.url, self.request),
            "filename": document.filename,
            "file_extension": document.file_extension,
            "file_size": document.file_size,
        }

    def page(self, pk):
        page = self.get("page", pk)
        if page is None:
            return None
        return {
            "id": page.pk,
            "title": page.title,
            "type": page.content_type.model_class()._meta.label,
            "url": page.get_full_url(self.request),
        }


def load_images(references, pks):
    specs = requested_renditions(references.request)
    images = get_image_model().objects.filter(pk__in=pks).prefetch_renditions(*specs)
    return {image.pk: image for image in images}


def load_documents(references, pks):
    return get_document_model().objects.in_bulk(pks)


def load_pages(references, pks):
    # Only what anyone may open: a link to a draft or a private page says nothing.
    pages = Page.objects.live().public().filter(pk__in=pks).select_related("content_type")
    return {page.pk: page for page in pages}


LOADERS = {"image": load_images, "document": load_documents, "page": load_pages}
