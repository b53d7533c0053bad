"""Admin widgets of the event form: the curated time zone list and date and
time pickers that open below their field."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput

from .time_zones import listed_time_zones, time_zone_choices


class TimeZoneSelect(forms.Select):
    """The event's time zone: the curated groups, searchable with JavaScript
    (static/js/time-zone-search.js); a plain grouped select without it."""

    def __init__(self, attrs=None):
        attrs = {
            "data-time-zone-select": "",
            "data-search-label": _("Search time zones (country or city)"),
            **(attrs or {}),
        }
        super().__init__(attrs)

    def get_context(self, name, value, attrs):
        # The model field's choices (every zone name) would otherwise replace ours.
        choices = time_zone_choices()
        if value and value not in listed_time_zones():
            # A legacy link name saved earlier stays selected rather than silently
            # becoming the first option.
            choices.append((_("Other names"), [(value, value)]))
        self.choices = choices
        return super().get_context(name, value, attrs)

    @property
    def media(self):
        return forms.Media(js=["js/time-zone-search.js"])


class _OpensBelowField:
    """Wagtail's picker flips above its field when the window has no room below,
    and on the event form that covered the all-day switch and the time zone.
    Drawn inside the field's parent, it always opens below (the page scrolls)."""

    def get_config(self):
        return {**super().get_config(), "insideParent": True}


class DateInputBelowField(_OpensBelowField, AdminDateInput):
    def get_config(self):
        # Wagtail closes the calendar on a click only when the admin is translated.
        return {**super().get_config(), "closeOnDateSelect": True}


class TimeInputBelowField(_OpensBelowField, AdminTimeInput):
    pass
