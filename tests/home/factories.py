"""Factories for the website's pages and topics (wagtail-factories)."""

import datetime

import factory
import wagtail_factories

from home import models


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.HomePage

    title = "Home"
    hero_title = "Innovation procurement for Europe"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "About this page."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.NewsIndexPage

    title = "News"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    intro = "A short introduction."

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            self.save()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.EventIndexPage

    title = "Events"
    slug = "events"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    intro = "An event about innovation procurement."
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda event: event.start_date)
    start_time = datetime.time(9, 30)
    end_time = datetime.time(17, 0)
    time_zone = "Europe/Brussels"
    event_type = "conference"
    venue = "Congress centre"
    city = "Brussels"
    country = factory.LazyFunction(lambda: models.Country.objects.get(code="BE"))


class LegalFrameworkIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.LegalFrameworkIndexPage

    title = "Legal framework"
    slug = "legal-framework"


class LegalSectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.LegalSectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    jurisdiction = factory.LazyFunction(lambda: models.Country.objects.get(code="EU"))
