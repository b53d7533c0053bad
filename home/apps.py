from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.api_pages import register_page_schemas

        # Before any app imports Wagtail's page router, which reads them.
        register_page_schemas()
