"""Writing the planned rows, all or none: imported resources get revisions,
audit log entries and the `published` signal as if an editor had saved them.
Updates go through Wagtail's own edit action, one row at a time; new
resources are written in batches with what its create action writes
(creating.py).

What follows each save is done once for the whole file rather than row by
row: the reference index, and after the commit the search indexing, the
cached pages' retirement and the webhooks' look-up (cms/commit_batches.py)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.commit_batches import collecting

from ..models import Resource
from .creating import create_resources
from .results import RowError, Stage


class RowFailed(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


# New resources are written together (creating.py), about a twentieth of the
# file at a time, so that the run's page sees the rows advance, and no more
# than MAX_BATCH: each batch is a few statements of that many rows.
MIN_BATCH, MAX_BATCH = 25, 250


def batch_size(rows):
    return min(max(rows // 20, MIN_BATCH), MAX_BATCH)


def write(result, user, progress):
    try:
        # What follows the commit (indexing, cached pages, webhooks) is done
        # once for all the rows; Wagtail updates an object's references on
        # each of its saves (three per published row): once per resource.
        with transaction.atomic(), collecting():
            with disable_reference_index_auto_update():
                size = batch_size(len(result.plans))
                creates, one_by_one = [], []
                for plan in progress(result.plans, Stage.WRITING, len(result.plans)):
                    if plan.action == "create":
                        creates.append(plan)
                        if len(creates) == size:
                            one_by_one += write_new(creates, result, user)
                            creates = []
                    else:
                        write_row(plan, result, user)
                        one_by_one.append(plan)
                one_by_one += write_new(creates, result, user)
            update_references([plan.instance.pk for plan in one_by_one])
    except RowFailed as failure:
        result.errors.extend(failure.errors)
        result.created = result.updated = result.published = result.drafts = 0
        return
    result.written = True


def write_new(plans, result, user):
    """Write new resources together (creating.py); returns those it had to
    write one by one instead."""
    if not plans:
        return []
    try:
        with transaction.atomic():
            create_resources(plans, user)
    except IntegrityError:
        # A slug taken since the rows were checked: the batch is rolled back,
        # and written again row by row, validated as Wagtail validates an
        # editor's save, which says which row it was and why.
        for plan in plans:
            plan.instance.pk = None
            plan.instance._state.adding = True
            write_row(plan, result, user, clean=True)
        return plans
    for plan in plans:
        count(plan, result)
    return []


def write_row(plan, result, user, clean=False):
    instance = plan.instance
    for name, objects in plan.relations.items():
        getattr(instance, name).set(objects)
    if plan.tags is not None:
        instance.tags.set(plan.tags)
    action_class = CreateAction if plan.action == "create" else EditAction
    try:
        # Permissions and values were checked row by row with the rest
        # (planning.py); the actions check them one at a time and would fail
        # half-way. Without `clean`, a slug taken meanwhile is the
        # IntegrityError below.
        action = action_class(instance, user=user, publish=plan.live, clean=clean)
        action.execute(skip_permission_checks=True)
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
    count(plan, result)


def count(plan, result):
    if plan.action == "update":
        result.updated += 1
    else:
        result.created += 1
    if plan.live:
        result.published += 1
    else:
        result.drafts += 1


def update_references(pks):
    """The reference index of the resources written one by one (creating.py
    indexes those it writes), from what the database holds: a draft row keeps
    the live version's references, as in Wagtail."""
    for resource in Resource.objects.filter(pk__in=pks).prefetch_related("tagged_items"):
        ReferenceIndex.create_or_update_for_object(resource)
