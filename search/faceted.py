"""Faceted search: one interface, two implementations.

`FacetedSearch.search(query)` answers a `SearchQuery` with a `SearchPage`.
`DatabaseFacetedSearch` works on any database Wagtail's database backend
supports; `EngineFacetedSearch` (search/engine.py) sends one request to an
OpenSearch/Elasticsearch node. Both read the same `FacetSpec` list, so both give
the same results and counts for the same filters.

Facets are disjunctive: values of one facet are OR-ed, facets are AND-ed, and
each facet's counts apply every other facet's selection but not its own.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

SORTS = ("relevance", "newest", "title")


@dataclass(frozen=True)
class FacetSpec:
    name: str  # query parameter, e.g. "topic"
    label: str
    lookup: str  # ORM path to the value, e.g. "topics__slug"
    labels: Callable[[], dict[str, str]]  # value -> label, for every known value
    engine_field: str  # field in the engine's index, e.g. "topics.slug_filter"
    engine_nested: str | None = None  # nested path in the engine's index, e.g. "topics"
    order: str = "count"  # "count" (most first) or "value-desc" (years)
    cast: Callable[[str], object] = str  # how a URL value becomes a stored value


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20


@dataclass
class SearchPage:
    items: list
    total: int
    query: SearchQuery
    facets: list[Facet]
    backend: str
    highlights: dict = field(default_factory=dict)  # pk -> HTML snippet
    notice: str = ""

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.query.page_size))


class UnknownFacetValue(ValueError):
    """A filter names a value the facet does not have."""

    def __init__(self, facet, value):
        super().__init__(f"Unknown value “{value}” for {facet}.")
        self.facet, self.value = facet, value


class FacetedSearch:
    def __init__(self, queryset: QuerySet, facets: list[FacetSpec]):
        self.base = queryset
        self.model = queryset.model
        self.specs = {spec.name: spec for spec in facets}
        self._labels = {}

    def labels(self, name):
        """A facet's value -> label map, read once per search."""
        if name not in self._labels:
            self._labels[name] = self.specs[name].labels()
        return self._labels[name]

    def validate(self, query):
        """Unknown facet values are an error the caller reports (a 400 in the
        API, a message on the page), not a silent empty result."""
        for name, values in query.filters.items():
            spec = self.specs[name]
            known = self.labels(name)
            for value in values:
                if value not in known:
                    raise UnknownFacetValue(spec.label, value)

    def build_facets(self, query, counts_by_facet):
        facets = []
        for name, spec in self.specs.items():
            labels = self.labels(name)
            selected = set(query.filters.get(name, []))
            counts = counts_by_facet.get(name, {})
            values = [
                FacetValue(
                    value=value,
                    label=labels.get(value, value),
                    count=count,
                    selected=value in selected,
                )
                for value, count in counts.items()
                if count or value in selected
            ]
            for value in selected - set(counts):
                values.append(FacetValue(value, labels.get(value, value), 0, True))
            if spec.order == "value-desc":
                values.sort(key=lambda item: item.value, reverse=True)
            else:
                values.sort(key=lambda item: (-item.count, item.label))
            facets.append(Facet(name=name, label=str(spec.label), values=values))
        return facets


class DatabaseFacetedSearch(FacetedSearch):
    backend_name = "database"

    def __init__(self, queryset, facets, search_backend=None):
        super().__init__(queryset, facets)
        from wagtail.search.backends import get_search_backend

        self.search_backend = search_backend or get_search_backend("default")

    def selection(self, spec, values):
        # A subquery keeps each facet's join to itself: filtering and counting
        # through the same many-to-many join would count only selected values.
        matching = self.model.objects.filter(
            **{f"{spec.lookup}__in": [spec.cast(value) for value in values]}
        )
        return Q(pk__in=matching.values("pk"))

    def restricted(self, query, text_matches, exclude=None):
        queryset = self.base
        if text_matches is not None:
            queryset = queryset.filter(pk__in=text_matches)
        for name, values in query.filters.items():
            if values and name != exclude:
                queryset = queryset.filter(self.selection(self.specs[name], values))
        return queryset

    def search(self, query: SearchQuery) -> SearchPage:
        self.validate(query)
        text_matches = None
        if query.text:
            results = self.search_backend.search(query.text, self.base, operator="and")
            text_matches = results.get_queryset().values("pk")

        counts = {}
        for name, spec in self.specs.items():
            rows = (
                self.restricted(query, text_matches, exclude=name)
                .values(spec.lookup)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            # Resources without a value (a NULL row of the join) are not a facet value.
            counts[name] = {
                str(row[spec.lookup]): row["n"] for row in rows if row[spec.lookup] is not None
            }

        matching = self.restricted(query, None)
        if query.text and query.sort == "relevance":
            results = self.search_backend.search(query.text, matching, operator="and")
        else:
            if text_matches is not None:
                matching = matching.filter(pk__in=text_matches)
            results = matching.order_by(*self.ordering(query.sort))
        total = results.count()
        start = (query.page - 1) * query.page_size
        items = list(results[start : start + query.page_size])
        return SearchPage(
            items=items,
            total=total,
            query=query,
            facets=self.build_facets(query, counts),
            backend=self.backend_name,
        )

    @staticmethod
    def ordering(sort):
        if sort == "title":
            return ("title", "pk")
        # "newest", and relevance without text: newest first.
        return ("-publication_date", "-pk")
