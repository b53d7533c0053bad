"""iCalendar (RFC 5545) output for events, built with the icalendar library."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def event_uid(event, request):
    # The translation key is stable across edits, moves and slug changes, so a
    # subscribed calendar updates the event instead of adding a copy.
    return (
        f"{event.translation_key}-{event.locale.language_code}@{request.get_host().split(':')[0]}"
    )


def build_event(event, request):
    entry = Event()
    entry.add("uid", event_uid(event, request))
    entry.add("dtstamp", event.last_published_at or timezone.now())
    entry.add("summary", event.title)
    if event.all_day:
        entry.add("dtstart", event.start_date)
        # DTEND of an all-day event is exclusive: the day after the last day.
        entry.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", event.local_start())
        entry.add("dtend", event.local_end())
    description = "\n\n".join(
        part for part in (event.intro, event.organiser and f"Organiser: {event.organiser}") if part
    )
    if description:
        entry.add("description", description)
    if event.place:
        entry.add("location", event.place)
    elif event.online_url:
        entry.add("location", event.online_url)
    entry.add("url", event.get_full_url(request=request))
    entry.add("categories", [event.get_event_type_display()])
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    return entry


def calendar_response(request, events, *, filename, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Procurement of Innovation Platform//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(build_event(event, request))
    # VTIMEZONE components for every TZID used, so clients need no tz database.
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
