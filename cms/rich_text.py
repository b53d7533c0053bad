"""Page links in rich text, resolved in a fixed number of queries.

Wagtail's page link handler reads the active locale from the database once
per link (Page.localized), so a list of bodies with many links cost a query
per link. This one reads it once per expansion and finds links' translations
into the active language in one query."""

from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler


def active_locale():
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        locale = active_locale() if any(pages) else None
        elsewhere = {
            page.translation_key
            for page in pages
            if page is not None and locale is not None and page.locale_id != locale.id
        }
        # Page.localized: the live translation in the active language, else the page.
        translations = (
            {
                page.translation_key: page
                for page in Page.objects.filter(
                    translation_key__in=elsewhere, locale=locale, live=True
                )
                .defer_streamfields()
                .specific()
            }
            if elsewhere
            else {}
        )
        return [
            f'<a href="{escape(translations.get(page.translation_key, page).url)}">'
            if page
            else "<a>"
            for page in pages
        ]
