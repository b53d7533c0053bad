"""The Locale a language code names, found one way on every surface: the
APIs' `locale` parameters, the language a request is answered in, the site's
language prefixes and menus, a resource's address.

Each process keeps the Locales (a handful of rows) until one is saved or
deleted (cms/page_cache/kept.py): a resource search's answer asked the
database twice, about 1 ms of it.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from cms.api_errors import BadValue
from cms.page_cache.kept import KeptUntilChange

_locales = KeptUntilChange(limit=1)


class Locales:
    """Every Locale, by language code and the language codes by Locale id."""

    def __init__(self):
        found = list(Locale.objects.all())
        self.by_code = {locale.language_code: locale for locale in found}
        self.codes = {locale.pk: locale.language_code for locale in found}

    def holds(self, codes, ids):
        return self.by_code.keys() >= set(codes) and self.codes.keys() >= set(ids)


def locales(codes=(), ids=()):
    """The Locales kept, or read afresh when one of the language `codes` or
    Locale `ids` asked for is not among them: a Locale made moments ago,
    before this process saw the change (or in the transaction not yet
    committed), or a content language without a Locale, which is then looked
    for each time."""
    return _locales.get("all", Locales, still_good=lambda found: found.holds(codes, ids))


def locale_of(language_code):
    """The Locale of `language_code`, or None. Only a content language can be
    one: anything else is None without a look."""
    if language_code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return locales(codes={language_code}).by_code.get(language_code)


def language_codes(locale_ids=()):
    """Every Locale's language code by the Locale's id."""
    return locales(ids=locale_ids).codes


def current_locale():
    """The Locale of the language the request is answered in, or the default one."""
    return locale_of(get_language()) or Locale.get_default()


def locale_named(language_code, where=("query",)):
    """The Locale an API's `locale` parameter names, the current one for None;
    BadValue naming the parameter (`where` it is) for one that does not exist."""
    if language_code is None:
        return current_locale()
    locale = locale_of(language_code)
    if locale is None:
        raise BadValue("locale", f"Unknown locale “{language_code}”.", where=where)
    return locale
