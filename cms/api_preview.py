"""GET /api/v3/preview/?token=…: the draft an editor is previewing, for the
front end the admin opened (cms/headless_preview.py). The token is the only
credential: it reads that one draft, for HEADLESS_PREVIEW_MAX_AGE seconds."""

import functools
import operator
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import Discriminator, Tag
from wagtail.api.v3.errors import ProblemDetail

from cms.api_auth import READ_AUTH
from cms.headless_preview import PreviewExpired, previewed_object
from home.api_pages import detail_type, page_detail_members
from resources.api import ResourcePreviewOut, ResourceShape, resource_preview
from resources.models import Resource

router = Router(auth=READ_AUTH)


def preview_answer_type():
    """A page type's detail or a resource, told apart by `type`."""
    members = [*page_detail_members(), Annotated[ResourcePreviewOut, Tag("resources.Resource")]]
    return Annotated[functools.reduce(operator.or_, members), Discriminator(detail_type)]


def install(api):
    @router.get(
        "/",
        response={200: preview_answer_type(), 404: ProblemDetail},
        summary="Read the draft an editor is previewing",
        description="The page or resource as the editor's form held it when they opened the "
        "front-end preview. `meta.revision_id` is the latest saved revision it builds on.",
        operation_id="preview_read",
    )
    def read_preview(
        request: HttpRequest,
        token: str = Query(..., description="The token the admin added to the preview URL"),
        shape: ResourceShape = Query(...),  # noqa: B008
    ):
        try:
            draft = previewed_object(token)
        except PreviewExpired:
            raise HttpError(
                404, "This preview has expired: open it again from the admin."
            ) from None
        if draft is None:
            raise HttpError(404, "No preview has that token.")
        if isinstance(draft, Resource):
            return resource_preview(draft, request)
        return draft

    api.add_router("/preview/", router, tags=["preview"])
