from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Procurement Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.ids import PublicIdConverter, register_converters
        from search.sources import register

        from . import signals  # noqa: F401
        from .models import Attachment, Discussion, ForumComment
        from .search import SOURCE, connect_comment_indexing

        register(SOURCE)
        connect_comment_indexing()
        # <comment:…>, <discussion:…>, <attachment:…> in URL patterns: public ids.
        register_converters(
            {
                "comment": PublicIdConverter(ForumComment.public_ids),
                "discussion": PublicIdConverter(Discussion.public_ids),
                "attachment": PublicIdConverter(Attachment.public_ids),
            }
        )
