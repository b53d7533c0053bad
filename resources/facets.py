"""The Resource Centre's facets: what can be filtered and counted (the type,
the taxonomies declared in resources/taxonomies.py, the year), read by the
database and engine searches, the page and the API."""

import datetime
from functools import partial

from django.utils.translation import gettext_lazy as _

from search.faceted import FacetSpec

from . import taxonomies
from .models import ResourceType


def _years():
    # Every plausible year is a valid value (the counts say which have resources):
    # no query, where a DISTINCT over all resources would cost more as they grow.
    return {str(year): str(year) for year in range(1950, datetime.date.today().year + 2)}


def taxonomy_facet(taxonomy):
    return FacetSpec(
        name=taxonomy.parameter,
        label=taxonomy.title,
        lookup=taxonomy.lookup,
        normalize=taxonomy.normalize,
        labels=partial(taxonomies.labels, taxonomy.relation),
        forget_labels=partial(taxonomies.forget_relation, taxonomy.relation),
        engine_field=f"{taxonomy.relation}.{taxonomy.value}_filter",
        engine_nested=taxonomy.relation,
        searchable=taxonomy.filter_box,
        filter_label=taxonomy.filter_label,
        no_match=taxonomy.no_match,
    )


FACETS = [
    FacetSpec(
        name="type",
        label=_("Resource type"),
        lookup="resource_type",
        labels=lambda: {value: str(label) for value, label in ResourceType.choices},
        engine_field="resource_type_filter",
    ),
    *(taxonomy_facet(taxonomy) for taxonomy in taxonomies.TAXONOMIES),
    FacetSpec(
        name="year",
        label=_("Publication year"),
        lookup="publication_year",
        labels=_years,
        engine_field="publication_year_filter",
        order="value-desc",
        cast=int,
        ranged=True,
    ),
]
SEARCHABLE = [spec for spec in FACETS if spec.searchable]
RANGED = [spec for spec in FACETS if spec.ranged]
