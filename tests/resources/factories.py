"""Factories for the Resource Centre: one resource as an editor makes it, or
many at once with bulk inserts."""

import datetime

import factory
from django.utils.text import slugify
from wagtail.models import Locale

from resources.models import Resource


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


def bulk_resources(specs, locale=None):
    """Create resources with bulk inserts: no signals, no per-row saves. Each spec
    is (Resource fields, {relation name: [objects]}, [tags]); in `locale`, else
    the default language's."""
    from taggit.models import Tag

    from resources.models import ResourceTag

    locale = locale or Locale.get_default()
    resources = Resource.objects.bulk_create(
        [
            Resource(
                locale=locale,
                slug=slugify(fields["title"]),
                publication_year=fields["publication_date"].year,
                live=fields.pop("live", True),
                publisher="Agency",
                **fields,
            )
            for fields, _, _ in specs
        ]
    )
    for resource, (_, relations, tags) in zip(resources, specs, strict=True):
        for name, objects in relations.items():
            through = getattr(Resource, name).through
            # The through model's other column is named after the related model.
            target = f"{type(objects[0])._meta.model_name}_id"
            through.objects.bulk_create(
                [through(resource_id=resource.pk, **{target: obj.pk}) for obj in objects]
            )
        for name in tags:
            tag, _ = Tag.objects.get_or_create(name=name, slug=name)
            ResourceTag.objects.create(tag=tag, content_object=resource)
    return resources
