from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from search.faceted import UnknownFacetValue
from search.service import faceted_search, query_from_params

from .facets import FACETS
from .models import Resource

PAGE_SIZE = 20


def visible_resources(request):
    """Published resources in the visitor's language."""
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    return Resource.objects.visible().filter(locale=locale)


def resource_index(request):
    query = query_from_params(request.GET, FACETS, page_size=PAGE_SIZE)
    context = {"query": query, "sorts": SORT_LABELS}
    status = 200
    try:
        results = faceted_search(visible_resources(request), FACETS, query)
    except UnknownFacetValue as error:
        context["error"] = str(error)
        status = 400
    else:
        context["results"] = results
        context["chips"] = [
            (facet, value) for facet in results.facets for value in facet.values if value.selected
        ]
    return render(request, "resources/resource_index.html", context, status=status)


def resource_detail(request, slug):
    resource = get_object_or_404(
        visible_resources(request).select_related("document", "thumbnail"), slug=slug
    )
    return render(
        request,
        "resources/resource.html",
        {"resource": resource, "related": related_resources(request, resource)},
    )


def related_resources(request, resource, limit=4):
    """Chosen related resources first, then others sharing topics and type."""
    chosen = list(
        visible_resources(request).filter(pk__in=resource.related_resources.all())[:limit]
    )
    if len(chosen) < limit:
        topics = resource.topics.all()
        similar = (
            visible_resources(request)
            .filter(topics__in=topics)
            .exclude(pk__in=[resource.pk, *[item.pk for item in chosen]])
            .distinct()
            .order_by("-publication_date", "pk")[: limit - len(chosen)]
        )
        chosen.extend(similar)
    return chosen


SORT_LABELS = [("relevance", _("Relevance")), ("newest", _("Newest")), ("title", _("Title"))]
