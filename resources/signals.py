"""Keep the search index equal to what the public may see.

Wagtail indexes a snippet on post_save, before modelcluster has written its
many-to-many relations, and does not remove a resource that is unpublished.
Publishing and unpublishing are the moments that matter, so index then.
"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import published, unpublished

from .models import Resource


@receiver(published, sender=Resource)
def index_published_resource(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


@receiver(unpublished, sender=Resource)
def unindex_unpublished_resource(sender, instance, **kwargs):
    index.remove_object(instance)
