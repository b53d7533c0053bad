from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from home.models.base import paginate
from search.query import clean_query


def search(request):
    """Site-wide search over live, public pages in the visitor's language, with the
    editors' promoted results first."""
    query = clean_query(request.GET.get("q", ""))
    results = promotions = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = paginate(request, pages.search(query), 10)
        search_query = Query.get(query)
        search_query.add_hit()
        promotions = search_query.editors_picks.filter(page__live=True).select_related("page")
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": results, "promotions": promotions},
    )
