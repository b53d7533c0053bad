from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project's own pieces every app shares (the API's types, its
    boundary, absolute URLs, ids, paging, the page cache, headless preview)."""

    name = "cms"
    verbose_name = "Procurement of Innovation Platform"

    def ready(self):
        from . import api_fields, ids
        from .page_cache import triggers
        from .page_cache.generation import PageGeneration

        api_fields.install()
        ids.register_converters({"id": ids.PlainIdConverter()})
        # This process's page generation: the page cache's middlewares read
        # it (page_generation()), and every trigger retires the cached pages.
        self.page_generation = PageGeneration()
        triggers.connect(self.page_generation.retire)
