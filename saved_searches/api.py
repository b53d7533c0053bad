"""API v3: a member's saved Resource Centre searches, what
/members/me/searches/ and the "Save this search" form do for the pages, at
/api/v3/members/me/saved-searches/.

Every operation, reads included, acts for a signed-in member as the Forum's
writes do (a personal access token, or the session with its CSRF token):
there is nothing here for anonymous callers (401), and another member's
search is not found (404), never forbidden, so its existence does not leak.
The rules are the page's: the search is checked and written by
saved_searches/querystrings.py and saved by saved_searches/saving.py, whose
refusals answer 409 (already saved, the limit reached) or 400 (too long)
with the reason in `errors[].type`; names and frequencies go through the
page's form."""

import datetime
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from ninja import Field, Query, Router, Schema, Status
from pydantic import BaseModel, ConfigDict, create_model
from wagtail.api.v3.errors import ProblemDetail

from cms.absolute_urls import absolute_url
from cms.api_auth import WRITE_AUTH
from cms.api_contract import leave_out_defaults
from cms.api_errors import BadValue, InvalidForm, Refusal
from cms.api_pagination import Paging, paged
from cms.ids import PlainId
from cms.locales import locale_named
from resources.api import ResourceSelection, query_of, selection_of
from search.faceted import UnknownFacetValue

from .forms import SavedSearchForm
from .links import feed_path
from .models import Frequency, SavedSearch
from .querystrings import checked, describe, saved_query
from .saving import NAME_LENGTH, Refused, default_name, own_search, save_search

router = Router(auth=WRITE_AUTH)

# The errors every operation may answer are listed by cms/api_contract.py;
# only saving adds one.
CONFLICT = {409: ProblemDetail}
BODY = ("body", "data")
FILTERS = (*BODY, "filters")
# What a refusal of saving.py answers, and the part of the body it is about.
REFUSALS = {
    Refused.TOO_LONG: (400, FILTERS),
    Refused.ALREADY_SAVED: (409, FILTERS),
    Refused.LIMIT_REACHED: (409, BODY),
}
FREQUENCIES = Literal[tuple(Frequency.values)]
FREQUENCY_HELP = "daily or weekly: an email of the new resources it finds; never: the feed only"


# Bodies: what a caller leaves out is its default (no words, no filter, …),
# and an unknown key is refused (422), not ignored.
BODY_CONFIG = ConfigDict(extra="forbid", json_schema_extra=leave_out_defaults)


class SavedSearchFiltersIn(ResourceSelection):
    """The search's words and filters, with the names, values and checks of
    GET /api/v3/resources/ (without its language, paging and sort); leave
    out what does not filter."""

    model_config = BODY_CONFIG


# As answered: every parameter present.
SavedSearchFilters = create_model(
    "SavedSearchFilters",
    __doc__="The search's words and filters, as GET /api/v3/resources/ takes them.",
    **{
        name: (field.annotation, Field(description=field.description))
        for name, field in SavedSearchFiltersIn.model_fields.items()
    },
)


class SavedSearchIn(Schema):
    model_config = BODY_CONFIG

    filters: SavedSearchFiltersIn = Field(
        description="What it searches for; `{}` for every resource"
    )
    name: str = Field(
        "",
        max_length=NAME_LENGTH,
        description="Left out or empty: made of the words and filters, in the search's language",
    )
    frequency: FREQUENCIES = Field(
        Frequency.WEEKLY.value, description=f"{FREQUENCY_HELP}; weekly if left out"
    )
    locale: str | None = Field(
        None,
        description="Language code: the resources it finds, its emails and its feed are in "
        "this language; the site's if left out",
    )


class SavedSearchChange(Schema):
    model_config = BODY_CONFIG

    name: str | None = Field(None, max_length=NAME_LENGTH, description="Left out: kept")
    frequency: FREQUENCIES | None = Field(None, description=f"{FREQUENCY_HELP}; left out: kept")


class SavedSearchOut(BaseModel):
    id: int
    name: str
    frequency: FREQUENCIES = Field(description=FREQUENCY_HELP)
    locale: str = Field(description="Language code of the resources it finds")
    filters: SavedSearchFilters
    criteria: list[str] = Field(description="What it asks for, in words, in its language")
    created_at: datetime.datetime
    last_sent_at: datetime.datetime | None = Field(
        description="When its last alert email was sent; null until one is"
    )
    html_url: str = Field(description="Absolute URL of the Resource Centre page showing it")
    search_api_url: str = Field(
        description="Absolute URL of GET /api/v3/resources/ running it, in its language"
    )
    feed_url: str = Field(
        description="Absolute URL of its Atom feed: private (anyone with it reads the feed "
        "without signing in) until given a new one"
    )


SavedSearchList = paged(SavedSearchOut, "SavedSearchList")


def saved_search_data(saved, request):
    query = saved_query(saved)
    with translation.override(saved.language):
        criteria = describe(query)
    # The resources API answers in the site's language unless told the search's.
    api_query = "&".join(
        part for part in (saved.query, urlencode({"locale": saved.language})) if part
    )
    return {
        "id": saved.pk,
        "name": saved.name,
        "frequency": saved.frequency,
        "locale": saved.language,
        "filters": selection_of(query),
        "criteria": criteria,
        "created_at": saved.created_at,
        "last_sent_at": saved.last_sent_at,
        "html_url": absolute_url(saved.search_url(), request),
        "search_api_url": absolute_url(
            f"{reverse('wagtailapi_v3:search_resources')}?{api_query}", request
        ),
        "feed_url": absolute_url(feed_path(saved), request),
    }


@router.get(
    "/",
    response=SavedSearchList,
    summary="List your saved searches",
    operation_id="saved_searches_list",
)
def list_saved_searches(request: HttpRequest, paging: Paging = Query(...)):  # noqa: B008
    count, window = paging.window(SavedSearch.objects.filter(user=request.user))
    return {"count": count, "items": [saved_search_data(saved, request) for saved in window]}


@router.post(
    "/",
    response={201: SavedSearchOut, **CONFLICT},
    summary="Save a search",
    description=(
        "Saves the words and filters of a Resource Centre search, checked as "
        "GET /api/v3/resources/ checks them (an unknown value is a 400 naming it). "
        "Refused with 409 when the same search (the same filters in the same language, "
        "whatever their order or case) is saved already (`errors[0].type` "
        "`already_saved`) or when SAVED_SEARCHES_PER_MEMBER are (`limit_reached`); "
        "with 400 `too_long` when it is too long to keep."
    ),
    operation_id="saved_search_create",
)
def create_saved_search(request: HttpRequest, data: SavedSearchIn):
    language = locale_named(data.locale, where=BODY).language_code
    query = query_of(data.filters, where=FILTERS)
    try:
        query_string = checked(query)
    except UnknownFacetValue as error:
        raise BadValue(error.parameter, str(error), where=FILTERS) from error
    with translation.override(language):
        name = data.name.strip() or default_name(query)
    form = SavedSearchForm({"name": name, "frequency": data.frequency})
    if not form.is_valid():
        raise InvalidForm(form)
    try:
        saved = save_search(request.user, query_string, language, **form.cleaned_data)
    except Refused as refused:
        status, about = REFUSALS[refused.reason]
        raise Refusal(status, refused.reason, about, refused.message) from refused
    return Status(201, saved_search_data(saved, request))


@router.get(
    "/{saved_search_id}/",
    response=SavedSearchOut,
    summary="Get one of your saved searches",
    operation_id="saved_search_detail",
)
def get_saved_search(request: HttpRequest, saved_search_id: PlainId):
    return saved_search_data(own_search(request.user, saved_search_id), request)


@router.patch(
    "/{saved_search_id}/",
    response=SavedSearchOut,
    summary="Rename a saved search or change its emails",
    description="The search itself stays as saved: save another for other filters.",
    operation_id="saved_search_update",
)
def update_saved_search(request: HttpRequest, saved_search_id: PlainId, data: SavedSearchChange):
    saved = own_search(request.user, saved_search_id)
    changes = data.dict(exclude_none=True)
    form = SavedSearchForm(
        {"name": saved.name, "frequency": saved.frequency, **changes}, instance=saved
    )
    if not form.is_valid():
        raise InvalidForm(form)
    return saved_search_data(form.save(), request)


@router.delete(
    "/{saved_search_id}/",
    response={204: None},
    summary="Delete a saved search",
    description="Its emails stop and its feed address no longer works.",
    operation_id="saved_search_delete",
)
def delete_saved_search(request: HttpRequest, saved_search_id: PlainId):
    own_search(request.user, saved_search_id).delete()
    return Status(204, None)


@router.post(
    "/{saved_search_id}/feed/",
    response=SavedSearchOut,
    summary="Give a saved search's feed a new address",
    description="The old address stops working at once (for a feed address that was shared).",
    operation_id="saved_search_new_feed_address",
)
def new_feed_address(request: HttpRequest, saved_search_id: PlainId):
    saved = own_search(request.user, saved_search_id)
    saved.renew_feed_key()
    return saved_search_data(saved, request)
