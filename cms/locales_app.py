"""wagtail-localize's locales admin, which replaces wagtail.locales, plus the one
thing of wagtail.locales it drops: Wagtail's API v3 endpoints /api/v3/locales/,
which API clients rely on. They are mounted here, in the app's ready(), where
wagtail.locales mounted them, so the API document keeps its order."""

from wagtail_localize.locales.apps import WagtailLocalesAppConfig


class LocalesConfig(WagtailLocalesAppConfig):
    def ready(self):
        from wagtail.api.v3.api import api
        from wagtail.locales.api.v3 import router

        api.add_router("/locales/", router)
