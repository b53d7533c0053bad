"""The one way every API v3 list pages: `limit` and `offset` in, `count` and
`items` out (extra members such as facets sit beside them). The bounds are
checked for every list, Wagtail's and ours, before it runs
(cms/api_contract.py), and stated in the document."""

from django.conf import settings
from ninja import Field, Schema
from pydantic import create_model
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

# Far past any real list, and well inside what PostgreSQL's OFFSET (a bigint)
# accepts: a larger offset was a database error, answered with a 500.
MAX_OFFSET = 1_000_000_000


def max_limit():
    return settings.WAGTAILAPI_LIMIT_MAX


class ListPagination(WagtailLimitOffsetPagination):
    class Input(WagtailLimitOffsetPagination.Input):
        limit: int = Field(default=20, ge=1, description="Items per answer")
        offset: int = Field(default=0, ge=0, description="How many items to skip")


class Paging(Schema):
    """The paging parameters of lists that page by themselves (to read what
    a whole page refers to in one go) rather than through @paginate."""

    limit: int = Field(20, ge=1, description="Items per answer")
    offset: int = Field(0, ge=0, description="How many items to skip")

    def window(self, queryset):
        """(count, the items of this page)."""
        return queryset.count(), list(queryset[self.offset : self.offset + self.limit])


def paged(item, name):
    """The list envelope for `item`: count and items."""
    return create_model(name, count=(int, ...), items=(list[item], ...))
