"""The time zones an editor picks from for an event.

The list comes from the pinned tzdata package's zone.tab (one line per zone
and country, without the backward-compatibility links such as Africa/Asmera
that zoneinfo.available_timezones() also returns), so nothing is downloaded
and every value stays an IANA name. European zones come first because the
platform's events are mostly in Europe.
"""

import datetime
import functools
import zoneinfo
from importlib.resources import files

from django.utils.translation import gettext_lazy as _

# EU and EEA members: their zones outside "Europe/" (the Canaries, Madeira,
# the Azores, Cyprus, Iceland) belong with the European ones.
# fmt: off
EU_EEA_COUNTRIES = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
})
# fmt: on
UTC = "UTC"


def _read_tab(name):
    text = files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _abbreviations(zone):
    """'EET/EEST' for Helsinki: the names printed on programmes, winter and summer."""
    tz = zoneinfo.ZoneInfo(zone)
    names = []
    for month in (1, 7):
        # A fixed year keeps the labels (and the tests) the same from day to day.
        name = datetime.datetime(2025, month, 1, 12, tzinfo=tz).tzname()
        # Zones without a common abbreviation give "+03"; say it as an offset.
        name = f"UTC{name}" if name[0] in "+-" else name
        if name not in names:
            names.append(name)
    return "/".join(names)


@functools.cache
def _grouped():
    countries = dict(_read_tab("iso3166.tab"))
    europe, world = [], []
    for country, _coordinates, zone, *comment in _read_tab("zone.tab"):
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        where = f"{countries[country]} — {city}"
        if comment:
            where += f" ({comment[0]})"
        label = f"{where}, {_abbreviations(zone)}"
        european = zone.startswith("Europe/") or country in EU_EEA_COUNTRIES
        (europe if european else world).append((zone, label))
    world.append((UTC, "UTC — Coordinated Universal Time"))
    return sorted(europe, key=lambda c: c[1]), sorted(world, key=lambda c: c[1])


def time_zone_choices():
    """Grouped choices for a select: Europe first, then the rest of the world."""
    europe, world = _grouped()
    return [(_("Europe"), europe), (_("Rest of the world"), world)]


@functools.cache
def listed_time_zones():
    europe, world = _grouped()
    return {zone for zone, _label in europe + world}
