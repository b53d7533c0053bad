"""What members comment on besides discussions: the models named in
FORUM_COMMENT_TARGETS (kind -> "app.Model"), while they are published and
public. A member chooses who sees such a comment: everyone, or one of their
groups, so a group can discuss a public resource privately."""

from django.apps import apps
from django.conf import settings
from django.http import Http404
from wagtail.models import DraftStateMixin, Page


def target_model(kind):
    label = settings.FORUM_COMMENT_TARGETS.get(kind)
    if label is None:
        raise Http404
    return apps.get_model(label)


def published(model):
    """The objects of `model` the public may see, hence comment on."""
    if issubclass(model, Page):
        return model.objects.live().public()
    if issubclass(model, DraftStateMixin):
        return model.objects.filter(live=True)
    return model.objects.all()


def find_target(kind, pk):
    """The published object of `kind` with id `pk`, or 404."""
    model = target_model(kind)
    try:
        return published(model).get(pk=pk)
    except (ValueError, model.DoesNotExist) as missing:
        raise Http404 from missing


def kind_of(obj):
    """The kind under which `obj` takes comments, or None."""
    label = obj._meta.label
    return next(
        (kind for kind, model in settings.FORUM_COMMENT_TARGETS.items() if model == label), None
    )
