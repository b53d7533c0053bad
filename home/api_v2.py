"""Wagtail API v2 endpoints, tuned so that listing N pages costs a fixed number of queries."""

from django.http import Http404
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet
from wagtail.models import Site

from cms.api_terms import TermsInV2
from home.routing import page_at_path


class PagesAPIViewSet(TermsInV2, WagtailPagesAPIViewSet):
    def get_queryset(self):
        # With ?type=, Wagtail lists that model; its api_select_related and
        # api_prefetch() name the relations its api_fields read.
        queryset = super().get_queryset()
        model = queryset.model
        if hasattr(model, "api_prefetch"):
            queryset = queryset.select_related(*model.api_select_related).prefetch_related(
                *model.api_prefetch()
            )
        return queryset

    def find_object(self, queryset, request):
        # Wagtail routes html_path from the default locale's root only, so a
        # path under /fr/ found nothing; the site's one path rule finds it.
        site = Site.find_for_request(request)
        if "html_path" in request.GET and site is not None:
            try:
                page = page_at_path(request, site, request.GET["html_path"])
            except Http404:
                return None
            return page if queryset.filter(id=page.id).exists() else None
        return super().find_object(queryset, request)
