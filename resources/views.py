from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.locales import current_locale
from search.engine import more_like_this
from search.faceted import UnknownFacetValue
from search.ranges import range_text, ranges_from_params
from search.service import engine_or_database, faceted_search, query_from_params

from .facet_panels import panels
from .facets import FACETS
from .models import Resource

PAGE_SIZE = 20


def visible_in_current_language():
    """Published resources in the active language (the one the request is
    answered in)."""
    return Resource.objects.visible().filter(locale=current_locale())


def resource_index(request):
    query = query_from_params(request.GET, FACETS, page_size=PAGE_SIZE)
    # A range with an error is left out of the search, and said beside its fields.
    range_errors = ranges_from_params(request.GET, FACETS)[1]
    context = {"query": query, "sorts": SORT_LABELS, "range_errors": range_errors}
    status = 400 if range_errors else 200
    try:
        results = faceted_search(
            visible_in_current_language(), FACETS, query, language=get_language()
        )
    except UnknownFacetValue as error:
        context["error"] = str(error)
        status = 400
    else:
        if query.page > results.num_pages:
            # As on the news and event lists: a page past the last does not exist.
            raise Http404(_("There is no page %(number)s.") % {"number": query.page})
        for item in results.items:
            # Engine fragments are HTML-escaped text with <mark> tags around matches.
            item.highlight = results.highlights.get(item.pk)
        context["results"] = results
        context["chips"] = [
            (facet, value) for facet in results.facets for value in facet.values if value.selected
        ]
        context["range_chips"] = range_chips(request.GET, query)
        context["selected_count"] = len(context["chips"]) + len(context["range_chips"])
        context["panels"] = panels(results, FACETS, request.GET, query.ranges, range_errors)
        # Opened on a phone too when the visitor was working in it: a filter box
        # sent, "show all", a year to correct (the link's anchor is inside).
        context["panel_open"] = bool(range_errors) or any(
            panel.filter_text or panel.showing_all for panel in context["panels"]
        )
    response = render(request, "resources/resource_index.html", context, status=status)
    if context.get("results") and context["results"].notice:
        # The engine's fallback is not for keeping: the page cache must ask
        # again, and find the engine once it is back.
        patch_cache_control(response, no_cache=True)
    return response


def range_chips(params, query):
    """(label, the link that removes it) for each range the search applies."""
    chips = []
    for spec in FACETS:
        if spec.name not in query.ranges:
            continue
        text = range_text(*query.ranges[spec.name])
        remaining = params.copy()
        for name in (*spec.range_parameters, "page"):
            remaining.pop(name, None)
        chips.append((f"{spec.label}: {text}", f"?{remaining.urlencode()}"))
    return chips


def resource_detail(request, slug):
    resource = get_object_or_404(
        visible_in_current_language().select_related("document", "thumbnail"), slug=slug
    )
    context = {
        "resource": resource,
        "related": related_resources(resource),
        # The language switcher's links: this resource in each language it is
        # published in (its address in another language holds another resource).
        "translations": Resource.objects.visible()
        .filter(translation_key=resource.translation_key)
        .select_related("locale"),
    }
    return render(request, "resources/resource.html", context)


def related_resources(resource, limit=4):
    """Related resources an editor chose, then the most similar ones: by text on
    the engine ("more like this"), by shared topics on the database."""
    visible = visible_in_current_language()
    chosen = list(visible.filter(pk__in=resource.related_resources.all())[:limit])
    seen = {resource.pk, *(item.pk for item in chosen)}
    if len(chosen) < limit:
        similar = similar_resources(visible, resource, limit + len(seen))
        chosen.extend(item for item in similar if item.pk not in seen)
    return chosen[:limit]


def similar_resources(visible, resource, limit):
    similar, _engine_failed = engine_or_database(
        lambda: more_like_this(visible, resource, limit),
        # Without the engine, shared topics are good enough: no notice.
        lambda: (
            visible.filter(topics__in=resource.topics.all())
            .distinct()
            .order_by("-publication_date", "pk")[:limit]
        ),
    )
    return similar


SORT_LABELS = [("relevance", _("Relevance")), ("newest", _("Newest")), ("title", _("Title"))]
