from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .models import ForumGroup, Profile
from .models.groups import retire_address

# Sent with `instance` after a comment was changed with update(), which sends
# no post_save: an edit, a removal by its author or by a moderator. Whoever
# follows comments through post_save follows this too: the search index
# (community/search.py) and the page cache (cms/page_cache/triggers.py).
comment_updated = Signal()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def give_every_user_a_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(post_delete, sender=Profile)
@receiver(post_delete, sender=ForumGroup)
def delete_the_picture(sender, instance, **kwargs):
    """A deleted account or group takes its picture with it, once the deletion
    is committed; a storage failure leaves an orphan rather than an error."""
    stored = instance.avatar if sender is Profile else instance.image
    if stored:
        storage, name = stored.storage, stored.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


@receiver(post_delete, sender=ForumGroup)
def retire_the_address(sender, instance, **kwargs):
    """A deleted group's address is never given to another group."""
    retire_address(instance.slug)
