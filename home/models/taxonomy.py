"""Taxonomies shared by the website, the Resource Centre and the Forum."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from ..term_names import country_name, topic_name


class TaxonomyTerm(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    # How the APIs show a term, its key first (cms/api_terms.py).
    api_term_fields = ("slug", "name")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(ClusterableModel, TaxonomyTerm):
    """A sector or theme: ICT, health, energy, transport, construction...
    Its name is English; editors give it a name in each other language."""

    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        InlinePanel("names", heading=_("Names in other languages"), label=_("name")),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def shown_name(self):
        """The name in the language the page is shown in (home/term_names.py)."""
        return topic_name(self.slug, self.name)


def other_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TopicName(models.Model):
    """A topic's name in a language other than English."""

    topic = ParentalKey(Topic, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=10, choices=other_languages)
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta:
        verbose_name = _("topic name")
        # unique_together, which the admin's inline forms check before saving.
        unique_together = [("topic", "language")]

    def __str__(self):
        return self.name


class Country(models.Model):
    """An EU/EEA country, or the "European level" pseudo-country (code EU)."""

    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code; EU stands for European level."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)

    api_term_fields = ("code", "name")

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def shown_name(self):
        """The name in the language the page is shown in (home/term_names.py)."""
        return country_name(self.code, self.name)


class ProcurementType(TaxonomyTerm):
    """PPI (public procurement of innovation) or PCP (pre-commercial procurement)."""

    abbreviation = models.CharField(_("abbreviation"), max_length=10)

    api_term_fields = ("slug", "name", "abbreviation")

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("procurement type")
        verbose_name_plural = _("procurement types")
