from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource Centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.sources import register

        from . import signals  # noqa: F401 connects the index lifecycle handlers
        from .search_source import SOURCE

        register(SOURCE)
