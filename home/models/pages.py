"""The home page and the standard content page."""

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from .base import BasePage, BodyPage


class HomePage(BasePage):
    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resources_intro = models.TextField(
        _("Resource Centre teaser"),
        blank=True,
        help_text=_("Left empty, the home page shows a standard sentence."),
    )
    forum_intro = models.TextField(
        _("Forum teaser"),
        blank=True,
        help_text=_("Left empty, the home page shows a standard sentence."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("resources_intro"), FieldPanel("forum_intro")], heading=_("Entry points")
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_text")]
    api_fields = BasePage.api_fields + [
        APIField("hero_title", writable=True),
        APIField("hero_text", writable=True),
        APIField("hero_image", writable=True),
        APIField("resources_intro", writable=True),
        APIField("forum_intro", writable=True),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.LegalFrameworkIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.for_listing(self.locale).order_by(
            "-featured", "-date", "-pk"
        )[:3]
        context["upcoming_events"] = EventPage.objects.for_listing(self.locale).filter(
            ends_at__gte=timezone.now()
        )[:3]
        context["entry_points"] = self.entry_points()
        return context

    def entry_points(self):
        """Teasers for the Resource Centre and the Forum, each shown once its app
        is installed and answers at its URL."""
        candidates = [
            (
                "resources:index",
                _("Resource Centre"),
                self.resources_intro,
                _("Guidance, tools, case studies and reports on innovation procurement."),
                _("Search resources"),
            ),
            (
                "community:index",
                _("Procurement Forum"),
                self.forum_intro,
                _("Discuss with procurers across Europe and run groups for your projects."),
                _("Join the discussion"),
            ),
        ]
        entry_points = []
        for url_name, title, text, default_text, link_text in candidates:
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            entry_points.append(
                {"title": title, "text": text or default_text, "url": url, "link_text": link_text}
            )
        return entry_points


class StandardPage(BodyPage):
    """About, contact, background on PPI and PCP: a page of text and blocks."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
