"""Country, language and topic names in the language a page is shown in.

The rows keep the English names editors see and imports match. In another
language a country's or a language's name comes from CLDR (Babel): "Austria"
reads "Autriche" on a French page and "Österreich" on a German one. A code
CLDR does not know, or one this site gives its own meaning (EU is "European
level" here, where CLDR means the European Union), is translated from the
project's catalogue, and shown as stored when the catalogue does not have it
either. Topics are the editors' own words: they give each its names in the
other languages (TopicName), and a topic without one shows its English name.
"""

from functools import lru_cache, partial

from babel import Locale, UnknownLocaleError
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_noop

from cms.page_cache.kept import KeptUntilChange
from cms.text import folded

# Codes whose name is the site's, not CLDR's; the noop keeps them in the catalogue.
OWN_NAMES = {"EU": gettext_noop("European level")}
# Every topic's names, kept in each process until the page generation moves:
# saving a topic or one of its names moves it (cms/page_cache/triggers.py).
_topic_names = KeptUntilChange(limit=1)


@lru_cache(maxsize=8)
def _cldr(language):
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=4096)
def _cldr_name(kind, language, code, stored):
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


def _read_topic_names():
    names = {}
    rows = apps.get_model("home.TopicName").objects.values_list("language", "topic__slug", "name")
    for language, slug, name in rows:
        names.setdefault(language, {})[slug] = name
    return names


def _as_stored(_code, stored):
    return stored


def names_now(kind):
    """A function of (code or slug, stored English name) that names terms of
    `kind` ("territories", "languages" or "topics") in the language shown
    now. Made once for a list of names: the topics' are read once."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return _as_stored
    if kind == "topics":
        names = _topic_names.get("names", _read_topic_names).get(language, {})
        return lambda slug, stored: names.get(slug, stored)
    return partial(_cldr_name, kind, language)


def country_name(code, stored):
    """A Country's name (ISO 3166-1 `code`, English name `stored`) as shown now."""
    return names_now("territories")(code, stored)


def language_name(code, stored):
    """A Language's name (ISO 639-1 `code`, English name `stored`) as shown now."""
    return names_now("languages")(code, stored)


def topic_name(slug, stored):
    """A Topic's name (`slug`, English name `stored`) as shown now."""
    return names_now("topics")(slug, stored)


def in_shown_order(terms):
    """Countries, languages or topics in the order of their names as shown,
    accents aside ("Österreich" among the O's, not after Z)."""
    return sorted(terms, key=lambda term: folded(term.shown_name))
