"""What members may upload, decided by the file's content rather than its name.

Each accepted type maps the extension `filetype` detects from the first bytes
to a kind and the MIME type the file is served with; the name's extension must
agree with the content. Images are re-encoded, which drops EXIF (camera, GPS)
and anything hidden after the picture, and get a smaller rendition for pages.

Decoding is what costs: a 131 KB PNG can claim 40 million pixels and take
hundreds of megabytes to decode. So a request only reads an image's header
(its type and dimensions) and refuses one past FORUM_MAX_IMAGE_MEGAPIXELS; an
attachment is decoded and re-encoded by the background worker (community/
tasks.py), one at a time. Avatars and group images are small files made
smaller still, and are decoded in the request at a reduced scale.
"""

import io
import os
import uuid
from dataclasses import dataclass

import filetype
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

DOCUMENT, IMAGE, VIDEO = "document", "image", "video"

# What the file store raises when it cannot take a file: S3 unreachable or
# refusing (boto), or the local disk failing.
STORAGE_ERRORS = (BotoCoreError, ClientError, OSError)


# detected extension -> (kind, MIME type, extensions a name may carry)
ACCEPTED = {
    "pdf": (DOCUMENT, "application/pdf", {"pdf"}),
    "doc": (DOCUMENT, "application/msword", {"doc"}),
    "xls": (DOCUMENT, "application/vnd.ms-excel", {"xls"}),
    "ppt": (DOCUMENT, "application/vnd.ms-powerpoint", {"ppt"}),
    "docx": (
        DOCUMENT,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        {"docx"},
    ),
    "xlsx": (
        DOCUMENT,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        {"xlsx"},
    ),
    "pptx": (
        DOCUMENT,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        {"pptx"},
    ),
    "odt": (DOCUMENT, "application/vnd.oasis.opendocument.text", {"odt"}),
    "ods": (DOCUMENT, "application/vnd.oasis.opendocument.spreadsheet", {"ods"}),
    "odp": (DOCUMENT, "application/vnd.oasis.opendocument.presentation", {"odp"}),
    "jpg": (IMAGE, "image/jpeg", {"jpg", "jpeg"}),
    "png": (IMAGE, "image/png", {"png"}),
    "gif": (IMAGE, "image/gif", {"gif"}),
    "webp": (IMAGE, "image/webp", {"webp"}),
    "mp4": (VIDEO, "video/mp4", {"mp4", "m4v"}),
    "webm": (VIDEO, "video/webm", {"webm"}),
}
CSV = (DOCUMENT, "text/csv", {"csv"})
# How Pillow names each image type, by the MIME type an attachment keeps.
PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}
RENDITION_SIZE = (960, 960)
AVATAR_SIZE = (256, 256)
GROUP_IMAGE_SIZE = (960, 960)
# Pillow reports a broken or hostile image with any of these.
UNREADABLE = (OSError, ValueError, SyntaxError, KeyError, TypeError, Image.DecompressionBombError)


@dataclass
class CheckedUpload:
    name: str  # sanitised, with the extension the content calls for
    kind: str
    content_type: str
    content: File  # the upload itself: an image is re-encoded later (community/tasks.py)


def safe_name(name):
    """The file's own name without any folder part, characters that could
    mean something to a shell or a URL, leading dots, or excessive length. A
    name with no letter or digit left ("!!!.pdf", ".pdf", "«».pdf") becomes
    "file" with its extension, which identify() still checks against the
    content."""
    stem, dot, extension = os.path.basename(name.replace("\\", "/")).rpartition(".")
    if not dot:
        stem, extension = extension, ""
    stem = usable(stem).strip(".")[:80]
    extension = usable(extension).lower()[:9]
    if not any(char.isalnum() for char in stem):
        stem = "file"
    return f"{stem}.{extension}" if extension else stem


def usable(part):
    """`part` with only the characters Django keeps in file names, or "" when
    none are left (Django raises instead, which would be a 500)."""
    try:
        return get_valid_filename(part)
    except SuspiciousFileOperation:
        return ""


def looks_like_csv(head):
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and ("," in text or ";" in text or "\n" in text)


def identify(upload):
    """(safe name, detected extension, kind, MIME type) of an accepted file,
    judged by its first bytes; ValidationError if its content is not one we
    take or its name claims another type."""
    name = safe_name(upload.name)
    extension = os.path.splitext(name)[1].lstrip(".")
    head = upload.read(8192)
    upload.seek(0)
    detected = filetype.guess_extension(head)
    if detected in ACCEPTED:
        kind, content_type, extensions = ACCEPTED[detected]
    elif detected is None and extension == "csv" and looks_like_csv(head):
        kind, content_type, extensions = CSV
    else:
        raise ValidationError(
            _("This kind of file cannot be shared here. Documents (PDF, Office, "
              "OpenDocument, CSV), images (JPEG, PNG, GIF, WebP) and videos (MP4, WebM) can."),
            code="type",
        )  # fmt: skip
    if extension not in extensions:
        if extension:
            message = _("The file's name says .%(named)s but its content is %(actual)s.")
        else:  # "report", or a name of punctuation only ("!!!")
            message = _("The file's name has no extension; its content is %(actual)s.")
        raise ValidationError(
            message % {"named": extension, "actual": detected or "text"}, code="mismatch"
        )
    return name, detected, kind, content_type


def check_upload(upload):
    """A CheckedUpload, or ValidationError with a message for the member. Cheap
    enough for a request: an image's header is read, never its pixels."""
    name, _detected, kind, content_type = identify(upload)
    limit = settings.FORUM_UPLOAD_LIMITS[kind]
    if upload.size > limit:
        raise ValidationError(
            _("This %(kind)s is %(size)s MB; the limit is %(limit)s MB.")
            % {"kind": kind, "size": round(upload.size / 2**20, 1), "limit": limit // 2**20},
            code="size",
        )
    if kind == IMAGE:
        read_picture_header(upload, PILLOW_FORMATS[content_type])
    # Stored as uploaded: the storage reads it in chunks (a video may be
    # hundreds of megabytes), never the whole file in memory.
    upload.seek(0)
    return CheckedUpload(name, kind, content_type, upload)


def max_picture_pixels():
    return int(settings.FORUM_MAX_IMAGE_MEGAPIXELS * 1_000_000)


def read_picture_header(upload, expected_format=None):
    """The picture opened lazily (Pillow has read its header, not its pixels),
    or ValidationError if it is not the type it claims or has more pixels than
    we decode: the one check of an image's dimensions, made before any decoding."""
    try:
        image = Image.open(upload)
    except UNREADABLE as error:
        raise ValidationError(_("This image cannot be read."), code="image") from error
    if expected_format is not None and image.format != expected_format:
        raise ValidationError(_("This image cannot be read."), code="image")
    if image.width * image.height > max_picture_pixels():
        raise ValidationError(
            _(
                "This image is %(width)s by %(height)s pixels, more than the %(limit)s million "
                "we take; make it smaller first."
            )
            % {
                "width": image.width,
                "height": image.height,
                "limit": f"{settings.FORUM_MAX_IMAGE_MEGAPIXELS:g}",
            },
            code="dimensions",
        )
    return image


def open_picture(upload, expected_format=None, at_least=None):
    """The upload decoded as an upright Pillow image, or ValidationError: one
    way to open every picture members send (attachments, avatars, group
    images). With `at_least` (a size), a JPEG is decoded at 1/2, 1/4 or 1/8
    scale while still covering it, which costs a fraction of the memory."""
    image = read_picture_header(upload, expected_format)
    try:
        if at_least is not None:
            image.draft(None, at_least)  # JPEG only; other types ignore it
        image.load()
        # In place: the default returns a copy, a second full-size image in memory.
        ImageOps.exif_transpose(image, in_place=True)
    except UNREADABLE as error:
        raise ValidationError(_("This image cannot be read."), code="image") from error
    return image


def reencode_image(source, pillow_format):
    """(the image re-encoded without any metadata, a smaller rendition), both
    ContentFiles, or ValidationError. Decodes the whole picture: run it in the
    background worker (community/tasks.py), not in a request."""
    image = open_picture(source, pillow_format)
    try:
        if pillow_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        # Saving without exif= or pnginfo= writes no metadata at all.
        original = io.BytesIO()
        image.save(original, format=pillow_format)
        image.thumbnail(RENDITION_SIZE)  # in place: no second full-size copy
        rendition = io.BytesIO()
        image.save(rendition, format=pillow_format)
    except UNREADABLE as error:
        raise ValidationError(_("This image cannot be read."), code="image") from error
    return ContentFile(original.getvalue()), ContentFile(rendition.getvalue())


def check_picture(upload, limit, size, square=False):
    """A picture to show (a member's avatar, a group's image) as a ContentFile
    holding a JPEG, or ValidationError with a message for the member.

    The content must be an image we accept (as for attachments, whatever the
    name says), no larger than `limit` bytes. It is turned upright, flattened
    onto white, shrunk to fit `size` (or, if `square`, cut to its centre and
    made exactly `size`) and re-encoded: EXIF (camera, GPS) and anything
    hidden after the picture are gone, and every picture is a JPEG."""
    _name, _detected, kind, content_type = identify(upload)
    if kind != IMAGE:
        raise ValidationError(_("Choose an image: JPEG, PNG, GIF or WebP."), code="type")
    if upload.size > limit:
        raise ValidationError(
            _("This image is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(upload.size / 2**20, 1), "limit": round(limit / 2**20, 1)},
            code="size",
        )
    image = open_picture(upload, PILLOW_FORMATS[content_type], at_least=size)
    try:
        # Shrink before converting, so that only the decoded picture is ever
        # full-size in memory, never a converted copy of it as well.
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")  # a palette or a rare mode: reduce() takes neither
        factor = min(image.width // size[0], image.height // size[1])
        if factor >= 2:
            image = image.reduce(factor)
        image = image.convert("RGBA")
    except UNREADABLE as error:
        raise ValidationError(_("This image cannot be read."), code="image") from error
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    if square:
        flat = ImageOps.fit(flat, size, Image.Resampling.LANCZOS)
    else:
        flat.thumbnail(size, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    flat.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name="picture.jpg")


def picture_path(folder):
    """A fresh random key for each picture: its URL cannot be guessed, and a new
    picture never shows up as a cached old one."""
    return f"{folder}/{uuid.uuid4().hex}.jpg"


def delete_replaced(stored, old_name):
    """Delete the file a row pointed to before `stored` replaced or cleared it,
    once the change is committed (a rolled-back change still needs it). A
    storage failure leaves an orphan object rather than failing the request."""
    if old_name and old_name != stored.name:
        storage = stored.storage
        transaction.on_commit(lambda: storage.delete(old_name), robust=True)


def storage_path(group_id, name):
    """Unguessable and grouped by forum group, so a bucket listing says nothing."""
    return f"forum/{group_id}/{uuid.uuid4().hex}/{name}"
