"""Which search answers: the engine when one is configured and up, the
database otherwise and whenever the engine fails (a faceted search then says
so in a notice); and the query a page's parameters make."""

import logging

from django.utils.translation import gettext as _

from search.backends import engine_configured
from search.engine import EngineFacetedSearch, EngineUnavailable
from search.faceted import SORTS, DatabaseFacetedSearch, SearchPage, SearchQuery
from search.query import clean_query
from search.ranges import ranges_from_params

logger = logging.getLogger(__name__)

# How deep anyone may page: OpenSearch and Elasticsearch refuse to go past their
# max_result_window (10,000 hits by default), and nobody reads that far.
MAX_RESULTS_DEPTH = 10_000


def max_page(page_size):
    return MAX_RESULTS_DEPTH // page_size


def engine_or_database(on_engine, on_database):
    """(answer, engine_failed): `on_engine()`'s answer when an engine is
    configured and answers; `on_database()`'s when none is, or when it fails
    (logged), so that a search keeps answering while the engine is down."""
    if engine_configured():
        try:
            return on_engine(), False
        except EngineUnavailable as error:
            logger.warning("Search engine unavailable, answering from the database: %s", error)
            return on_database(), True
    return on_database(), False


def faceted_search(queryset, facets, query: SearchQuery, language=None) -> SearchPage:
    """`language`: the code of the locale `queryset` holds, whose analysis the
    words get (search/languages.py)."""
    page, engine_failed = engine_or_database(
        lambda: EngineFacetedSearch(queryset, facets, language=language).search(query),
        lambda: DatabaseFacetedSearch(queryset, facets, language=language).search(query),
    )
    if engine_failed:
        page.notice = _(
            "The search engine is not answering; these results come from the database "
            "and may rank differently."
        )
    return page


def facet_values(queryset, facets, query: SearchQuery, name, language=None):
    """(one facet's values and counts under the query's other selections, the
    backend that answered, the notice when the engine failed); `language` as
    for faceted_search, so that the words match what the search matches."""
    engine = (
        EngineFacetedSearch(queryset, facets, language=language) if engine_configured() else None
    )
    database = DatabaseFacetedSearch(queryset, facets, language=language)
    facet, engine_failed = engine_or_database(
        lambda: engine.facet(query, name), lambda: database.facet(query, name)
    )
    answered = engine if engine is not None and not engine_failed else database
    notice = ""
    if engine_failed:
        notice = _("The search engine is not answering; these counts come from the database.")
    return facet, answered.backend_name, notice


def selected_values(facets, values_of):
    """{facet name: the values asked for, as known (normalised), once each,
    sorted}; `values_of(name)` gives a facet's values as typed, as strings.
    Unknown values are left in, for the search to report."""
    filters = {}
    for spec in facets:
        values = [spec.normalize(value) for value in values_of(spec.name) if value]
        if values:
            filters[spec.name] = sorted(set(values))
    return filters


def query_from_params(params, facets, page_size=20):
    """A SearchQuery from a page's query dict (request.GET).

    Unusable page numbers mean page one, pages past the deepest allowed mean
    the deepest; unknown sorts mean relevance. Unknown
    facet values are left in, for the search to report; ranges with an error
    are left out (`ranges_from_params` says which).
    """
    try:
        page = int(params.get("page", 1))
    except (TypeError, ValueError):
        page = 1
    sort = params.get("sort", "relevance")
    return SearchQuery(
        text=clean_query(params.get("q", "")),
        filters=selected_values(facets, params.getlist),
        sort=sort if sort in SORTS else "relevance",
        page=min(max(page, 1), max_page(page_size)),
        page_size=page_size,
        ranges=ranges_from_params(params, facets)[0],
    )
