from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Procurement Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.sources import register

        from . import signals  # noqa: F401
        from .search import SOURCE, connect_index_updates

        register(SOURCE)
        connect_index_updates()
