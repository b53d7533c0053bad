from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class PreviewSnapshot(models.Model):
    """What an editor previewed for a front end: the object's content as the
    edit form held it (saved or not), kept until its token expires
    (cms/headless_preview.py)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=255)
    content = models.JSONField(encoder=DjangoJSONEncoder)
    revision_id = models.PositiveBigIntegerField(
        null=True, help_text="The latest saved revision when the preview was made"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "headless preview"

    def __str__(self):
        return (
            f"Preview of {self.content_type} {self.object_id} at {self.created_at:%Y-%m-%d %H:%M}"
        )
