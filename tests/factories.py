"""Factories for the website's models (wagtail-factories / factory_boy)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ImageFactory(wagtail_factories.ImageFactory):
    file = factory.LazyFunction(lambda: get_test_image_file(size=(640, 360)))
    description = "A test illustration"


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = "Market consultation checklist"
    file = factory.django.FileField(filename="checklist.pdf", data=b"%PDF-1.4 checklist")


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


class ResourceFactory(factory.django.DjangoModelFactory):
    """A live resource; pass relations__topics=[...] etc. as lists, and
    relations__publish=True to publish it through a revision as an editor does."""

    class Meta:
        model = "resources.Resource"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.LazyAttribute(lambda resource: slugify(resource.title))
    summary = "A resource about innovation procurement."
    resource_type = "guidance"
    publisher = "Innovation agency"
    publication_date = datetime.date(2024, 5, 1)
    live = True
    locale = factory.LazyFunction(lambda: Locale.get_default())

    @factory.post_generation
    def relations(self, create, extracted, **kwargs):
        for name in ("topics", "countries", "languages", "procurement_types"):
            values = kwargs.get(name)
            if values:
                getattr(self, name).set(values)
        if kwargs.get("tags"):
            self.tags.add(*kwargs["tags"])
        self.save()
        if kwargs.get("publish"):
            self.save_revision().publish()


class ForumGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.ForumGroup"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Forum group {n}")
    slug = factory.LazyAttribute(lambda group: slugify(group.name))
    description = "Buyers comparing notes."
    visibility = "public"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Membership"

    group = factory.SubFactory(ForumGroupFactory)
    user = factory.SubFactory(UserFactory)
    role = "member"


class DiscussionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Discussion"

    group = factory.SubFactory(ForumGroupFactory)
    title = factory.Sequence(lambda n: f"Discussion {n}")
    body = "What did your market consultation teach you?"
    author = factory.SubFactory(UserFactory)


def forum_comment(discussion, user, text="Thanks, very useful.", parent=None):
    """A comment on a discussion, stored as the Forum stores it."""
    from community.models import ForumComment

    comment = ForumComment.objects.new_on(discussion, user, text, parent)
    comment.save()
    return comment
