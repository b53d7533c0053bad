from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import editors_guide
from home.models import Country, ProcurementType, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]


class ProcurementTypeViewSet(SnippetViewSet):
    model = ProcurementType
    icon = "list-ul"
    list_display = ["name", "abbreviation", "slug"]
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, CountryViewSet, ProcurementTypeViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("insert_global_admin_js")
def date_pickers_close_on_escape():
    return format_html('<script src="{}"></script>', static("js/admin-date-pickers.js"))


@hooks.register("register_admin_urls")
def register_editors_guide_url():
    return editors_guide.urls()


@hooks.register("register_admin_menu_item")
def register_editors_guide_menu_item():
    return editors_guide.menu_item()
