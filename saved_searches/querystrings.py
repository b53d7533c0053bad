"""A Resource Centre search as a query string: the words and the filters of
the page's parameters, and nothing else (no page, no sort), always written
the same way, so that one search saved twice is one search."""

from django.http import QueryDict
from django.utils.http import urlencode

from resources.facets import FACETS
from resources.models import Resource
from search.faceted import FacetedSearch, SearchQuery
from search.service import query_from_params


def parse(params, page_size=20) -> SearchQuery:
    """The search a query dict asks for, as the Resource Centre reads it."""
    return query_from_params(params, FACETS, page_size=page_size)


def normalise(params):
    """(query string, SearchQuery) for a query dict, the filters checked:
    UnknownFacetValue for a value no facet has."""
    query = parse(params)
    FacetedSearch(Resource.objects.none(), FACETS).validate(query)
    pairs = [("q", query.text)] if query.text else []
    for spec in FACETS:  # the taxonomy's order, each facet's values sorted
        pairs.extend((spec.name, value) for value in query.filters.get(spec.name, []))
    return urlencode(pairs), query


def saved_query(saved, page_size=20, sort="newest") -> SearchQuery:
    query = parse(QueryDict(saved.query), page_size=page_size)
    query.sort = sort
    return query


def describe(query, quote=True):
    """What a search asks for, in words: its text (in quotes) and "Facet:
    values" per filter."""
    labels = {spec.name: spec for spec in FACETS}
    parts = [f"“{query.text}”" if quote else query.text] if query.text else []
    for name, values in query.filters.items():
        spec = labels[name]
        known = spec.labels()
        parts.append(f"{spec.label}: {', '.join(known.get(value, value) for value in values)}")
    return parts
