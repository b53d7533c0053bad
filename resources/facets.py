"""The Resource Centre's facets: the one place that says what can be filtered
and counted, read by the database and engine searches, the page and the API."""

import datetime

from django.utils.translation import gettext_lazy as _

from search.faceted import FacetSpec

from . import taxonomies
from .models import ResourceType


def _years():
    # Every plausible year is a valid value (the counts say which have resources):
    # no query, where a DISTINCT over all resources would cost more as they grow.
    return {str(year): str(year) for year in range(1950, datetime.date.today().year + 2)}


FACETS = [
    FacetSpec(
        name="type",
        label=_("Resource type"),
        lookup="resource_type",
        labels=lambda: {value: str(label) for value, label in ResourceType.choices},
        engine_field="resource_type_filter",
    ),
    FacetSpec(
        name="topic",
        label=_("Topic"),
        lookup="topics__slug",
        normalize=str.lower,
        labels=lambda: taxonomies.labels("topics"),
        forget_labels=lambda: taxonomies.forget_relation("topics"),
        engine_field="topics.slug_filter",
        engine_nested="topics",
    ),
    FacetSpec(
        name="country",
        label=_("Country"),
        lookup="countries__code",
        normalize=str.upper,
        labels=lambda: taxonomies.labels("countries"),
        forget_labels=lambda: taxonomies.forget_relation("countries"),
        engine_field="countries.code_filter",
        engine_nested="countries",
    ),
    FacetSpec(
        name="language",
        label=_("Language"),
        lookup="languages__code",
        normalize=str.lower,
        labels=lambda: taxonomies.labels("languages"),
        forget_labels=lambda: taxonomies.forget_relation("languages"),
        engine_field="languages.code_filter",
        engine_nested="languages",
    ),
    FacetSpec(
        name="procurement",
        label=_("Procurement type"),
        lookup="procurement_types__slug",
        normalize=str.lower,
        labels=lambda: taxonomies.labels("procurement_types"),
        forget_labels=lambda: taxonomies.forget_relation("procurement_types"),
        engine_field="procurement_types.slug_filter",
        engine_nested="procurement_types",
    ),
    FacetSpec(
        name="year",
        label=_("Publication year"),
        lookup="publication_year",
        labels=_years,
        engine_field="publication_year_filter",
        order="value-desc",
        cast=int,
    ),
]
