from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Language, Resource
from .taxonomies import RELATIONS as TAXONOMY_RELATIONS
from .views_admin import ImportReportView, ImportRunView, ResourceImportView, ResourceIndexView


class ResourceFilterSet(WagtailFilterSet):
    class Meta:
        model = Resource
        fields = [
            "resource_type",
            "live",
            "featured",
            *TAXONOMY_RELATIONS,
            "locale",
        ]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    index_view_class = ResourceIndexView  # adds "Import CSV or JSON" to the header
    icon = "doc-full-inverse"
    menu_label = _("Resources")
    menu_order = 150
    add_to_admin_menu = True
    # Wagtail's status tag ("live", "draft", "live + draft"), not the field's True/False.
    list_display = [
        "title",
        "resource_type",
        "publisher",
        "publication_date",
        LiveStatusTagColumn(),
        "updated_at",
    ]
    list_export = [
        "id",
        "title",
        "slug",
        "resource_type",
        "publisher",
        "publication_date",
        "external_url",
        "live",
    ]
    filterset_class = ResourceFilterSet
    search_fields = ["title", "summary", "publisher"]
    ordering = ["-updated_at"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code", "eu_official"]
    search_fields = ["name", "code"]
    add_to_admin_menu = False


register_snippet(ResourceViewSet)
register_snippet(LanguageViewSet)


@hooks.register("register_admin_urls")
def register_resource_import_url():
    return [
        path("resources/import/", ResourceImportView.as_view(), name="resources_import"),
        path(
            "resources/import/<int:pk>/",
            ImportRunView.as_view(),
            name="resources_import_run",
        ),
        path(
            "resources/import/<int:pk>/problems.csv",
            ImportReportView.as_view(),
            name="resources_import_report",
        ),
    ]
