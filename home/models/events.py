import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from cms.paging import paginate

from ..admin_widgets import DateInputBelowField, TimeInputBelowField, TimeZoneSelect
from ..term_names import in_shown_order
from .base import BasePage, BodyPage, listing_image_renditions
from .taxonomy import Country, Topic

TIME_ZONE_CHOICES = sorted(
    (name, name.replace("_", " ")) for name in zoneinfo.available_timezones()
)


class EventType(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Workshop")


class EventPageQuerySet(PageQuerySet):
    def for_listing(self, locale):
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("listing_image", "country", "locale")
            .prefetch_related(listing_image_renditions())
        )

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class EventPage(RoutablePageMixin, BodyPage):
    """An event. Editors type dates and times as printed on the programme, in the
    event's own time zone; starts_at/ends_at keep the same instants in UTC for
    sorting, filtering and calendars."""

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Local time at the event, in the time zone above"),
    )
    end_date = models.DateField(_("end date"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all-day event"), default=False)
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/Brussels"
    )
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    event_type = models.CharField(_("event type"), max_length=20, choices=EventType.choices)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="events")

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = (
        BodyPage.content_panels[:1]
        + [
            MultiFieldPanel(
                [
                    # Zone and all-day first: the calendar that opens under a
                    # date field would otherwise cover them.
                    FieldPanel("time_zone", widget=TimeZoneSelect),
                    FieldPanel("all_day"),
                    FieldRowPanel(
                        [
                            FieldPanel("start_date", widget=DateInputBelowField),
                            FieldPanel("start_time", widget=TimeInputBelowField),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("end_date", widget=DateInputBelowField),
                            FieldPanel("end_time", widget=TimeInputBelowField),
                        ]
                    ),
                ],
                heading=_("When"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("venue"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                    FieldPanel("online_url"),
                ],
                heading=_("Where"),
            ),
            FieldPanel("event_type"),
            FieldPanel("organiser"),
            FieldPanel("registration_url"),
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        ]
        + BodyPage.content_panels[1:]
    )

    search_fields = BodyPage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("organiser"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("event_type"),
        index.FilterField("country_id"),
    ]
    api_fields = BodyPage.api_fields + [
        APIField("start_date", writable=True),
        APIField("start_time", writable=True),
        APIField("end_date", writable=True),
        APIField("end_time", writable=True),
        APIField("all_day", writable=True),
        APIField("time_zone", writable=True),
        APIField("starts_at"),  # computed from the dates, times and zone
        APIField("ends_at"),
        APIField("event_type", writable=True),
        APIField("venue", writable=True),
        APIField("city", writable=True),
        APIField("country", writable=True),
        APIField("online_url", writable=True),
        APIField("registration_url", writable=True),
        APIField("organiser", writable=True),
        APIField("topics", writable=True),
    ]

    api_select_related = (*BodyPage.api_select_related, "country")

    @classmethod
    def api_prefetch(cls):
        return (*super().api_prefetch(), "topics")

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_start(self):
        if self.all_day or self.start_time is None:
            return None
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=self.tz)

    def local_end(self):
        if self.all_day or self.end_time is None:
            return None
        return datetime.datetime.combine(self.end_date, self.end_time, tzinfo=self.tz)

    def compute_instants(self):
        """UTC start and end; an all-day event runs from its first midnight to the
        midnight after its last day, in its own time zone."""
        if self.all_day:
            start = datetime.datetime.combine(self.start_date, datetime.time.min, tzinfo=self.tz)
            end = datetime.datetime.combine(
                self.end_date + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.tz
            )
        else:
            start, end = self.local_start(), self.local_end()
        return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.venue or self.city)

    @property
    def place(self):
        """Venue, city and country as one line; "European level" is not a place."""
        country = self.country.shown_name if self.country and self.country.code != "EU" else ""
        return ", ".join(part for part in (self.venue, self.city, country) if part)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.all_day:
            self.start_time = self.end_time = None
        else:
            if self.start_time is None:
                errors["start_time"] = _("Give a start time, or tick “all-day event”.")
            if self.end_time is None:
                errors["end_time"] = _("Give an end time, or tick “all-day event”.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if not errors and self.start_date and self.end_date:
            start, end = self.compute_instants()
            if end < start:
                errors["end_time"] = _("The event cannot end before it starts.")
        if not self.venue and not self.online_url and not self.city:
            errors["venue"] = _("Give a venue or city, or an online link.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start_date and self.end_date:
            self.starts_at, self.ends_at = self.compute_instants()
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Revisions predate the computed instants only if their fields changed;
        # recompute so previews and scheduled publishing stay consistent.
        page = super().with_content_json(content)
        if page.start_date and page.end_date:
            page.starts_at, page.ends_at = page.compute_instants()
        return page

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("event.ics/")
    def ical(self, request):
        from home.calendar import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics", name=self.title)


class EventIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return EventPage.objects.child_of(self).for_listing(self.locale)

    @path("")
    def index(self, request):
        past = request.GET.get("past") == "1"
        events = self.events()
        events = events.past() if past else events.upcoming()
        country = event_type = None
        if code := request.GET.get("country"):
            country = get_object_or_404(Country, code=code.upper())
            events = events.filter(country=country)
        if event_type := request.GET.get("type"):
            # An unknown filter value names a listing that does not exist.
            if event_type not in EventType.values:
                raise Http404(_("Unknown event type."))
            events = events.filter(event_type=event_type)
        return self.render(
            request,
            context_overrides={
                "events": paginate(request, events, settings.EVENTS_PAGE_SIZE),
                "past": past,
                "selected_country": country,
                "selected_type": event_type,
                **self.filter_choices(),
            },
        )

    def filter_choices(self):
        return {
            "countries": in_shown_order(
                Country.objects.filter(events__in=self.events().values("pk")).distinct()
            ),
            "event_types": EventType.choices,
        }

    @path("feed.ics/")
    def ical_feed(self, request):
        from home.calendar import calendar_response

        since = timezone.now() - datetime.timedelta(days=365)
        events = self.events().filter(ends_at__gte=since).order_by("starts_at")
        return calendar_response(request, events, filename="events.ics", name=self.title)
