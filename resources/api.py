"""API v3 (django-ninja) router for the Resource Centre: the same search, filters
and facets as /resources/, as JSON, in the list shape every v3 list shares
(`limit`/`offset` in, `count`/`items` out, the facets beside them)."""

import datetime
from dataclasses import asdict
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel, create_model
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import ProblemDetail

from cms.api_auth import READ_AUTH
from cms.api_errors import BadValue
from cms.api_references import ImageOut, RenditionSpec
from cms.ids import PlainId
from cms.locales import locale_named
from search.facet_values import histogram, matching
from search.faceted import SORTS, SearchQuery, UnknownFacetValue
from search.query import clean_query
from search.ranges import HIGHEST, LOWEST, order_error
from search.service import MAX_RESULTS_DEPTH, faceted_search, selected_values

from .api_data import held_taxonomy_values, resource_data
from .facets import FACETS, RANGED, SEARCHABLE
from .models import Resource, ResourceType
from .taxonomies import TAXONOMIES

router = Router(auth=READ_AUTH)

# The answers are built as plain dicts (api_data.py), so they are described with
# pydantic's BaseModel: ninja's Schema first wraps every nested object in a
# getter for model instances, which cost 1.5 ms of a search answer's
# validation instead of 0.2 (bench/README.md).


class NamedValue(BaseModel):
    value: str = Field(description="The code or slug to filter with")
    label: str


class TagValue(BaseModel):
    slug: str
    name: str


class _ResourceHead(BaseModel):
    id: int
    title: str
    slug: str
    locale: str = Field(description="Language code of this resource")
    html_url: str = Field(description="Absolute URL of the resource's page")
    summary: str
    body: str = Field(description="Rich text (HTML unless rich_text_format says otherwise)")
    thumbnail: ImageOut | None
    resource_type: NamedValue


# Each taxonomy's terms, in the declaration's order (resources/taxonomies.py).
_ResourceTerms = create_model(
    "_ResourceTerms",
    __base__=_ResourceHead,
    **{taxonomy.relation: (list[NamedValue], ...) for taxonomy in TAXONOMIES},
)


class ResourceOut(_ResourceTerms):
    publisher: str
    publication_date: datetime.date | None
    file_url: str | None = Field(
        description="The resource's file, served through a permission check"
    )
    external_url: str
    tags: list[TagValue]
    featured: bool
    highlight: str | None = Field(
        None, description="Matching text with <mark> around the words searched for"
    )


class DraftMeta(BaseModel):
    live: bool = Field(description="Whether the resource is published")
    has_unpublished_changes: bool = Field(
        description="Whether a draft newer than the published version exists"
    )
    revision_id: int | None = Field(
        description="The latest saved revision when the preview was made"
    )


class ResourcePreviewOut(ResourceOut):
    """A resource as an editor previews it (GET /api/v3/preview/)."""

    type: Literal["resources.Resource"]
    meta: DraftMeta


def resource_preview(draft, request):
    data = resource_data([draft], request, terms=held_taxonomy_values(draft))[0]
    data["type"] = "resources.Resource"
    data["meta"] = {
        "live": draft.live,
        "has_unpublished_changes": draft.has_unpublished_changes,
        "revision_id": draft.api_revision_id,
    }
    return data


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(BaseModel):
    name: str = Field(description="The query parameter that filters on it")
    label: str
    values: list[FacetValueOut]


class FilterDropOut(BaseModel):
    parameter: str = Field(
        description="The query parameter to leave out: a facet's, or `q` for the words"
    )
    values: list[str] = Field(description="The values selected in it; the drop removes them all")
    label: str = Field(description="What is dropped, for people, e.g. “Country: Finland”")
    count: int = Field(description="How many resources match without it, the rest kept")
    parameters: list[str] = Field(
        description=(
            "Every query parameter to leave out for it: `parameter`, and for a facet "
            "selected as a range, its bounds too (`year`, `year_from`, `year_to`)"
        )
    )


class SpellingOut(BaseModel):
    text: str = Field(description="The words, corrected: search for them as `q`")
    count: int = Field(description="How many resources they match, the filters kept")


class ZeroResultsHelpOut(BaseModel):
    drop_filters: list[FilterDropOut] = Field(
        description=(
            "Each selected filter whose removal finds something, most resources first. "
            "A facet is dropped with all its values: they are OR-ed, so dropping one of "
            "them can only find fewer."
        )
    )
    spelling: SpellingOut | None = Field(
        description="A correction of the words, given only when it finds something"
    )


class BarOut(BaseModel):
    value: int
    count: int = Field(description="How many resources have this value")
    in_range: bool = Field(description="Whether the range asked for includes it")


class HistogramOut(BaseModel):
    name: str = Field(description="The facet; `<name>_from` and `<name>_to` select a range of it")
    label: str
    bars: list[BarOut] = Field(
        description="Every value from the lowest to the highest with resources, ascending, "
        "counted under every other facet's filters (as the facet's counts are)"
    )


class ResourceSearchOut(BaseModel):
    count: int = Field(description="How many resources match")
    items: list[ResourceOut]
    facets: list[FacetOut]
    histograms: list[HistogramOut] = Field(description="The facets that take a range, as bars")
    backend: Literal["opensearch", "elasticsearch", "database"] = Field(
        description="Which search implementation answered"
    )
    notice: str = Field(description="Set when the engine was down and the database answered")
    suggestions: ZeroResultsHelpOut | None = Field(
        description="Only when nothing matches the words or filters: what would find something"
    )


class _SearchHead(Schema):
    q: str = Field("", max_length=10_000, description="Words to search for")
    type: list[Literal[tuple(ResourceType.values)]] = Field([], description="Resource types (OR)")


# A parameter per taxonomy. Their values are terms editors add and remove, so
# they are checked against the terms by the search (an unknown one is a 400
# naming the parameter), not fixed in the document.
_SearchTerms = create_model(
    "_SearchTerms",
    __base__=_SearchHead,
    **{
        taxonomy.parameter: (list[str], Field([], description=taxonomy.description))
        for taxonomy in TAXONOMIES
    },
)


def _bound(spec, which):
    return (
        int | None,
        Field(
            None,
            ge=LOWEST,
            le=HIGHEST,
            description=f"{spec.label} {which} (inclusive); with `{spec.name}` both apply",
        ),
    )


# The range parameters of the facets that take one (`year_from`, `year_to`).
_SearchRanges = create_model(
    "_SearchRanges",
    __base__=_SearchTerms,
    **{
        parameter: _bound(spec, which)
        for spec in RANGED
        for parameter, which in zip(spec.range_parameters, ("from", "to"), strict=True)
    },
)


class ResourceSelection(_SearchRanges):
    """The words and every facet's filters: what a saved search keeps too."""

    year: list[int] = Field([], description="Publication years (OR)")


class ResourceFilters(ResourceSelection):
    """What selects resources: the selection, in a language."""

    locale: str | None = Field(
        None,
        description=(
            "Language code of the resources, and of the labels; the site's language by default"
        ),
    )


# A search of the values listed for each long facet (`topic_q`, `country_q`, ...).
_SearchWithin = create_model(
    "_SearchWithin",
    __base__=ResourceFilters,
    **{
        spec.search_parameter: (
            str,
            Field(
                "",
                max_length=200,
                description=f"List only the {spec.label} values whose code or a word of "
                "whose label begins with this",
            ),
        )
        for spec in SEARCHABLE
    },
)


class ResourceSearchParams(_SearchWithin):
    sort: Literal[SORTS] = "relevance"
    limit: int = Field(20, ge=1, description="Items per answer")
    offset: int = Field(
        0, ge=0, description=f"How many to skip; offset + limit reach {MAX_RESULTS_DEPTH:,} at most"
    )
    rendition: list[RenditionSpec] = Field([], description="Thumbnail sizes to include")
    rich_text_format: RichTextOutputFormat | None = None


def resources_in(locale_code):
    """Published resources in a language (the one asked for, or the site's),
    and that language's code: their words are analysed in it."""
    locale = locale_named(locale_code)
    return Resource.objects.visible().filter(locale=locale), locale.language_code


@router.get(
    "/",
    response={200: ResourceSearchOut, 400: ProblemDetail, 422: ProblemDetail},
    summary="Search resources",
    description=(
        "Full-text search with filters and disjunctive facets: values of one facet are "
        "OR-ed, facets are AND-ed, and each facet's counts apply every other facet's "
        "filters but not its own. Repeat a parameter to select several values."
    ),
    operation_id="resources_search",
)
def search_resources(request: HttpRequest, params: ResourceSearchParams = Query(...)):  # noqa: B008
    if params.offset + params.limit > MAX_RESULTS_DEPTH:
        raise BadValue(
            "offset",
            f"offset + limit may not exceed {MAX_RESULTS_DEPTH:,}.",
            kind="out_of_range",
        )
    query = query_of(params, sort=params.sort, page_size=params.limit, offset=params.offset)
    resources, language = resources_in(params.locale)
    # The labels (facets, items, help) in that language, as its page shows them.
    with translation.override(language):
        try:
            results = faceted_search(resources, FACETS, query, language=language)
        except UnknownFacetValue as error:
            raise BadValue(error.parameter, str(error)) from error
        searched = {spec.name: getattr(params, spec.search_parameter) for spec in SEARCHABLE}
        by_name = {facet.name: facet for facet in results.facets}
        return {
            "count": results.total,
            "items": resource_data(results.items, request, results.highlights),
            "facets": [
                {
                    "name": facet.name,
                    "label": facet.label,
                    "values": [
                        vars(value)
                        for value in matching(facet.values, searched.get(facet.name, ""))
                    ],
                }
                for facet in results.facets
            ],
            "histograms": [
                {
                    "name": spec.name,
                    "label": str(spec.label),
                    "bars": [
                        vars(bar)
                        for bar in histogram(by_name[spec.name], query.ranges.get(spec.name))
                    ],
                }
                for spec in RANGED
            ],
            "backend": results.backend,
            "notice": str(results.notice),
            "suggestions": asdict(results.suggestions) if results.suggestions else None,
        }


def query_of(params: ResourceSelection, where=("query",), **paging):
    """The search a request's filters make. The schema has checked every
    parameter's type and the sort: the query is made of them as they are.
    Facet values are terms editors add and remove, so the search itself
    refuses unknown ones; a range whose ends are the wrong way round is
    refused here (`where` the filters are: BadValue's)."""
    ranges = {}
    for spec in RANGED:
        first, last = spec.range_parameters
        bounds = (getattr(params, first), getattr(params, last))
        error = order_error(*bounds)
        if error:
            raise BadValue(first, error, kind="out_of_range", where=where)
        if bounds != (None, None):
            ranges[spec.name] = bounds
    return SearchQuery(
        text=clean_query(params.q),
        filters=selected_values(
            FACETS, lambda name: [str(value) for value in getattr(params, name)]
        ),
        ranges=ranges,
        **paging,
    )


def selection_of(query: SearchQuery):
    """A search's words and filters as the parameters that make it, every one
    of them present: query_of's inverse."""
    selection = {"q": query.text}
    for spec in FACETS:
        selection[spec.name] = [spec.cast(value) for value in query.filters.get(spec.name, [])]
    for spec in RANGED:
        bounds = query.ranges.get(spec.name, (None, None))
        selection.update(zip(spec.range_parameters, bounds, strict=True))
    return selection


class ResourceShape(Schema):
    rendition: list[RenditionSpec] = Field([], description="Thumbnail sizes to include")
    rich_text_format: RichTextOutputFormat | None = None


@router.get(
    "/{resource_id}/",
    response={200: ResourceOut, 404: ProblemDetail},
    summary="Get a resource",
    operation_id="resources_detail",
)
def get_resource(request: HttpRequest, resource_id: PlainId, shape: ResourceShape = Query(...)):  # noqa: B008
    resource = get_object_or_404(Resource.objects.visible(), pk=resource_id)
    return resource_data([resource], request)[0]
