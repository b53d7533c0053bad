from django.apps import AppConfig


class SavedSearchesConfig(AppConfig):
    name = "saved_searches"
    verbose_name = "Saved searches"
    default_auto_field = "django.db.models.BigAutoField"
