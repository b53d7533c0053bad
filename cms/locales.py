"""The Locale a language code names, found one way on every surface: the
APIs' `locale` parameters, the language a request is answered in, the site's
language prefixes and menus.

Each process keeps what it found until a Locale is saved or deleted
(cms/page_cache/kept.py): a resource search's answer asked the database twice,
about 1 ms of it.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from cms.api_errors import BadValue
from cms.page_cache.kept import KeptUntilChange

_locales = KeptUntilChange()
_codes = KeptUntilChange(limit=1)


def locale_of(language_code):
    """The Locale of `language_code`, or None. Only a content language can be
    one: anything else (a NUL the database refuses included) is not looked up."""
    if language_code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return _locales.get(
        language_code, lambda: Locale.objects.filter(language_code=language_code).first()
    )


def language_codes(locale_ids=()):
    """Every Locale's language code by the Locale's id: those kept, unless one
    of `locale_ids` is missing (a Locale made moments ago, before this process
    saw the change), then read afresh."""
    codes = _codes.get("all", _read_language_codes)
    if not codes.keys() >= set(locale_ids):
        codes = _read_language_codes()
    return codes


def _read_language_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


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
