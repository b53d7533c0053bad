from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource Centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.data_version import install_after_migrations
        from search.sources import register

        from . import signals  # noqa: F401 connects the index lifecycle handlers
        from .facets import FACETS
        from .models import Resource
        from .search_source import SOURCE

        register(SOURCE)
        # The database search keeps counts and matches in memory, as new as the rows.
        install_after_migrations(Resource, FACETS, sender=self)
