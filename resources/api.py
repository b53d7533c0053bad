"""API v3 (django-ninja) router for the Resource Centre: the same search, filters
and facets as /resources/, as JSON."""

import datetime
from typing import Literal

from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BaseModel, model_validator
from wagtail.api.v3.errors import ProblemDetail

from search.faceted import SORTS, UnknownFacetValue
from search.service import MAX_RESULTS_DEPTH, faceted_search, max_page, query_from_params

from .api_data import resource_data
from .facets import FACETS
from .models import Resource, ResourceType
from .views import visible_resources

router = Router()

# The answers are built as plain dicts (api_data.py), so they are described with
# pydantic's BaseModel: ninja's Schema first wraps every nested object in a
# getter for model instances, which cost 1.5 ms of a search answer's
# validation instead of 0.2 (bench/README.md).


class NamedValue(BaseModel):
    value: str
    label: str


class ResourceOut(BaseModel):
    id: int
    title: str
    slug: str
    url: str = Field(description="Absolute URL of the resource's page")
    summary: str
    resource_type: NamedValue
    topics: list[NamedValue]
    countries: list[NamedValue]
    languages: list[NamedValue]
    procurement_types: list[NamedValue]
    publisher: str
    publication_date: datetime.date | None
    file_url: str | None = Field(
        description="The resource's file, served through a permission check"
    )
    external_url: str
    tags: list[str]
    featured: bool
    highlight: str | None = Field(
        None, description="Matching text with <mark> around the words searched for"
    )


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(BaseModel):
    name: str
    label: str
    values: list[FacetValueOut]


class ResourceSearchOut(BaseModel):
    count: int = Field(description="How many resources match")
    page: int
    page_size: int
    num_pages: int
    backend: Literal["opensearch", "elasticsearch", "database"] = Field(
        description="Which search implementation answered"
    )
    notice: str = Field(description="Set when the engine was down and the database answered")
    facets: list[FacetOut]
    items: list[ResourceOut]


class ResourceSearchParams(Schema):
    q: str = Field("", max_length=10_000, description="Words to search for")
    type: list[Literal[tuple(ResourceType.values)]] = Field([], description="Resource types (OR)")
    topic: list[str] = Field([], description="Topic slugs (OR)")
    country: list[str] = Field([], description="ISO country codes; EU for European level (OR)")
    language: list[str] = Field([], description="ISO 639-1 language codes (OR)")
    procurement: list[Literal["ppi", "pcp"]] = Field([], description="Procurement types (OR)")
    year: list[int] = Field([], description="Publication years (OR)")
    sort: Literal[SORTS] = "relevance"
    page: int = Field(
        1, ge=1, description=f"Pages reach {MAX_RESULTS_DEPTH:,} results deep at most"
    )
    page_size: int = Field(20, ge=1, le=100)

    @model_validator(mode="after")
    def check_depth(self):
        if self.page > max_page(self.page_size):
            raise ValueError(
                f"page times page_size may not exceed {MAX_RESULTS_DEPTH:,}: with page_size "
                f"{self.page_size}, the last page is {max_page(self.page_size)}."
            )
        return self


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
    raw = QueryDict(mutable=True)
    for name in ("q", "sort", "page"):
        raw[name] = str(getattr(params, name))
    for spec in FACETS:
        raw.setlist(spec.name, [str(value) for value in getattr(params, spec.name)])
    query = query_from_params(raw, FACETS, page_size=params.page_size)
    try:
        results = faceted_search(visible_resources(request), FACETS, query)
    except UnknownFacetValue as error:
        raise HttpError(400, str(error)) from error
    return {
        "count": results.total,
        "page": query.page,
        "page_size": query.page_size,
        "num_pages": results.num_pages,
        "backend": results.backend,
        "notice": str(results.notice),
        "facets": [
            {
                "name": facet.name,
                "label": facet.label,
                "values": [vars(value) for value in facet.values],
            }
            for facet in results.facets
        ],
        "items": resource_data(results.items, request, results.highlights),
    }


@router.get(
    "/{resource_id}/",
    response={200: ResourceOut, 404: ProblemDetail},
    summary="Get a resource",
    operation_id="resources_detail",
)
def get_resource(request: HttpRequest, resource_id: int):
    resource = get_object_or_404(Resource.objects.visible(), pk=resource_id)
    return resource_data([resource], request)[0]
