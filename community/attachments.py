"""Storing a checked upload next to the post it belongs to."""

from contextlib import contextmanager

from django.db import transaction

from .models import Attachment


def attach(checked, group, user, discussion=None, comment=None):
    """Save the file (on S3 when configured) and its row. Call it inside
    `stored_files_kept_on_commit_only()` with the post: if anything in that
    transaction fails, the post is rolled back and the stored objects go too."""
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
        attachment.delete_files()
        raise
    return attachment


@contextmanager
def stored_files_kept_on_commit_only():
    """A transaction whose stored attachments are deleted again if it fails
    after they were written (storage is not transactional): yields a list
    that the block fills with the attachments it stores."""
    stored = []
    try:
        with transaction.atomic():
            yield stored
    except Exception:
        for attachment in stored:
            if attachment is not None:
                attachment.delete_files()
        raise
