from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_v2, api_v3
from cms.translation_sync import SyncTranslationsView
from home.views import calendar_file, robots_txt
from resources.sitemaps import ResourceSitemap
from search import views as search_views

urlpatterns = [
    # Before the admin's own URLs, so that it replaces wagtail-localize's view
    # (reversed as wagtail_localize:update_translations) at the same address.
    path(
        "admin/localize/update/<int:translation_source_id>/",
        SyncTranslationsView.as_view(),
        name="sync_translations",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    path("api/v3/", api_v3.urls),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": Sitemap, "resources": ResourceSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English pages live at the root (/news/), other languages under a prefix (/fr/news/).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("resources/", include("resources.urls")),
    path("accounts/", include("allauth.urls")),
    path("forum/", include("community.urls")),
    # Before the members' URLs: /members/me/searches/ is the saved searches'.
    path("", include("saved_searches.urls")),
    path("members/", include("community.urls_members")),
    # Wagtail's page URLs end in a slash; calendar files are routes of their page.
    re_path(r"^((?:[\w\-]+/)*)((?:feed|event)\.ics)$", calendar_file, name="calendar_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
