"""Wagtail API v2 endpoints, tuned so that listing N pages costs a fixed number of queries."""

from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from cms.api_terms import TermsInV2


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
