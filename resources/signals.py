"""Keep the search indexes equal to what the public may see.

Wagtail's own handlers index a model on every save and delete, at once. For
resources that is both too early (on post_save modelcluster has not yet written
the many-to-many relations) and unsafe (a rolled-back import would stay in the
engine). So Resource turns them off (`search_auto_update = False`) and the index
follows the moments that matter, once the transaction commits: publishing,
unpublishing and deleting. The resources a transaction touched are brought in
line together, from what the database holds after the commit (resources/
indexing.py): an import of 10,000 resources is indexed in a few bulk requests,
not one document at a time. The taxonomy terms kept in the cache
(resources/taxonomies.py) are forgotten when one changes.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from cms.commit_batches import after_commit

from . import indexing, taxonomies
from .models import Resource


@receiver(published, sender=Resource)
@receiver(unpublished, sender=Resource)
@receiver(post_delete, sender=Resource)
def reindex_resource(sender, instance, **kwargs):
    after_commit(indexing.sync, instance.pk)


def forget_taxonomy(sender, **kwargs):
    taxonomies.forget(sender)


for term_model in taxonomies.MODELS:
    post_save.connect(forget_taxonomy, sender=term_model, dispatch_uid=f"forget-{term_model}")
    post_delete.connect(forget_taxonomy, sender=term_model, dispatch_uid=f"forget-d-{term_model}")
