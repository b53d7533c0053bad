"""What site-wide search looks through, grouped by kind.

Each app registers a source (pages here; resources, forum posts in their apps),
so the search app does not reach into other apps' models. A source answers
with the hits the *requesting user* may see: visibility stays with the app.
"""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.locales import current_locale
from search.languages import searching_in


@dataclass
class Hit:
    title: str
    url: str
    summary: str
    type: str


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit]
    more_url: str = ""


@dataclass
class Source:
    kind: str
    label: str
    search: callable  # (request, query, limit, offset=0) -> Group
    extra: dict = field(default_factory=dict)


_sources: dict[str, Source] = {}


def register(source: Source):
    _sources[source.kind] = source


def sources():
    return list(_sources.values())


def search_pages(request, query, limit, offset=0):
    pages = Page.objects.live().public().filter(locale=current_locale()).specific()
    with searching_in(get_language()):
        return page_group(request, pages.search(query, operator="and"), limit, offset)


def page_group(request, results, limit, offset):
    hits = [
        Hit(
            title=page.title,
            url=page.get_url(request=request),
            summary=getattr(page, "intro", "") or page.search_description,
            type=str(page.specific_class.get_verbose_name()),
        )
        for page in results[offset : offset + limit]
    ]
    return Group(kind="pages", label=str(_("Pages")), count=results.count(), hits=hits)


register(Source(kind="pages", label=_("Pages"), search=search_pages))
