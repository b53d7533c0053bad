"""Which faceted search answers: the engine when one is configured and up, the
database otherwise (and whenever the engine fails, with a notice)."""

import logging

from django.utils.translation import gettext as _

from search.backends import engine_configured
from search.faceted import (
    SORTS,
    DatabaseFacetedSearch,
    SearchPage,
    SearchQuery,
    UnknownFacetValue,
)
from search.query import clean_query

logger = logging.getLogger(__name__)

# How deep anyone may page: OpenSearch and Elasticsearch refuse to go past their
# max_result_window (10,000 hits by default), and nobody reads that far.
MAX_RESULTS_DEPTH = 10_000


def max_page(page_size):
    return MAX_RESULTS_DEPTH // page_size


def faceted_search(queryset, facets, query: SearchQuery) -> SearchPage:
    if engine_configured():
        from search.engine import EngineFacetedSearch, EngineUnavailable

        try:
            return EngineFacetedSearch(queryset, facets).search(query)
        except UnknownFacetValue:
            raise
        except EngineUnavailable as error:
            logger.warning("Search engine unavailable, answering from the database: %s", error)
            page = DatabaseFacetedSearch(queryset, facets).search(query)
            page.notice = _(
                "The search engine is not answering; these results come from the database "
                "and may rank differently."
            )
            return page
    return DatabaseFacetedSearch(queryset, facets).search(query)


def query_from_params(params, facets, page_size=20):
    """A SearchQuery from a query dict (the page's GET or the API's parameters).

    Unusable page numbers mean page one, pages past the deepest allowed mean
    the deepest; unknown sorts mean relevance. Unknown
    facet values are left in, for the search to report.
    """
    filters = {}
    for spec in facets:
        values = [spec.normalize(value) for value in params.getlist(spec.name) if value]
        if values:
            filters[spec.name] = sorted(set(values))
    try:
        page = int(params.get("page", 1))
    except (TypeError, ValueError):
        page = 1
    sort = params.get("sort", "relevance")
    return SearchQuery(
        text=clean_query(params.get("q", "")),
        filters=filters,
        sort=sort if sort in SORTS else "relevance",
        page=min(max(page, 1), max_page(page_size)),
        page_size=page_size,
    )
