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
from functools import cached_property

from django.db import connections
from django.db.models import Count, F, QuerySet
from django.utils.translation import gettext

from cms.text import folded
from search.data_version import read_version, watched_tables
from search.facet_bits import current_bits
from search.facet_links import facet_link
from search.id_sets import Ids, InIds, all_but, as_ids
from search.kept_ids import kept_ids
from search.languages import searching_in
from search.postgres_plans import ranked_page, words_matched
from search.zero_results import ZeroResultsHelp, database_help

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
    # How a value as typed becomes the value as known (country codes in any case).
    normalize: Callable[[str], str] = str
    # For labels kept in a cache: drop it, so an unknown value is checked once
    # against fresh data before it is called unknown.
    forget_labels: Callable[[], None] | None = None
    # A long list of values: the page gives it a filter box and "show all",
    # the API a search of its values (parameter `<name>_q`).
    searchable: bool = False
    # The filter box's label and what it says when no value matches: whole
    # sentences for each facet, because the facet's name inside a sentence
    # takes another article or case in other languages ("Find a country",
    # "Land suchen"; "une langue").
    filter_label: str = ""
    no_match: str = ""
    # Numeric values that may also be selected as a range (`<name>_from`,
    # `<name>_to`), e.g. years; only for facets stored in a column.
    ranged: bool = False

    def __post_init__(self):
        if self.searchable and not (self.filter_label and self.no_match):
            raise ValueError(f"the searchable facet {self.name} needs filter_label and no_match")

    @property
    def search_parameter(self):
        return f"{self.name}_q"

    @property
    def range_parameters(self):
        return f"{self.name}_from", f"{self.name}_to"


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
    # The API pages by offset; the site by page number.
    offset: int | None = None
    # facet name -> (lowest, highest), either None for open, for ranged facets.
    # A range and values of the same facet both apply (AND).
    ranges: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)

    @property
    def start(self):
        return self.offset if self.offset is not None else (self.page - 1) * self.page_size


@dataclass
class SearchPage:
    items: list
    total: int
    query: SearchQuery
    facets: list[Facet]
    backend: str
    highlights: dict = field(default_factory=dict)  # pk -> HTML snippet
    notice: str = ""
    # Only when nothing matches the words or filters: what would find something.
    suggestions: ZeroResultsHelp | None = None

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.query.page_size))


class UnknownFacetValue(ValueError):
    """A filter names a value the facet does not have."""

    def __init__(self, spec, value):
        super().__init__(
            gettext("Unknown value “%(value)s” for %(facet)s.")
            % {"value": value, "facet": spec.label}
        )
        self.parameter, self.value = spec.name, value


class FacetedSearch:
    def __init__(self, queryset: QuerySet, facets: list[FacetSpec], language=None):
        self.base = queryset
        # The language code of the locale searched: its words are analysed in
        # it (search/languages.py). None: the database matches them under
        # every language's analysis, the engine under its standard analyzer.
        self.language = language
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
            unknown = [value for value in values if value not in self.labels(name)]
            if unknown and spec.forget_labels is not None:  # maybe newer than the cache
                spec.forget_labels()
                self._labels.pop(name)
                unknown = [value for value in unknown if value not in self.labels(name)]
            if unknown:
                raise UnknownFacetValue(spec, unknown[0])

    @staticmethod
    def selected_facets(query):
        """The names of the facets the query narrows, by values or a range."""
        names = [name for name, values in query.filters.items() if values]
        return names + [name for name in query.ranges if name not in names]

    def build_facets(self, query, counts_by_facet, only=None):
        facets = []
        for name, spec in self.specs.items():
            if only is not None and name != only:
                continue
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
                values.sort(key=lambda item: (-item.count, folded(item.label)))
            facets.append(Facet(name=name, label=str(spec.label), values=values))
        return facets


def counted_by_value(links, path):
    """The SQL and parameters of (facet_value, n), how many of the rows of a
    link table (a queryset of its model) have each value, by the path from a
    link to its value ("topic__slug"). Counted before the value table is
    joined: joining first matched every one of up to 75,000 links to its value
    (a third of the statement at 100,000 resources), where counting first
    leaves one row per value."""
    relation, _, attribute = path.partition("__")
    values = links.model._meta.get_field(relation).related_model
    counted, params = (
        links.values(relation).annotate(n=Count("pk")).order_by().query.sql_with_params()
    )
    quote = connections[links.db].ops.quote_name
    value = values._meta.get_field(attribute).column
    # The counting query names its columns after the relation and "n".
    sql = (
        f"SELECT counted_values.{quote(value)} AS facet_value, counted.n "  # noqa: S608
        f"FROM ({counted}) AS counted JOIN {quote(values._meta.db_table)} AS counted_values "
        f"ON counted_values.{quote(values._meta.pk.column)} = counted.{quote(relation)}"
    )
    return sql, params


class DatabaseFacetedSearch(FacetedSearch):
    """Facets on the database, in a fixed number of short statements.

    The text match and each facet's selection are each worked out once, as a
    set of ids within the base queryset. Each facet's counts then read only its
    own link table (or column) for the ids that apply to it, and the page reads
    only the matching ids. The alternative, a statement per facet that repeats
    the text match and every other filter as subqueries over the wide resource
    rows, cost seconds at 100,000 resources (bench/README.md).
    """

    backend_name = "database"

    def __init__(self, queryset, facets, search_backend=None, language=None):
        super().__init__(queryset, facets, language)
        from wagtail.search.backends import get_search_backend

        self.search_backend = search_backend or get_search_backend("default")

    def within(self, ids):
        """The base queryset narrowed to `ids` (None means no narrowing)."""
        return self.base if ids is None else self.base.filter(InIds(F("pk"), ids))

    @cached_property
    def data_version(self):
        """The version of the data the search reads (search/data_version.py),
        read before anything else of a search (id_sets forgets it); None when
        it cannot be had or trusted."""
        return read_version(connections[self.base.db], self.model, self.watched_tables)

    @cached_property
    def watched_tables(self):
        """The tables whose writes move the data's version."""
        return watched_tables(self.model, self.specs.values())

    def ids(self, rows, column="pk", planned=None):
        """The ids in `column` of `rows`, from memory when the same statement
        ran under the same data version (search/kept_ids.py)."""
        return kept_ids(rows, self.data_version, self.watched_tables, column, planned)

    def base_ids(self):
        return self.ids(self.base)

    def text_matches(self, text):
        with searching_in(self.language):
            results = self.search_backend.search(
                text, self.base, operator="and", order_by_relevance=False
            )
            rows, planned = words_matched(results, self.base)
            return self.ids(rows, planned=planned)

    def selected_ids(self, spec, values, bounds=None):
        """Ids of every object with one of `values` (and within `bounds`, a
        ranged facet's (lowest, highest)), visible or not (callers intersect
        with ids from the base). A many-to-many facet reads only its narrow
        link table."""
        values = [spec.cast(value) for value in values]
        link = facet_link(self.model, spec)
        if link:
            links = link.through.objects.filter(**{f"{link.path}__in": values})
            return self.ids(links, link.column)
        rows = self.model.objects.all()
        if values:
            rows = rows.filter(**{f"{spec.lookup}__in": values})
        lowest, highest = bounds or (None, None)
        if lowest is not None:
            rows = rows.filter(**{f"{spec.lookup}__gte": lowest})
        if highest is not None:
            rows = rows.filter(**{f"{spec.lookup}__lte": highest})
        return self.ids(rows)

    def counted(self, spec, ids):
        """The SQL and parameters of (facet_value, n): how many of `ids` (all
        from the base; None = the whole base) have each of the facet's values."""
        link = facet_link(self.model, spec)
        if link and ids is not None:
            # A many-to-many facet reads only its narrow link table. Each
            # object has a value at most once (link tables are unique per
            # pair), so counting rows counts objects: no DISTINCT needed.
            links = link.through.objects.filter(InIds(F(link.column), ids))
            return counted_by_value(links, link.path)
        # Ids come from the base already: no need to filter on its columns again.
        rows = self.base if ids is None else self.model.objects.filter(InIds(F("pk"), ids))
        rows = rows.values(facet_value=F(spec.lookup)).annotate(n=Count("pk")).order_by()
        return rows.query.sql_with_params()

    def facet_counts(self, candidates, selections, matching_ids, only=None):
        """{facet: {value: count}}: each facet (or `only` the one named) counts
        the ids that pass every other facet's selection. From the facets' bits
        in memory when they are to be had (PostgreSQL), in SQL otherwise."""
        bits = current_bits(self)
        counts = None
        if bits is not None:
            counts = self.counts_in_memory(bits, candidates, selections, matching_ids, only)
        if counts is None:
            counts = self.counts_in_sql(candidates, selections, matching_ids, only)
        return counts

    def counts_in_sql(self, candidates, selections, matching_ids, only=None):
        """facet_counts in one statement: on PostgreSQL its parts run side by
        side in parallel workers (55 ms against 70 to 90 for the four link
        facets one after the other at 100,000 resources, bench/README.md)."""
        counts, parts, params = {}, [], []
        for number, (name, spec) in enumerate(self.specs.items()):
            if only is not None and name != only:
                continue
            counts[name] = {}
            ids = all_but(name, candidates, selections) if name in selections else matching_ids
            if ids is not None and not ids:
                continue
            sql, part_params = self.counted(spec, ids)
            # Values as text, so that every part has the same columns' types.
            parts.append(
                f"SELECT {number} AS facet, CAST(part.facet_value AS TEXT), part.n "  # noqa: S608
                f"FROM ({sql}) AS part"
            )
            params.extend(part_params)
        if parts:
            names = list(self.specs)
            with connections[self.base.db].cursor() as cursor:
                cursor.execute(" UNION ALL ".join(parts), params)
                for number, value, n in cursor.fetchall():
                    # Objects without a value (a NULL of the join) are not a facet value.
                    if value is not None:
                        counts[names[number]][value] = n
        return counts

    def counts_in_memory(self, bits, candidates, selections, matching_ids, only=None):
        """facet_counts from the facets' bits (search/facet_bits.py); None
        when an id set cannot be bits (ids beyond id_sets.BITMAP_BYTES)."""
        base_bits = None
        counts = {}
        for name in self.specs:
            if only is not None and name != only:
                continue
            ids = all_but(name, candidates, selections) if name in selections else matching_ids
            if ids is None:
                if base_bits is None:
                    base_bits = self.base_ids().bits
                ids_bits = base_bits
            else:
                ids_bits = as_ids(ids).bits
            if ids_bits is None:
                return None
            counts[name] = {
                value: n
                for value, value_bits in bits[name].items()
                if (n := (ids_bits & value_bits).bit_count())
            }
        return counts

    def id_sets(self, query):
        """(candidates, {facet: its selection's ids}, {facet: the same within
        the candidates}, matching ids); None stands for the whole base."""
        # Each search reads the version afresh, also when one object answers
        # several (bench/explain.py), so nothing is kept past a write.
        self.__dict__.pop("data_version", None)
        selected = self.selected_facets(query)
        # Every id set below is within the base: the text matches are, and
        # without text, filters are applied to the base's ids.
        candidates = None
        if query.text:
            candidates = self.text_matches(query.text)
        elif selected:
            candidates = self.base_ids()
        chosen = {
            name: self.selected_ids(
                self.specs[name], query.filters.get(name, []), query.ranges.get(name)
            )
            for name in selected
        }
        selections = {name: ids & candidates for name, ids in chosen.items()}
        matching_ids = candidates
        for ids in selections.values():
            matching_ids = Ids(matching_ids & ids)
        return candidates, chosen, selections, matching_ids

    def facet(self, query: SearchQuery, name: str) -> Facet:
        """One facet's values and counts under the query's other selections."""
        self.validate(query)
        candidates, _chosen, selections, matching_ids = self.id_sets(query)
        counts = self.facet_counts(candidates, selections, matching_ids, only=name)
        return self.build_facets(query, counts, only=name)[0]

    def search(self, query: SearchQuery) -> SearchPage:
        self.validate(query)
        candidates, chosen, selections, matching_ids = self.id_sets(query)
        counts = self.facet_counts(candidates, selections, matching_ids)
        matching = self.within(matching_ids)
        total = matching.count() if matching_ids is None else len(matching_ids)
        start = query.start
        items = self.page(query, matching, matching_ids, start) if total > start else []
        page = SearchPage(
            items=items,
            total=total,
            query=query,
            facets=self.build_facets(query, counts),
            backend=self.backend_name,
        )
        if not total and (query.text or chosen):
            page.suggestions = database_help(self, query, candidates, chosen)
        return page

    def page(self, query, matching, matching_ids, start):
        stop = start + query.page_size
        if not (query.text and query.sort == "relevance"):
            return list(matching.order_by(*self.ordering(query.sort))[start:stop])
        # The page's ids in relevance order, then their rows: sorting thousands
        # of matches with their rows attached costs about half the statement.
        with searching_in(self.language):
            ranked = self.search_backend.search(query.text, matching, operator="and")
            pks = ranked_page(ranked, matching_ids, start, stop)
        objects = self.model.objects.in_bulk(pks)
        return [objects[pk] for pk in pks]

    @staticmethod
    def ordering(sort):
        if sort == "title":
            return ("title", "pk")
        # "newest", and relevance without text: newest first.
        return ("-publication_date", "-pk")
