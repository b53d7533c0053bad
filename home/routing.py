"""Which page a site path names, as the site itself would serve it: English
at the root (/news/…), other languages under their prefix (/fr/news/…), each
routed from the matching translation of the site's root page. Used by both
APIs' "find a page by its path"."""

from django.conf import settings

from cms.locales import locale_of


def page_at_path(request, site, html_path):
    """The page `html_path` names on `site`; Http404 if none."""
    components = [component for component in html_path.split("/") if component]
    root = site.root_page
    prefixed = dict(settings.LANGUAGES).keys() - {settings.LANGUAGE_CODE}
    if components and components[0] in prefixed:
        locale = locale_of(components[0])
        translation = root.get_translation_or_none(locale) if locale else None
        if translation is not None:
            root, components = translation, components[1:]
    page, _args, _kwargs = root.specific.route(request, components)
    return page
