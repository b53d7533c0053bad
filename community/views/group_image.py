"""A group's image, streamed to whoever may see the group."""

from django.http import FileResponse, Http404

from .lookup import visible_group


def group_image(request, slug):
    """The group's image, to whoever may see the group; 404 to everyone else.
    Streamed like attachments: a private group's picture never gets a URL of
    its own on the storage."""
    group = visible_group(request, slug)
    if not group.image:
        raise Http404
    response = FileResponse(group.image.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    # Private: the group may turn private, and shared caches would not know.
    response["Cache-Control"] = "private, max-age=600"
    return response
