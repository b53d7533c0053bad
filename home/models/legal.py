from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from home.api_serializers import TableOfContentsField
from home.blocks import LegalReferenceBlock

from .base import BodyPage
from .taxonomy import Country


class LegalFrameworkIndexPage(BodyPage):
    """The root of the legal framework tree: an overview and its top sections."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.LegalSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("legal framework index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            LegalSectionPage.objects.child_of(self).live().public().select_related("jurisdiction")
        )
        return context


class LegalSectionPage(BodyPage):
    """One section of the legal framework: a directive, a guidance document, a
    national framework. Sections nest to any depth."""

    jurisdiction = models.ForeignKey(
        Country,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="legal_sections",
        help_text=_("European level for EU law, or the country whose law this is"),
    )
    references = StreamField(
        [("reference", LegalReferenceBlock(label=_("Legal reference")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("legal references"),
        help_text=_("The acts and articles this section is about, linked to EUR-Lex."),
    )

    content_panels = BodyPage.content_panels + [
        FieldPanel("jurisdiction"),
        FieldPanel("references"),
    ]
    search_fields = BodyPage.search_fields + [
        index.SearchField("references"),
        index.FilterField("jurisdiction_id"),
    ]
    api_fields = BodyPage.api_fields + [
        APIField("jurisdiction", writable=True),
        APIField("references", writable=True),
        APIField("table_of_contents", serializer=TableOfContentsField()),
    ]

    api_select_related = (*BodyPage.api_select_related, "jurisdiction")

    parent_page_types = ["home.LegalFrameworkIndexPage", "home.LegalSectionPage"]
    subpage_types = ["home.LegalSectionPage"]

    class Meta:
        verbose_name = _("legal framework section")

    @property
    def table_of_contents(self):
        """The section's headings, in order, with the anchors their blocks render."""
        return [
            {
                "anchor": slugify(block.value["text"]),
                "text": block.value["text"],
                "level": block.value["level"],
            }
            for block in self.body
            if block.block_type == "heading"
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = LegalSectionPage.objects.child_of(self).live().public()
        return context
