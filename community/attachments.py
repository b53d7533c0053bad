"""Storing a checked upload next to the post it belongs to."""

from .models import Attachment


def attach(checked, group, user, discussion=None, comment=None):
    """Save the file (on S3 when configured) and its row. Call it inside the
    transaction that saves the post: if the row cannot be saved the post is
    rolled back too, and the stored objects are deleted again."""
    if checked is None:
        return None
    attachment = Attachment(
        group=group,
        discussion=discussion,
        comment=comment,
        uploaded_by=user,
        name=checked.name,
        kind=checked.kind,
        content_type=checked.content_type,
        size=checked.content.size,
    )
    attachment.file.save(checked.name, checked.content, save=False)
    try:
        if checked.rendition is not None:
            attachment.rendition.save(checked.name, checked.rendition, save=False)
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        if attachment.rendition:
            attachment.rendition.delete(save=False)
        raise
    return attachment
