"""API v3 router for site-wide search: the same groups as /search/. Forum
hits depend on who asks: a personal access token or the session says."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from home.api_auth import READ_AUTH
from search.query import clean_query
from search.views import site_search

router = Router(auth=READ_AUTH)


class HitOut(Schema):
    title: str
    url: str
    summary: str
    type: str


class HitGroupOut(Schema):
    kind: str = Field(description="pages, resources, …")
    label: str
    count: int = Field(description="How many hits this kind has in all")
    more_url: str = Field(description="Where to see all of this kind's hits, if anywhere")
    hits: list[HitOut]


class SiteSearchOut(Schema):
    query: str = Field(description="The words searched for, after cleaning")
    groups: list[HitGroupOut]


class SiteSearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=10_000, description="Words to search for")
    limit: int = Field(10, ge=1, le=50, description="Hits per kind")


@router.get(
    "/", response=SiteSearchOut, summary="Search the whole site", operation_id="site_search"
)
def search(request: HttpRequest, params: SiteSearchParams = Query(...)):  # noqa: B008
    query = clean_query(params.q)
    groups = site_search(request, query, params.limit) if query else []
    for group in groups:
        for hit in group.hits:
            hit.url = request.build_absolute_uri(hit.url)
    return {"query": query, "groups": groups}
