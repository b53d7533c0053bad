"""API v3: one facet's values matching a prefix, with their counts under the
current selection (`/api/v3/resources/facets/{facet}/`), for a front end's
filter box over a long list. Added to the Resource Centre's router
(resources/api.py), whose filters it takes."""

from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query
from pydantic import BaseModel
from wagtail.api.v3.errors import ProblemDetail

from cms.api_errors import BadValue
from search.facet_values import matching
from search.faceted import UnknownFacetValue
from search.service import facet_values

from .api import FacetValueOut, ResourceFilters, query_of, resources_in, router
from .facets import FACETS


class FacetValuesParams(ResourceFilters):
    prefix: str = Field(
        "",
        max_length=200,
        description="Only values whose code or a word of whose label begins with this "
        "(any case, accents ignored)",
    )
    limit: int = Field(20, ge=1, description="Items per answer")
    offset: int = Field(0, ge=0, description="How many items to skip")


class FacetValuesOut(BaseModel):
    count: int = Field(description="How many values match the prefix")
    items: list[FacetValueOut]
    name: str
    label: str
    backend: Literal["opensearch", "elasticsearch", "database"] = Field(
        description="Which search implementation answered"
    )
    notice: str = Field(description="Set when the engine was down and the database answered")


@router.get(
    "/facets/{facet}/",
    response={200: FacetValuesOut, 400: ProblemDetail, 422: ProblemDetail},
    summary="Search one facet's values",
    description=(
        "The values of one facet that match a prefix, with how many resources each would "
        "give under the current selection: the words and every other facet's filters "
        "(this facet's own selection is marked, not applied), as the search's facets count."
    ),
    operation_id="resources_facet_values",
)
def search_facet_values(
    request: HttpRequest,
    facet: Literal[tuple(spec.name for spec in FACETS)],
    params: FacetValuesParams = Query(...),  # noqa: B008
):
    query = query_of(params, page_size=0)
    resources, language = resources_in(params.locale)
    with translation.override(language):  # the labels the prefix is matched against
        try:
            found, backend, notice = facet_values(
                resources, FACETS, query, facet, language=language
            )
        except UnknownFacetValue as error:
            raise BadValue(error.parameter, str(error)) from error
        values = matching(found.values, params.prefix)
    return {
        "count": len(values),
        "items": [vars(value) for value in values[params.offset : params.offset + params.limit]],
        "name": found.name,
        "label": found.label,
        "backend": backend,
        "notice": str(notice),
    }
