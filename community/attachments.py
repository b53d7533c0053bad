"""Storing what members upload: a checked file next to the post it belongs
to, and the pictures forms carry (a group's image, a member's avatar). When
the file store fails, nothing is saved and the member is told why (503)."""

import logging
from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Attachment
from .models.attachments import AttachmentStatus
from .permissions import Refused
from .tasks import process_image
from .uploads import IMAGE, STORAGE_ERRORS, delete_replaced

logger = logging.getLogger(__name__)


def store_down_message():
    return _(
        "The file store is not answering, so your file could not be saved and nothing was "
        "changed. Please try again in a few minutes."
    )


@contextmanager
def file_store_refusal(field):
    """The file store failing inside the block becomes a refusal (503) shown
    on the form's `field`; the caller's transaction saves nothing then."""
    try:
        yield
    except STORAGE_ERRORS as error:
        logger.warning("The file store refused an upload: %s", error)
        raise Refused(store_down_message(), 503, field=field) from error


def save_with_files(form, field):
    """`form.save()` for a model form that may carry a new picture in
    `field`: all or nothing, and the file it replaces is deleted once the
    change is committed. Returns the saved object."""
    instance, old_name = form.instance, None
    if instance.pk is not None:  # the form has put the new file on the instance already
        rows = type(instance)._default_manager.filter(pk=instance.pk)
        old_name = rows.values_list(field, flat=True).first()
    with file_store_refusal(field), transaction.atomic():
        saved = form.save()
    delete_replaced(getattr(saved, field), old_name)
    return saved


def attach(checked, group, user, discussion=None, comment=None):
    """Save the file (on S3 when configured) and its row; an image as uploaded,
    "processing", with its re-encoding queued for the worker (community/tasks.py).
    Call it inside `stored_files_kept_on_commit_only()` with the post: if
    anything in that transaction fails, the post is rolled back and the stored
    objects go too."""
    if checked is None:
        return None
    is_image = checked.kind == IMAGE
    attachment = Attachment(
        group=group,
        discussion=discussion,
        comment=comment,
        uploaded_by=user,
        name=checked.name,
        kind=checked.kind,
        content_type=checked.content_type,
        size=checked.content.size,
        status=AttachmentStatus.PROCESSING if is_image else AttachmentStatus.READY,
    )
    try:
        attachment.file.save(checked.name, checked.content, save=False)
    except STORAGE_ERRORS as error:
        logger.warning("The file store refused %s: %s", checked.name, error)
        delete_files_if_possible(attachment)
        raise Refused(store_down_message(), 503) from error
    try:
        attachment.save()
        if is_image:
            # The database queue writes the task in this same transaction: the
            # worker finds the attachment and its task together, or neither.
            process_image.enqueue(attachment.pk)
            # A backend that runs tasks at once (the unit tests) has processed it already.
            attachment.refresh_from_db()
    except Exception:
        delete_files_if_possible(attachment)
        raise
    return attachment


def delete_files_if_possible(attachment):
    """Remove what was stored for a post that failed. The store may be the
    thing that failed: then the orphan is logged, and the error the member
    sees stays the original one."""
    try:
        attachment.delete_files()
    except STORAGE_ERRORS as error:
        logger.error("Could not delete the stored files of a failed post: %s", error)


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
                delete_files_if_possible(attachment)
        raise
