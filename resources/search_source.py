"""The Resource Centre's part of site-wide search."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.locales import current_locale
from search.faceted import SearchQuery
from search.service import faceted_search
from search.sources import Group, Hit, Source

from .facets import FACETS
from .models import Resource


def search_resources(request, query, limit, offset=0):
    results = faceted_search(
        Resource.objects.visible().filter(locale=current_locale()),
        FACETS,
        SearchQuery(text=query, page_size=limit, offset=offset),
        language=get_language(),
    )
    hits = [
        Hit(
            title=resource.title,
            url=resource.get_url(),
            summary=resource.summary,
            type=resource.get_resource_type_display(),
        )
        for resource in results.items
    ]
    more = reverse("resources:index") + "?" + urlencode({"q": query})
    return Group(
        kind="resources", label=str(_("Resources")), count=results.total, hits=hits, more_url=more
    )


SOURCE = Source(kind="resources", label=_("Resources"), search=search_resources)
