"""Writing the planned rows, all or none, through Wagtail's own create and
edit actions: imported resources get revisions, audit log entries and the
`published` signal (which indexes them) as if an editor had saved them."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from .results import RowError, Stage


class RowFailed(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def write(result, user, progress):
    try:
        with transaction.atomic():
            for plan in progress(result.plans, Stage.WRITING, len(result.plans)):
                write_row(plan, result, user)
    except RowFailed as failure:
        result.errors.extend(failure.errors)
        result.created = result.updated = result.published = result.drafts = 0
        return
    result.written = True


def write_row(plan, result, user):
    instance = plan.instance
    for name, objects in plan.relations.items():
        getattr(instance, name).set(objects)
    if plan.tags is not None:
        instance.tags.set(plan.tags)
    action_class = CreateAction if plan.action == "create" else EditAction
    try:
        # Permissions were checked row by row with the rest; the actions check
        # them one at a time and would fail half-way.
        action_class(instance, user=user, publish=plan.live).execute(skip_permission_checks=True)
    except ValidationError as error:
        raise RowFailed(
            [
                RowError(plan.row, name if name != "__all__" else "", message)
                for name, messages in error.message_dict.items()
                for message in messages
            ]
        ) from error
    except IntegrityError as error:
        raise RowFailed(
            [
                RowError(
                    plan.row,
                    "slug",
                    _("could not be saved (%(error)s); was it changed meanwhile?")
                    % {"error": str(error).splitlines()[0]},
                )
            ]
        ) from error
    if plan.action == "update":
        result.updated += 1
    else:
        result.created += 1
    if plan.live:
        result.published += 1
    else:
        result.drafts += 1
