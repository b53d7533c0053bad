from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms.headless_preview import FrontEndPreviewMixin
from home.api_serializers import ThumbnailField
from home.blocks import BodyBlock

LISTING_IMAGE_SPEC = "fill-480x270"


def listing_image_renditions():
    """Prefetch the card-sized renditions of each page's listing image, so a list
    of cards costs one query for images whatever its length."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE_SPEC)
    )
    return Prefetch("listing_image__renditions", queryset=renditions)


class BasePage(FrontEndPreviewMixin, Page):
    """Fields every content page shares: a short introduction and a listing image."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_(
            "A sentence or two under the title, also shown on the page's card and in feeds."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("card image"),
        help_text=_(
            "The picture on this page's card in the news list and on the home page, "
            "and at the top of the page. A picture in the body does not make a card image."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("listing_image")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [
        APIField("intro", writable=True),
        APIField("listing_image", writable=True),
        APIField(
            "listing_image_thumbnail",
            serializer=ThumbnailField(LISTING_IMAGE_SPEC, source="listing_image"),
        ),
    ]
    # What the API v2 listing loads up front for these api_fields (see home/api_v2.py).
    api_select_related = ("listing_image", "locale")

    @classmethod
    def api_prefetch(cls):
        return (listing_image_renditions(),)

    class Meta:
        abstract = True


class BodyPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body", writable=True)]

    class Meta:
        abstract = True
