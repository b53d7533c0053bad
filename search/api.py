"""API v3 router for site-wide search, in the list shape every v3 list shares:
the hits of every kind (pages, resources, Forum posts), kind after kind in
the order /search/ shows them, paged with `limit` and `offset` (or of one
kind with `kind=`), and beside them how many each kind has. Forum hits
depend on who asks: a personal access token or the session says."""

from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema

from cms.absolute_urls import absolute_url
from cms.api_auth import READ_AUTH
from cms.api_pagination import Paging
from cms.locales import locale_named
from search.query import clean_query
from search.sources import sources

router = Router(auth=READ_AUTH)


def kinds():
    return tuple(source.kind for source in sources())


class HitOut(Schema):
    kind: Literal[kinds()] = Field(description="pages, resources or forum")
    title: str
    url: str = Field(description="Absolute URL of what was found")
    summary: str
    type: str = Field(description="What it is, in words (News item, Guidance or tool, …)")


class KindOut(Schema):
    kind: Literal[kinds()]
    label: str
    count: int = Field(description="How many hits this kind has in all")
    more_url: str = Field(description="Where the site lists all of this kind's hits, if anywhere")


class SiteSearchOut(Schema):
    count: int = Field(description="How many hits there are (of kind=, if given)")
    items: list[HitOut]
    query: str = Field(description="The words searched for, after cleaning")
    kinds: list[KindOut]


class SiteSearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=10_000, description="Words to search for")
    kind: Literal[kinds()] | None = Field(None, description="Only hits of this kind")
    locale: str | None = Field(
        None,
        description=(
            "Language code of the pages and resources searched, whose stemming the words "
            "get, and of the labels; the site's language by default"
        ),
    )


@router.get(
    "/", response=SiteSearchOut, summary="Search the whole site", operation_id="site_search"
)
def search(
    request: HttpRequest,
    params: SiteSearchParams = Query(...),  # noqa: B008
    paging: Paging = Query(...),  # noqa: B008
):
    if params.locale is None:
        return search_all(request, params, paging)
    locale_named(params.locale)  # refuses one that does not exist
    # What each kind searches is in the language the request is answered in.
    with translation.override(params.locale):
        return search_all(request, params, paging)


def search_all(request, params, paging):
    query = clean_query(params.q)
    chosen = [s for s in sources() if params.kind in (None, s.kind)] if query else []
    items, counts, seen = [], [], 0
    for source in chosen:
        # Each kind is asked for the part of the window that falls on it.
        offset = max(0, paging.offset - seen)
        room = paging.limit - len(items)
        group = source.search(request, query, room, offset)
        counts.append(group)
        seen += group.count
        items += [
            {**vars(hit), "kind": group.kind, "url": absolute_url(hit.url, request)}
            for hit in group.hits
        ]
    return {
        "count": sum(group.count for group in counts),
        "items": items,
        "query": query,
        "kinds": [
            {
                "kind": group.kind,
                "label": group.label,
                "count": group.count,
                "more_url": absolute_url(group.more_url, request) if group.more_url else "",
            }
            for group in counts
        ],
    }
