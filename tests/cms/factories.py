"""Factories for what every app uses: accounts and Wagtail's images and documents
(factory_boy / wagtail-factories)."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.images.tests.utils import get_test_image_file


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class ImageFactory(wagtail_factories.ImageFactory):
    file = factory.LazyFunction(lambda: get_test_image_file(size=(640, 360)))
    description = "A test illustration"


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = "Market consultation checklist"
    file = factory.django.FileField(filename="checklist.pdf", data=b"%PDF-1.4 checklist")
