"""What members may upload, decided by the file's content rather than its name.

Each accepted type maps the extension `filetype` detects from the first bytes
to a kind and the MIME type the file is served with; the name's extension must
agree with the content. Images are re-encoded, which drops EXIF (camera, GPS)
and anything hidden after the picture, and get a smaller rendition for pages.
"""

import io
import os
import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

DOCUMENT, IMAGE, VIDEO = "document", "image", "video"

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
RENDITION_SIZE = (960, 960)


@dataclass
class CheckedUpload:
    name: str  # sanitised, with the extension the content calls for
    kind: str
    content_type: str
    content: ContentFile
    rendition: ContentFile | None  # images only


def safe_name(name):
    """The file's own name without any folder part, characters that could
    mean something to a shell or a URL, or excessive length."""
    base = os.path.basename(name.replace("\\", "/")).strip().lstrip(".")
    stem, ext = os.path.splitext(get_valid_filename(base) if base else "file")
    return (stem[:80] or "file") + ext.lower()[:10]


def looks_like_csv(head):
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and ("," in text or ";" in text or "\n" in text)


def check_upload(upload):
    """A CheckedUpload, or ValidationError with a message for the member."""
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
        raise ValidationError(
            _("The file's name says .%(named)s but its content is %(actual)s.")
            % {"named": extension or "?", "actual": detected or "text"},
            code="mismatch",
        )
    limit = settings.FORUM_UPLOAD_LIMITS[kind]
    if upload.size > limit:
        raise ValidationError(
            _("This %(kind)s is %(size)s MB; the limit is %(limit)s MB.")
            % {"kind": kind, "size": round(upload.size / 2**20, 1), "limit": limit // 2**20},
            code="size",
        )
    if kind == IMAGE:
        content, rendition = reencode_image(upload, detected)
    else:
        content, rendition = ContentFile(upload.read()), None
    return CheckedUpload(name, kind, content_type, content, rendition)


def reencode_image(upload, detected):
    try:
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This image cannot be read."), code="image") from error
    fmt = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}[detected]
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    # Saving without exif= or pnginfo= writes no metadata at all.
    original = io.BytesIO()
    image.save(original, format=fmt)
    small = image.copy()
    small.thumbnail(RENDITION_SIZE)
    rendition = io.BytesIO()
    small.save(rendition, format=fmt)
    return ContentFile(original.getvalue()), ContentFile(rendition.getvalue())


def storage_path(group_id, name):
    """Unguessable and grouped by forum group, so a bucket listing says nothing."""
    return f"forum/{group_id}/{uuid.uuid4().hex}/{name}"
