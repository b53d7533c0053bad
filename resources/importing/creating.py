"""New resources, many at a time: the rows Wagtail's CreateAction writes for
each (the resource, its relations and tags, its first revision, the
"wagtail.create" log entry, its references) and, for a live row, what
publishing that revision adds (the live state, the "wagtail.publish" entry,
the `published` signal), in a few statements for a batch instead of about a
hundred per resource.

tests/resources/test_import_writing.py compares the result with Wagtail's own
actions field by field, so that a Wagtail upgrade that changes them is noticed.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from taggit.models import Tag
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import ReferenceIndex, Revision
from wagtail.signals import published

from ..models import Resource, ResourceTag

# The relations modelcluster keeps in memory until a save (the tags aside).
PARENTAL_RELATIONS = [
    field.name
    for field in Resource._meta.many_to_many
    if isinstance(field, ParentalManyToManyField)
]


def create_resources(plans, user):
    """Write the create plans' resources; returns them, saved."""
    now = timezone.now()
    tags = tags_by_name(plans)
    resources = []
    for plan in plans:
        resource = plan.instance
        for name in PARENTAL_RELATIONS:
            # Set even when empty: an unset relation of a saved resource is
            # read from the database.
            getattr(resource, name).set(plan.relations.get(name, []))
        resource.tags.set([tags[name] for name in plan.tags or []])
        resource.derive_fields()
        # As CreateAction saves it: not live until its revision is published.
        resource.live = False
        resources.append(resource)
    Resource.objects.bulk_create(resources)
    insert_relations(resources)
    revisions = insert_revisions(resources, user, now)
    publish(plans, resources, revisions, now)
    insert_log_entries(plans, resources, revisions, user, now)
    insert_references(resources)
    for plan, resource, revision in zip(plans, resources, revisions, strict=True):
        if plan.live:
            published.send(sender=Resource, instance=resource, revision=revision)
    return resources


def tags_by_name(plans):
    """{name: Tag} for every tag the plans name, creating the new ones as
    taggit does (one at a time: Tag.save makes a unique slug)."""
    names = {name for plan in plans for name in plan.tags or []}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - tags.keys()):
        tags[name] = Tag.objects.create(name=name)
    return tags


def insert_relations(resources):
    """The taxonomy links and tags that modelcluster holds in memory until a
    save commits them."""
    for name in PARENTAL_RELATIONS:
        field = Resource._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{f"{source}_id": resource.pk, f"{target}_id": term.pk})
            for resource in resources
            for term in getattr(resource, field.name).all()
        )
    tagged_items = []
    for resource in resources:
        for item in resource.tagged_items.all():
            item.content_object = resource
            tagged_items.append(item)
    # With their ids, which the revision's content records as Wagtail's does.
    ResourceTag.objects.bulk_create(tagged_items)


def insert_revisions(resources, user, now):
    content_type = ContentType.objects.get_for_model(Resource)
    base_content_type = Resource.get_base_content_type()
    return Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(resource.pk),
            created_at=now,
            user=user,
            content=resource.serializable_data(),
            object_str=str(resource),
        )
        for resource in resources
    )


def publish(plans, resources, revisions, now):
    """The resource rows as saving the revision, then publishing a live one,
    leave them: in three statements whatever the number of rows (Django's
    bulk_update writes a CASE per field and row, slower than the inserts)."""
    Resource.objects.filter(pk__in=[resource.pk for resource in resources]).update(
        latest_revision_id=Subquery(
            Revision.objects.filter(
                base_content_type=Resource.get_base_content_type(),
                object_id=Cast(OuterRef("pk"), CharField()),
            )
            .order_by("-created_at", "-id")
            .values("id")[:1]
        )
    )
    live = [resource.pk for plan, resource in zip(plans, resources, strict=True) if plan.live]
    Resource.objects.filter(pk__in=live).update(
        live=True,
        has_unpublished_changes=False,
        expired=False,
        live_revision_id=F("latest_revision_id"),
        first_published_at=now,
        last_published_at=now,
    )
    Resource.objects.filter(pk__in={resource.pk for resource in resources} - set(live)).update(
        has_unpublished_changes=True
    )
    for plan, resource, revision in zip(plans, resources, revisions, strict=True):
        resource.latest_revision = revision
        resource.has_unpublished_changes = not plan.live
        if plan.live:
            resource.live = True
            resource.expired = False
            resource.live_revision = revision
            resource.first_published_at = resource.last_published_at = now


def insert_log_entries(plans, resources, revisions, user, now):
    log_model = log_registry.get_log_model_for_model(Resource)
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Resource, for_concrete_model=False)
    entries = []
    for plan, resource, revision in zip(plans, resources, revisions, strict=True):
        actions = ["wagtail.create", "wagtail.publish"] if plan.live else ["wagtail.create"]
        entries.extend(
            log_model(
                content_type=content_type,
                object_id=str(resource.pk),
                label=log_model.objects.get_instance_title(resource),
                action=action,
                timestamp=now,
                data={},
                uuid=context.uuid,
                user=user or context.user,
                revision=revision,
                content_changed=True,
            )
            for action in actions
        )
    log_model.objects.bulk_create(entries)


def insert_references(resources):
    """What ReferenceIndex.create_or_update_for_object inserts for an object
    that has no references yet (Wagtail's own extraction), for all at once."""
    content_type = ContentType.objects.get_for_model(Resource, for_concrete_model=False)
    ReferenceIndex.objects.bulk_create(
        ReferenceIndex(
            content_type=content_type,
            base_content_type=content_type,
            object_id=resource.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for resource in resources
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(resource)
        )
    )
