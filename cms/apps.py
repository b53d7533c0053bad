from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project's own pieces every app shares (the API's types, its
    boundary, absolute URLs, ids). It has no models."""

    name = "cms"
    verbose_name = "Procurement of Innovation Platform"

    def ready(self):
        from . import api_fields, ids

        api_fields.install()
        ids.register_converters({"id": ids.PlainIdConverter()})
