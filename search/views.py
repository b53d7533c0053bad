from django.shortcuts import render
from wagtail.contrib.search_promotions.models import Query

from search.query import clean_query
from search.sources import sources

RESULTS_PER_KIND = 10


def site_search(request, query, limit=RESULTS_PER_KIND):
    """Every source's hits for `query`, grouped by kind, in registration order."""
    return [source.search(request, query, limit) for source in sources()]


def search(request):
    """Site-wide search over pages and every registered source, grouped by kind,
    with the editors' promoted results first."""
    query = clean_query(request.GET.get("q", ""))
    groups = promotions = None
    if query:
        groups = site_search(request, query)
        search_query = Query.get(query)
        search_query.add_hit()
        promotions = search_query.editors_picks.filter(page__live=True).select_related("page")
    return render(
        request,
        "search/search.html",
        {"search_query": query, "groups": groups, "promotions": promotions},
    )
