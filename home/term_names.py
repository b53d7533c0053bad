"""Country and language names in the language a page is shown in.

The rows keep the English names editors see and imports match. In another
language a name comes from CLDR (Babel): "Austria" reads "Autriche" on a
French page and "Österreich" on a German one. A code CLDR does not know, or
one this site gives its own meaning (EU is "European level" here, where CLDR
means the European Union), is translated from the project's catalogue, and
shown as stored when the catalogue does not have it either.
"""

import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop

# Codes whose name is the site's, not CLDR's; the noop keeps them in the catalogue.
OWN_NAMES = {"EU": gettext_noop("European level")}


@lru_cache(maxsize=8)
def _cldr(language):
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=4096)
def _named(kind, language, code, stored):
    cldr = _cldr(language)
    found = None
    if cldr is not None and code not in OWN_NAMES:
        found = getattr(cldr, kind).get(code)
    if not found:
        with translation.override(language):
            return translation.gettext(stored)
    # CLDR writes French language names in lower case, as inside a sentence;
    # a name here starts a list item or a link.
    return found[:1].upper() + found[1:]


def _shown(kind, code, stored):
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return stored
    return _named(kind, language, code, stored)


def country_name(code, stored):
    """A Country's name (ISO 3166-1 `code`, English name `stored`) as shown now."""
    return _shown("territories", code, stored)


def language_name(code, stored):
    """A Language's name (ISO 639-1 `code`, English name `stored`) as shown now."""
    return _shown("languages", code, stored)


def shown_order(name):
    """A sort key for shown names: "Österreich" among the O's, not after Z."""
    return unicodedata.normalize("NFKD", name).casefold()


def in_shown_order(terms):
    """Countries or languages in the order of their names as shown."""
    return sorted(terms, key=lambda term: shown_order(term.shown_name))
