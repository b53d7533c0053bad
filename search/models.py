from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from search import synonyms

CACHE_KEY = "search:synonyms"


@register_setting(icon="search")
class SearchSynonyms(BaseGenericSetting):
    """The field's synonyms and acronyms, one group of equivalent terms per
    line (search/synonyms.py reads them)."""

    synonyms = models.TextField(
        _("synonyms and acronyms"),
        blank=True,
        help_text=_(
            "One line for each group of terms that mean the same, separated by commas, "
            "for example: PCP, pre-commercial procurement. A search for any term of a line "
            "also finds the others, in the Resource Centre, site search, the Forum and the "
            "API. Capitals do not matter; write each term as documents spell it, with its "
            "hyphens (“medium-sized”), and list plurals as terms of their own. Each term may "
            "be on one line only. Database searches use a change at once; the search engine within "
            "minutes, once its index is rebuilt in the background (searches keep working "
            "meanwhile)."
        ),
    )

    panels = [FieldPanel("synonyms")]

    class Meta:
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def clean(self):
        super().clean()
        errors = synonyms.parse(self.synonyms).errors
        if errors:
            raise ValidationError({"synonyms": errors})

    def save(self, *args, **kwargs):
        # Registered first, so it runs before the page cache is retired at the
        # same commit: no page is cached with the old synonyms after it.
        transaction.on_commit(synonyms_changed)
        super().save(*args, **kwargs)


def current_groups():
    """The editors' groups, from the cache every process shares (no database
    query per search); read from the database once after each change."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        text = SearchSynonyms.objects.values_list("synonyms", flat=True).first() or ""
        # Saved text was checked; rows written some other way lose their bad lines only.
        groups = synonyms.parse(text).groups
        cache.set(CACHE_KEY, groups, None)
    return groups


def forget_groups():
    cache.delete(CACHE_KEY)


def synonyms_changed():
    from search.tasks import queue_engine_analysis_update

    forget_groups()
    queue_engine_analysis_update()
