"""The editor's guide: one page in the admin, in the admin's look, that walks
a non-technical editor through the site's editorial paths."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

URL_NAME = "editors_guide"


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/editors_guide.html"
    page_title = _("Editor's guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


def urls():
    return [path("editors-guide/", EditorsGuideView.as_view(), name=URL_NAME)]


def menu_item():
    # Every admin user may read it: the admin's own URLs already require access.
    return MenuItem(
        _("Editor's guide"), reverse(URL_NAME), icon_name="help", order=10000, name="editors-guide"
    )
