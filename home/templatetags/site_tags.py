from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from cms.locales import locale_of
from home.term_names import in_shown_order

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    language = get_language()
    if root.locale.language_code != language:
        root = root.get_translation_or_none(locale_of(language)) or root
    return root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    pages = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {
            "title": item.title,
            "url": item.get_url(request=context.get("request")),
            "active": current_path.startswith(item.path),
        }
        for item in pages
    ]
    # The Resource Centre and the Forum are apps, not pages: listed once installed.
    request = context.get("request")
    for url_name, title in (
        ("resources:index", _("Resource Centre")),
        ("community:index", _("Forum")),
    ):
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        active = bool(request) and request.path.startswith(url)
        items.append({"title": title, "url": url, "active": active})
    return {"items": items}


@register.simple_tag(takes_context=True)
def section_urls(context):
    """URLs of the news and events indexes in the visitor's language, for links
    that every page shows (feeds in the footer, "all news" on the home page)."""
    from home.models import EventIndexPage, NewsIndexPage

    request = context.get("request")
    root = _site_root(context)
    urls = {"news": None, "events": None}
    if root is None:
        return urls
    for key, model in (("news", NewsIndexPage), ("events", EventIndexPage)):
        index = model.objects.child_of(root).live().first()
        urls[key] = index.get_url(request=request) if index else None
    return urls


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live().public()
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to what the visitor is reading, in each other language that has it.

    A Wagtail page links to its published translations, and an object a view
    names by its `translations` (a resource's published ones) to those: in a
    language without one, the same address would show another language's page,
    or nothing. Any other page (the Resource Centre's search, the Forum, site
    search, the account pages) is a route every language has: it links to the
    same address in each language of LANGUAGES, its query string kept. Error
    pages, which have neither, link to the home page of each language."""
    request = context.get("request")
    page = context.get("page")
    if isinstance(page, Page):
        found = _page_translations(page, request)
    elif "translations" in context:
        # A resource's address is in its own language (Resource.get_url).
        found = [(item.locale.language_code, item.get_url()) for item in context["translations"]]
    elif (route := _route(context)) is not None:
        found = [(code, _route_in(code, route, request)) for code, _name in settings.LANGUAGES]
    else:
        root = _site_root(context)
        found = _page_translations(root, request) if root else []
    current = get_language()
    urls = dict(found)
    links = [
        {"code": code, "name": name, "url": urls[code], "current": code == current}
        for code, name in settings.LANGUAGES  # in the site's order, the default first
        if code in urls
    ]
    return {"links": links if len(links) > 1 else []}


def _page_translations(page, request):
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    return [(item.locale.language_code, item.get_url(request=request)) for item in translations]


def _in_language(code, url):
    with translation.override(code):
        return url()


def _route(context):
    """The URL pattern the page was answered by, when every language has it: not
    Wagtail's page route (a page would be in the context), not an error page
    (Django's error handlers give theirs the `exception`)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name == "wagtail_serve" or "exception" in context:
        return None
    return match


def _route_in(code, route, request):
    path = _in_language(
        code, lambda: reverse(route.view_name, args=route.args, kwargs=route.kwargs)
    )
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


@register.simple_tag(takes_context=True)
def querystring_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def querystring_without(context, name, value=None):
    """The current query string without one value of a repeatable parameter (or
    without all of them; `name` may be a list of parameters), back on page one:
    the link behind a removable filter chip, and behind a search's suggestion to
    drop a filter."""
    params = context["request"].GET.copy()
    if value is None:
        for each in [name] if isinstance(name, str) else name:
            params.pop(each, None)
    else:
        params.setlist(name, [item for item in params.getlist(name) if item != str(value)])
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def shown_order(terms):
    """Countries, languages or topics sorted by their names as the page shows
    them (Allemagne before Autriche in French): home/term_names.py."""
    return in_shown_order(terms)
