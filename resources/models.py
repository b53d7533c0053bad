"""The Resource Centre: resources (snippets) and their own taxonomies."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from cms.headless_preview import FrontEndPreviewMixin
from cms.locales import language_codes
from home.term_names import language_name
from search.languages import language_subfields

from .api_serializers import DocumentURLField, PageURLField
from .taxonomies import RELATIONS as TAXONOMY_RELATIONS
from .taxonomies import TAXONOMIES


class ResourceType(models.TextChoices):
    POLICY = "policy", _("Policy or strategy document")
    GUIDANCE = "guidance", _("Guidance or tool")
    CASE_STUDY = "case-study", _("Good-practice case study")
    PROJECT = "project", _("Project or initiative")
    REPORT = "report", _("Report or study")
    LEGAL_TEXT = "legal-text", _("Legal text")
    TRAINING = "training", _("Training material")
    LINK = "link", _("Link")


class Language(models.Model):
    """A language a resource is available in (ISO 639-1)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    eu_official = models.BooleanField(_("official EU language"), default=False)

    api_term_fields = ("code", "name")

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name

    @property
    def shown_name(self):
        """The name in the language the page is shown in (home/term_names.py)."""
        return language_name(self.code, self.name)


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.Resource", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceQuerySet(models.QuerySet):
    def visible(self):
        """What the public may see: published resources. Every public surface
        (pages, API, search, sitemap) starts here."""
        return self.filter(live=True)


class Resource(
    FrontEndPreviewMixin,
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255)
    summary = models.TextField(_("summary"), max_length=1000)
    body = RichTextField(_("body"), blank=True)
    resource_type = models.CharField(
        _("resource type"), max_length=20, choices=ResourceType.choices
    )
    topics = ParentalManyToManyField("home.Topic", blank=True, related_name="resources")
    countries = ParentalManyToManyField("home.Country", blank=True, related_name="resources")
    languages = ParentalManyToManyField(Language, blank=True, related_name="resources")
    procurement_types = ParentalManyToManyField(
        "home.ProcurementType",
        blank=True,
        related_name="resources",
        verbose_name=_("procurement types"),
        help_text=_("Tick both for resources about PPI and PCP."),
    )
    publisher = models.CharField(_("publisher or organisation"), max_length=255, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    publication_year = models.PositiveSmallIntegerField(editable=False, null=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external link"), max_length=500, blank=True)
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        help_text=_("Shown at the top of the resource's page."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=ResourceTag, blank=True)
    related_resources = ParentalManyToManyField(
        "self",
        verbose_name=_("related resources"),
        blank=True,
        symmetrical=False,
        help_text=_('Listed first under "Related resources" on this resource\'s page.'),
    )
    featured = models.BooleanField(_("featured"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResourceQuerySet.as_manager()
    # Indexing follows publishing, not saving: see resources/signals.py.
    search_auto_update = False

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("procurement_types"),
                FieldPanel("topics"),
                FieldPanel("countries"),
                FieldPanel("languages"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("publication_date")]),
                FieldPanel("document"),
                FieldPanel("external_url"),
                FieldPanel("thumbnail"),
                FieldPanel("tags"),
            ],
            heading=_("Source"),
        ),
        FieldPanel("related_resources"),
        FieldPanel("featured"),
        PublishingPanel(),
    ]

    # The boosted text also in each language's analysis on the engine: a search
    # in a locale's language ranks by it (search/engine_languages.py).
    search_fields = [
        index.SearchField("title", boost=4, es_extra={"fields": language_subfields()}),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2, es_extra={"fields": language_subfields()}),
        index.SearchField("body"),
        index.SearchField("publisher", boost=1.5, es_extra={"fields": language_subfields()}),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("resource_type"),
        index.FilterField("publication_year"),
        index.FilterField("publication_date"),
        index.FilterField("title"),
        index.FilterField("featured"),
        *(
            index.RelatedFields(taxonomy.relation, [index.FilterField(taxonomy.value)])
            for taxonomy in TAXONOMIES
        ),
    ]

    api_fields = [
        *(
            APIField(name, writable=True)
            for name in (
                "title",
                "slug",
                "summary",
                "body",
                "resource_type",
                *TAXONOMY_RELATIONS,
                "publisher",
                "publication_date",
                "document",
                "external_url",
                "thumbnail",
                "tags",
                "featured",
            )
        ),
        APIField("file_url", serializer=DocumentURLField(source="document")),
        APIField("html_url", serializer=PageURLField(source="*")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-publication_date", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_resource_slug_per_locale"
            )
        ]
        # The database faceted search (search/faceted.py) starts from the live
        # ids of a locale: read from this index, not from the wide rows.
        # The facets stored in a column are counted and selected from an index
        # of (value, id): the counts read it alone, without the wide rows
        # (14 ms instead of 45 for 24,000 ids at 100,000 resources); it also
        # serves filtering by the value.
        indexes = [
            models.Index(
                fields=["locale", "id"], condition=models.Q(live=True), name="resource_live_ids"
            ),
            models.Index(fields=["resource_type", "id"], name="resource_type_ids"),
            models.Index(fields=["publication_year", "id"], name="resource_year_ids"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)

    def derive_fields(self):
        """The values kept for filtering, from the editor's: on every save, and
        by the import's bulk insert (resources/importing/creating.py)."""
        self.publication_year = self.publication_date.year if self.publication_date else None

    @classmethod
    def get_indexed_objects(cls):
        # Only live resources are indexed (resources/signals.py keeps it so), and
        # their taxonomies, which go into every document, load per batch.
        return (
            super()
            .get_indexed_objects()
            .filter(live=True)
            .prefetch_related(*TAXONOMY_RELATIONS, "tags")
        )

    def get_url(self):
        """The resource's page in its own language (/fr/resources/<slug>/ for a
        French one), whatever language the caller is answering in: the page
        shows only resources of its language."""
        language = language_codes({self.locale_id}).get(self.locale_id, settings.LANGUAGE_CODE)
        with translation.override(language):
            return reverse("resources:detail", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "resources/resource.html"

    def get_preview_context(self, request, mode_name):
        return {"resource": self, "related": []}

    @property
    def link(self):
        """Where the resource itself is: its file, or else its external page."""
        if self.document_id:
            return self.document.url
        return self.external_url


class ImportRun(models.Model):
    """One admin import of a file, done by the background worker
    (resources/tasks.py): what the editor watches, then reads as the report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Nothing imported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    filename = models.CharField(max_length=255)
    file_format = models.CharField(max_length=10)
    # The language the editor reads the admin in: the worker writes the report in it.
    language = models.CharField(max_length=20, default="en")
    # The file's text, until the run ends (the resources then hold what it had).
    content = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # When the worker last said it was at this run: a running import whose
    # worker stopped is told from one still at work by this (resources/tasks.py).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    published = models.PositiveIntegerField(default=0)
    drafts = models.PositiveIntegerField(default=0)
    # [{"row", "field", "value", "reason"}, ...]: every problem, when nothing was imported.
    problems = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("resource import")
        verbose_name_plural = _("resource imports")

    def __str__(self):
        return self.filename

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
