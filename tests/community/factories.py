"""Factories for the Forum: groups, memberships, discussions and comments."""

import factory
from django.utils.text import slugify

from tests.cms.factories import UserFactory


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
