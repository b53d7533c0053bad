from django import forms
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from cms.absolute_urls import absolute_url
from cms.paging import paginate

from ..term_names import in_shown_order
from .base import BasePage, BodyPage, listing_image_renditions
from .taxonomy import Topic


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self, locale):
        """Live, public news in one language, newest first, with everything a card shows."""
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("listing_image", "procurement_type")
            .prefetch_related("topics")
            .prefetch_related(listing_image_renditions())
            .order_by("-date", "-pk")
        )


class NewsPage(BodyPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="news_pages",
        help_text=_("Readers filter the news list by these."),
    )
    procurement_type = models.ForeignKey(
        "home.ProcurementType",
        verbose_name=_("procurement type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )

    featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("Featured news comes first on the home page, before the latest items."),
    )

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = (
        BodyPage.content_panels[:1]
        + [
            FieldPanel("date"),
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("procurement_type"),
            FieldPanel("featured"),
        ]
        + BodyPage.content_panels[1:]
    )

    search_fields = BodyPage.search_fields + [
        index.FilterField("date"),
        index.FilterField("featured"),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    api_fields = BodyPage.api_fields + [
        APIField("date", writable=True),
        APIField("featured", writable=True),
        APIField("topics", writable=True),
        APIField("procurement_type", writable=True),
    ]

    api_select_related = (*BodyPage.api_select_related, "procurement_type")

    @classmethod
    def api_prefetch(cls):
        return (*super().api_prefetch(), "topics")

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date"]


class NewsFeed(Feed):
    """RSS 2.0 for one news index, in the index's language."""

    feed_type = Rss201rev2Feed
    limit = 20

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        site_name = index_page.get_site().site_name or settings.WAGTAIL_SITE_NAME
        return f"{index_page.title} — {site_name}"

    # Absolute URLs from Wagtail's site and the request: Django's syndication
    # would otherwise prefix the sites framework's domain (which the comments
    # framework needs, but which knows nothing of Wagtail's sites).
    def link(self, index_page):
        return index_page.get_full_url(request=self.request)

    def feed_url(self, index_page):
        return absolute_url(self.request.get_full_path(), self.request)

    def description(self, index_page):
        return index_page.intro or str(_("News on public procurement of innovation"))

    def items(self, index_page):
        return index_page.news_items()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS descriptions are HTML; the intro is plain text.
        return escape(item.intro)

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.date, timezone.datetime.min.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.shown_name for topic in item.topics.all()]


class NewsIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        return NewsPage.objects.child_of(self).for_listing(self.locale)

    def filtered_news(self, request):
        """Apply ?topic=; an unknown topic is a page that does not exist (404)."""
        items = self.news_items()
        topic = None
        slug = request.GET.get("topic")
        if slug:
            topic = get_object_or_404(Topic, slug=slug)
            items = items.filter(topics=topic)
        return items, topic

    @path("")
    def index(self, request):
        items, topic = self.filtered_news(request)
        return self.render(
            request,
            context_overrides={
                "news": paginate(request, items, settings.NEWS_PAGE_SIZE),
                "topics": in_shown_order(
                    Topic.objects.filter(news_pages__in=self.news_items().values("pk")).distinct()
                ),
                "selected_topic": topic,
            },
        )

    @path("feed/")
    def feed(self, request):
        return NewsFeed()(request, index_page=self)
