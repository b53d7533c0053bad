"""Forum work too heavy for a request, done by the background worker
(`manage.py db_worker --backend background`).

An image attachment arrives checked by its header only (community/uploads.py)
and stored privately as uploaded, with its status "processing": nothing serves
it yet, so its EXIF (camera, GPS) never leaves the server. `process_image`
decodes it, drops its metadata, re-encodes it, makes its rendition for pages,
and marks it ready; or, if it cannot be read, marks it failed with the reason.
The worker runs one task at a time, so however many images arrive at once, one
is decoded at a time, not one per request.
"""

import io
import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Attachment
from .models.attachments import AttachmentStatus
from .uploads import PILLOW_FORMATS, STORAGE_ERRORS, reencode_image

logger = logging.getLogger(__name__)

PROCESSING = AttachmentStatus.PROCESSING


@task(backend="background")
def process_image(attachment_id):
    attachment = Attachment.objects.filter(pk=attachment_id, status=PROCESSING).first()
    if attachment is None:
        return  # gone with its post, or settled by an earlier run
    original = attachment.file.name
    try:
        reencode(attachment, original)
    except Exception:
        # Anything unforeseen (memory, a bug): the member sees a failure rather
        # than "processing" for ever, and the worker records the traceback.
        fail(attachment, original, _("This image could not be prepared."))
        raise


def reencode(attachment, original):
    storage = attachment.file.storage
    try:
        # At most FORUM_MAX_IMAGE_MB: decoding needs it whole anyway.
        with attachment.file.open("rb") as stored:
            data = io.BytesIO(stored.read())
        content, rendition = reencode_image(data, PILLOW_FORMATS[attachment.content_type])
    except ValidationError as error:
        fail(attachment, original, " ".join(error.messages))
        return
    except STORAGE_ERRORS as error:
        store_failed(attachment, original, error)
        return
    try:
        attachment.file.save(attachment.name, content, save=False)
        attachment.rendition.save(attachment.name, rendition, save=False)
    except STORAGE_ERRORS as error:
        # A name changes only once its file is stored: those are the ones to delete.
        stored = [attachment.file.name, attachment.rendition.name]
        delete_quietly(storage, [name for name in stored if name and name != original])
        store_failed(attachment, original, error)
        return
    settled = Attachment.objects.filter(pk=attachment.pk, status=PROCESSING).update(
        file=attachment.file.name,
        rendition=attachment.rendition.name,
        size=content.size,
        status=AttachmentStatus.READY,
    )
    # Whatever happened, one copy is left over: the upload with its metadata
    # once the re-encoded image replaced it, or the new files if the post went
    # (or another run settled it) in the meantime.
    leftovers = [original] if settled else [attachment.file.name, attachment.rendition.name]
    delete_quietly(storage, leftovers)


def store_failed(attachment, original, error):
    logger.warning("The file store failed while processing attachment %s: %s", attachment.pk, error)
    fail(attachment, original, _("The file store was not answering. Please post the image again."))


def fail(attachment, original, problem):
    """Mark the attachment failed, saying why, and delete the upload: it is
    never served, so nothing should keep its metadata."""
    logger.info("Attachment %s could not be processed: %s", attachment.pk, problem)
    Attachment.objects.filter(pk=attachment.pk, status=PROCESSING).update(
        status=AttachmentStatus.FAILED, problem=problem[:300]
    )
    delete_quietly(attachment.file.storage, [original])


def delete_quietly(storage, names):
    """A storage failure here leaves an orphan object (logged), not an error:
    the attachment's state is already right."""
    for name in names:
        try:
            storage.delete(name)
        except STORAGE_ERRORS as error:
            logger.error("Could not delete %s from the file store: %s", name, error)
