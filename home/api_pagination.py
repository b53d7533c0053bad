"""The list pagination of the project's API v3 routers."""

from ninja import Field
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

# Far past any real list, and well inside what PostgreSQL's OFFSET (a bigint)
# accepts: a larger offset was a database error, answered with a 500.
MAX_OFFSET = 1_000_000_000


class ListPagination(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset pagination (its default limit and
    WAGTAILAPI_LIMIT_MAX) with an offset the database can take."""

    class Input(WagtailLimitOffsetPagination.Input):
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
