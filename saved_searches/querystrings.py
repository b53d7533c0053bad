"""A Resource Centre search as a query string: the words, the filters and
the ranges of the page's parameters, and nothing else (no page, no sort),
always written the same way, so that one search saved twice is one search.
The page and the API both save through here."""

from django.http import QueryDict
from django.utils.http import urlencode

from resources.facets import FACETS
from resources.models import Resource
from search.faceted import FacetedSearch, SearchQuery
from search.ranges import range_text
from search.service import query_from_params


def parse(params, page_size=20) -> SearchQuery:
    """The search a query dict asks for, as the Resource Centre reads it."""
    return query_from_params(params, FACETS, page_size=page_size)


def parameters(query):
    """[(parameter, value)] of a search, in one order: the words, then each
    facet in the taxonomy's order with its values sorted, then its range."""
    pairs = [("q", query.text)] if query.text else []
    for spec in FACETS:
        pairs.extend((spec.name, value) for value in sorted(query.filters.get(spec.name, [])))
        bounds = query.ranges.get(spec.name, (None, None))
        pairs.extend(
            (name, bound)
            for name, bound in zip(spec.range_parameters, bounds, strict=True)
            if bound is not None
        )
    return pairs


def checked(query):
    """The query string of a search whose filters are checked:
    UnknownFacetValue for a value no facet has."""
    FacetedSearch(Resource.objects.none(), FACETS).validate(query)
    return urlencode(parameters(query))


def normalise(params):
    """(query string, SearchQuery) for a query dict, the filters checked:
    UnknownFacetValue for a value no facet has."""
    query = parse(params)
    return checked(query), query


def saved_query(saved, page_size=20, sort="newest") -> SearchQuery:
    query = parse(QueryDict(saved.query), page_size=page_size)
    query.sort = sort
    return query


def describe(query, quote=True):
    """What a search asks for, in words: its text (in quotes), "Facet:
    values" per filter and "Facet: from to" per range."""
    labels = {spec.name: spec for spec in FACETS}
    parts = [f"“{query.text}”" if quote else query.text] if query.text else []
    for name, values in query.filters.items():
        spec = labels[name]
        known = spec.labels()
        parts.append(f"{spec.label}: {', '.join(known.get(value, value) for value in values)}")
    for name, bounds in query.ranges.items():
        parts.append(f"{labels[name].label}: {range_text(*bounds)}")
    return parts
