"""Resources in Wagtail's API v2, for front ends built on it (`/api/v2/resources/`).

Searching with facets is API v3's job (`/api/v3/resources/`); this endpoint lists
and filters published resources the v2 way (`?fields=`, `?resource_type=`,
`?search=`, `?order=`, `?locale=`)."""

from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from cms.api_terms import TermsInV2

from .models import Resource
from .taxonomies import RELATIONS as TAXONOMY_RELATIONS


class ResourcesAPIViewSet(TermsInV2, BaseAPIViewSet):
    model = Resource
    name = "resources"
    filter_backends = [FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {"locale"}
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "slug", "summary"]

    def get_queryset(self):
        return (
            Resource.objects.visible()
            .select_related("document", "locale")
            .prefetch_related(*TAXONOMY_RELATIONS, "tags")
            .order_by("id")
        )
