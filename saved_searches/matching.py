"""Which resources a saved search finds: the Resource Centre's own faceted
search (the engine, or the database when there is none or it is down), so an
alert or a feed lists what the page would, among what the public may see in
the search's language. Resources have no audience narrower than the public:
drafts, unpublished resources and other languages' are never listed."""

import logging

from django.db.models import F
from django.db.models.functions import Coalesce

from cms.locales import current_locale
from resources.facets import FACETS
from resources.models import Resource
from search.faceted import SearchPage, UnknownFacetValue
from search.service import faceted_search

from .querystrings import saved_query

logger = logging.getLogger(__name__)

# An alert lists at most this many resources, and links to the rest on the site.
ALERT_LIMIT = 20
FEED_LIMIT = 20
# New resources considered for one alert: even a large import stays one
# bounded request to the engine.
MAX_NEW = 1000


def visible_resources():
    """Resources the public may see in the active language (the caller
    activates the search's)."""
    return Resource.objects.visible().filter(locale=current_locale())


def published_between(since, until):
    """Ids of visible resources first published in (since, until], newest
    first. A resource made live without a publishing action (a bulk load)
    counts from its creation."""
    published = Coalesce(F("first_published_at"), F("created_at"))
    return list(
        visible_resources()
        .alias(published=published)
        .filter(published__gt=since, published__lte=until)
        .order_by("-published", "-pk")
        .values_list("pk", flat=True)[:MAX_NEW]
    )


def search(saved, resources, limit):
    """The first `limit` of `resources` the saved search finds, newest first;
    none when a filter names a value since deleted (the page would refuse it)."""
    query = saved_query(saved, page_size=limit)
    try:
        return faceted_search(resources, FACETS, query, language=saved.language)
    except UnknownFacetValue as error:
        logger.info("Saved search %s names a value that is gone: %s", saved.pk, error)
        return SearchPage(items=[], total=0, query=query, facets=[], backend="none")


def new_matches(saved, since, until, limit=ALERT_LIMIT):
    ids = published_between(since, until)
    if not ids:
        return None
    return search(saved, visible_resources().filter(pk__in=ids), limit)


def latest_matches(saved, limit=FEED_LIMIT):
    return search(saved, visible_resources(), limit)
