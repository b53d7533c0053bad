"""How the site's HTML lists page: ?page=, on Django's Paginator. (The API's
lists page by limit and offset: cms/api_pagination.py.)"""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _


def paginate(request, items, per_page):
    """The page of `items` asked for by ?page=.

    A missing or non-numeric page number means page one; a number past the last
    page is a page that does not exist, so it answers 404.
    """
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    if number < 1:
        number = 1
    try:
        return paginator.page(number)
    except EmptyPage as exc:
        if number == 1:
            return paginator.page(1)
        raise Http404(_("There is no page %(number)s.") % {"number": number}) from exc
