"""What members comment on besides discussions: the models named in
FORUM_COMMENT_TARGETS (kind -> "app.Model"), while they are published and
public. A member chooses who sees such a comment: everyone, or one of their
groups, so a group can discuss a public resource privately."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import DraftStateMixin, Page


def published(model):
    """The objects of `model` the public may see, hence comment on."""
    if issubclass(model, Page):
        return model.objects.live().public()
    if issubclass(model, DraftStateMixin):
        return model.objects.filter(live=True)
    return model.objects.all()


def kind_of(obj):
    """The kind under which `obj` takes comments, or None."""
    label = obj._meta.label
    return next(
        (kind for kind, model in settings.FORUM_COMMENT_TARGETS.items() if model == label), None
    )


def on_shown_targets(comments, discussion_model, as_values=False):
    """The part of `comments` whose target is shown: a discussion (its group
    decides the rest), or a published object of a FORUM_COMMENT_TARGETS kind.
    A comment on a page made private or unpublished since is hidden with it,
    on every surface, as its permalink is.

    For a search engine (`as_values`), which filters on indexed values, the
    few hidden objects that have comments are read out as a list; the
    database takes the published objects as a subquery."""
    kinds = {ContentType.objects.get_for_model(discussion_model).pk: None}
    for label in settings.FORUM_COMMENT_TARGETS.values():
        model = apps.get_model(label)
        kinds[ContentType.objects.get_for_model(model).pk] = model
    shown = Q(content_type_id__in=list(kinds))
    for content_type_id, model in kinds.items():
        if model is None:
            continue
        keys = published(model).annotate(key=Cast("pk", CharField())).values("key")
        if as_values:
            on_model = comments.model.objects.filter(content_type_id=content_type_id)
            hidden = list(
                on_model.exclude(object_pk__in=keys).values_list("object_pk", flat=True).distinct()
            )
            if hidden:
                shown &= ~Q(content_type_id=content_type_id, object_pk__in=hidden)
        else:
            shown &= ~Q(content_type_id=content_type_id) | Q(object_pk__in=keys)
    return comments.filter(shown)
