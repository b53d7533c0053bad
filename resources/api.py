"""API v3 (django-ninja) router for the Resource Centre: the same search, filters
and facets as /resources/, as JSON, in the list shape every v3 list shares
(`limit`/`offset` in, `count`/`items` out, the facets beside them)."""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel, create_model
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Locale

from cms.api_auth import READ_AUTH
from cms.api_errors import BadValue
from cms.api_references import ImageOut, RenditionSpec
from cms.ids import PlainId
from search.faceted import SORTS, SearchQuery, UnknownFacetValue
from search.query import clean_query
from search.service import MAX_RESULTS_DEPTH, faceted_search, selected_values
from search.sources import current_locale

from .api_data import held_taxonomy_values, resource_data
from .facets import FACETS
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


class ResourceSearchOut(BaseModel):
    count: int = Field(description="How many resources match")
    items: list[ResourceOut]
    facets: list[FacetOut]
    backend: Literal["opensearch", "elasticsearch", "database"] = Field(
        description="Which search implementation answered"
    )
    notice: str = Field(description="Set when the engine was down and the database answered")


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


class ResourceSearchParams(_SearchTerms):
    year: list[int] = Field([], description="Publication years (OR)")
    sort: Literal[SORTS] = "relevance"
    locale: str | None = Field(
        None, description="Language code of the resources; the site's language by default"
    )
    limit: int = Field(20, ge=1, description="Items per answer")
    offset: int = Field(
        0, ge=0, description=f"How many to skip; offset + limit reach {MAX_RESULTS_DEPTH:,} at most"
    )
    rendition: list[RenditionSpec] = Field([], description="Thumbnail sizes to include")
    rich_text_format: RichTextOutputFormat | None = None


def resources_in(locale_code):
    """Published resources in a language: the one asked for, or the site's."""
    if locale_code is None:
        locale = current_locale()
    else:
        locale = Locale.objects.filter(language_code=locale_code).first()
        if locale is None:
            raise BadValue("locale", f"Unknown locale “{locale_code}”.")
    return Resource.objects.visible().filter(locale=locale)


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
    # The schema has checked every parameter's type and the sort: the query is
    # made of them as they are. Facet values are terms editors add and remove,
    # so the search itself refuses unknown ones.
    query = SearchQuery(
        text=clean_query(params.q),
        filters=selected_values(
            FACETS, lambda name: [str(value) for value in getattr(params, name)]
        ),
        sort=params.sort,
        page_size=params.limit,
        offset=params.offset,
    )
    try:
        results = faceted_search(
            resources_in(params.locale), FACETS, query, language=params.locale or get_language()
        )
    except UnknownFacetValue as error:
        raise BadValue(error.parameter, str(error)) from error
    return {
        "count": results.total,
        "items": resource_data(results.items, request, results.highlights),
        "facets": [
            {
                "name": facet.name,
                "label": facet.label,
                "values": [vars(value) for value in facet.values],
            }
            for facet in results.facets
        ],
        "backend": results.backend,
        "notice": str(results.notice),
    }


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
