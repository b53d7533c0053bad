"""API v3 (django-ninja) router for events: list by date range, country and type.

Wagtail's own /api/v3/pages/ lists events too, but cannot filter on a date range;
front ends building an agenda use this endpoint. Each event comes with its
body and image, read for a whole page of events at once.
"""

import datetime
from typing import Literal

from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from pydantic import model_validator
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.errors import ProblemDetail

from cms.api_auth import READ_AUTH
from cms.api_errors import BadValue
from cms.api_fields import want_references
from cms.api_pagination import Paging, paged
from cms.api_references import ImageOut, References, RenditionSpec
from cms.api_streamfield import stream_type, stream_value
from cms.ids import PlainId
from cms.locales import locale_named
from home.models import Country, EventPage, EventType

EventBody = stream_type(EventPage.body.field.stream_block)

router = Router(auth=READ_AUTH)


class CountryOut(Schema):
    code: str
    name: str


class TopicOut(Schema):
    slug: str
    name: str


class EventOut(Schema):
    id: int
    title: str
    slug: str
    html_url: str = Field(description="Absolute URL of the event page")
    ical_url: str = Field(description="Absolute URL of the event's .ics file")
    locale: str
    intro: str
    image: ImageOut | None = Field(description="The listing image, in the sizes asked for")
    body: EventBody
    event_type: Literal[tuple(EventType.values)]
    starts_at: datetime.datetime = Field(description="Start, in UTC")
    ends_at: datetime.datetime = Field(description="End, in UTC")
    start_date: datetime.date
    end_date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    all_day: bool
    time_zone: str
    venue: str
    city: str
    country: CountryOut | None
    online_url: str
    registration_url: str
    organiser: str
    topics: list[TopicOut]

    @staticmethod
    def resolve_html_url(obj, context):
        return obj.get_full_url(request=context["request"])

    @staticmethod
    def resolve_image(obj, context):
        return References.for_request(context["request"]).image(obj.listing_image_id)

    @staticmethod
    def resolve_body(obj, context):
        return stream_value(EventPage.body.field.stream_block, obj.body, context["request"])

    @staticmethod
    def resolve_ical_url(obj, context):
        return obj.get_full_url(request=context["request"]) + "event.ics"

    @staticmethod
    def resolve_locale(obj):
        return obj.locale.language_code

    @staticmethod
    def resolve_topics(obj):
        return list(obj.topics.all())


class EventFilters(Schema):
    date_from: datetime.date | None = Field(
        None, description="Only events that end on or after this day (YYYY-MM-DD, UTC)"
    )
    date_to: datetime.date | None = Field(
        None, description="Only events that start on or before this day (YYYY-MM-DD, UTC)"
    )
    country: str | None = Field(
        None, description="ISO 3166-1 alpha-2 code; EU for European-level events"
    )
    event_type: Literal[tuple(EventType.values)] | None = None
    locale: str = Field("en", description="Language code of the events to list")
    rendition: list[RenditionSpec] = Field([], description="Image sizes to include")
    rich_text_format: RichTextOutputFormat | None = None

    @model_validator(mode="after")
    def check_range(self):
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to must not be earlier than date_from.")
        return self


def _day_start(day):
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


@router.get(
    "/",
    response={200: paged(EventOut, "EventList"), 400: ProblemDetail, 422: ProblemDetail},
    summary="List events",
    description=(
        "Live, public events ordered by start. Filter by a date range (an event is "
        "included when it overlaps the range), country, type and language."
    ),
    operation_id="events_list",
)
def list_events(
    request: HttpRequest,
    filters: EventFilters = Query(...),  # noqa: B008
    paging: Paging = Query(...),  # noqa: B008
):
    locale = locale_named(filters.locale)
    events = (
        EventPage.objects.for_listing(locale)
        .select_related("locale")
        .prefetch_related("topics")
        .order_by("starts_at", "pk")
    )
    if filters.date_from:
        # ends_at is exclusive (an all-day event ends at the next midnight), so an
        # event ending exactly as the day begins is over before it; a zero-length
        # event at that instant still belongs to the day.
        day_start = _day_start(filters.date_from)
        events = events.filter(Q(ends_at__gt=day_start) | Q(starts_at__gte=day_start))
    if filters.date_to:
        events = events.filter(
            starts_at__lt=_day_start(filters.date_to + datetime.timedelta(days=1))
        )
    if filters.country:
        country = Country.objects.filter(code=filters.country.upper()).first()
        if country is None:
            raise BadValue("country", f"Unknown country code “{filters.country}”.")
        events = events.filter(country=country)
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    count, window = paging.window(events)
    want_references(window, request)
    return {"count": count, "items": window}


class EventShape(Schema):
    rendition: list[RenditionSpec] = Field([], description="Image sizes to include")
    rich_text_format: RichTextOutputFormat | None = None


@router.get(
    "/{event_id}/",
    response={200: EventOut, 404: ProblemDetail},
    summary="Get an event",
    operation_id="events_detail",
)
def get_event(request: HttpRequest, event_id: PlainId, shape: EventShape = Query(...)):  # noqa: B008
    queryset = EventPage.objects.live().public().select_related("locale", "country")
    return get_object_or_404(queryset, pk=event_id)
