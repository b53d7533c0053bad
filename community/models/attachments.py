from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.ids import HasPublicId, PublicIds

from .comments import ForumComment
from .groups import ForumGroup, visible_scope

SIGNED_URL_SALT = "community.attachment"


class AttachmentStatus(models.TextChoices):
    """An image is stored privately as uploaded and re-encoded by the worker
    (community/tasks.py): until then it is "processing" and never served, so
    its EXIF (camera, GPS) never leaves the server. Other files are ready at once."""

    PROCESSING = "processing", _("processing")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Files are seen by whoever sees the group they were shared in, as
        long as the post they came with is shown: a removed (or unpublished)
        comment, or one on a page that is no longer shown, takes its files
        with it (the comments' own rule decides)."""
        shown = ForumComment.objects.visible_to(user).filter(is_removed=False)
        return self.filter(group__in=visible_scope(user)).filter(
            Q(comment__isnull=True) | Q(comment__in=shown)
        )


def upload_to(instance, filename):
    from community.uploads import storage_path

    return storage_path(instance.group_id, filename)


class Attachment(HasPublicId, models.Model):
    """A file shared with a discussion or a comment. It always belongs to a
    group, and is only ever served through a view that checks who may see it."""

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="attachments")
    discussion = models.ForeignKey(
        "community.Discussion",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    comment = models.ForeignKey(
        "community.ForumComment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=upload_to, max_length=255)
    rendition = models.FileField(upload_to=upload_to, max_length=255, blank=True)
    name = models.CharField(_("file name"), max_length=100)
    kind = models.CharField(max_length=10)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    status = models.CharField(
        max_length=10, choices=AttachmentStatus.choices, default=AttachmentStatus.READY
    )
    # Why processing failed, in words for the member who posted it.
    problem = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AttachmentQuerySet.as_manager()
    # Its URL and its signed link carry this, not the sequential id.
    public_ids = PublicIds("forum.attachment")

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(discussion__isnull=False) | Q(comment__isnull=False),
                name="attachment_belongs_to_a_post",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:attachment", kwargs={"attachment_id": self.pk, "name": self.name})

    def delete_files(self):
        """Remove the stored objects (not the row)."""
        self.file.delete(save=False)
        if self.rendition:
            self.rendition.delete(save=False)

    def get_signed_url(self, user):
        """A link that works for FORUM_SIGNED_URL_SECONDS without a session,
        for API clients (an <img> or a download cannot send a token). It
        carries who it was made for: the file is served only while that user
        may still see it (signed_for)."""
        signed = f"{self.public_id}:{user.pk if user.is_authenticated else ''}"
        key = signing.TimestampSigner(salt=SIGNED_URL_SALT).sign(signed)
        return f"{self.get_absolute_url()}?{urlencode({'key': key})}"

    def get_rendition_url(self):
        return reverse("community:attachment_rendition", kwargs={"attachment_id": self.pk})

    @property
    def is_ready(self):
        return self.status == AttachmentStatus.READY

    @property
    def is_processing(self):
        return self.status == AttachmentStatus.PROCESSING

    @property
    def is_image(self):
        return self.kind == "image"

    @property
    def is_video(self):
        return self.kind == "video"


def signed_for(key, attachment_id):
    """Who a signed link (Attachment.get_signed_url) was made for: a user, an
    anonymous user, or None when the key is forged, expired, for another file,
    or for an account that is gone."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    try:
        signed = signing.TimestampSigner(salt=SIGNED_URL_SALT).unsign(
            key, max_age=settings.FORUM_SIGNED_URL_SECONDS
        )
    except signing.BadSignature:  # includes an expired one
        return None
    public_id, _, user_id = signed.partition(":")
    if public_id != str(Attachment.public_ids.public(attachment_id)):
        return None
    if not user_id:
        return AnonymousUser()
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()
