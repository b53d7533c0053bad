"""Which change sends which event: Wagtail's page signals; its generic
published/unpublished signals and Django's post_delete for the models named in
WEBHOOK_SNIPPETS; post_save/post_delete for the taxonomy term models named by
WEBHOOK_TAXONOMY_MODELS. Nothing here imports another app's code."""

import logging
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.module_loading import import_string
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import events
from .outbox import announce

logger = logging.getLogger(__name__)

# snippet model -> the kind its events are named after ("resource")
SNIPPET_KINDS = {}


def never_fails(handler):
    """An event that cannot be described is logged; the editor's action goes on."""

    @wraps(handler)
    def guarded(*args, **kwargs):
        try:
            handler(*args, **kwargs)
        except Exception:
            logger.exception("Webhooks: no event for this change")

    return guarded


@never_fails
def page_was_published(sender, instance, **kwargs):
    announce("page.published", events.page_subject(instance))


@never_fails
def page_was_unpublished(sender, instance, **kwargs):
    announce("page.unpublished", events.page_subject(instance))


@never_fails
def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after:
        return  # reordered among its siblings: its URL is the same
    announce("page.moved", events.page_subject(instance, url_path_before=url_path_before))


@never_fails
def page_was_deleted(sender, instance, **kwargs):
    # Sent once per page, descendants included: a page's own row is a Page.
    announce("page.deleted", events.page_subject(instance))


def snippet_handler(action):
    @never_fails
    def handler(sender, instance, **kwargs):
        announce(f"{SNIPPET_KINDS[sender]}.{action}", events.snippet_subject(instance))

    return handler


snippet_was_published = snippet_handler("published")
snippet_was_unpublished = snippet_handler("unpublished")
snippet_was_deleted = snippet_handler("deleted")


@never_fails
def term_was_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return  # loaddata: fixtures, not an edit
    change = "created" if created else "updated"
    announce(events.TAXONOMY_CHANGED, events.term_subject(instance, change))


@never_fails
def term_was_deleted(sender, instance, **kwargs):
    announce(events.TAXONOMY_CHANGED, events.term_subject(instance, "deleted"))


def connect():
    page_published.connect(page_was_published, dispatch_uid="webhooks:page_published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="webhooks:page_unpublished")
    post_page_move.connect(page_was_moved, dispatch_uid="webhooks:page_moved")
    post_delete.connect(page_was_deleted, sender=Page, dispatch_uid="webhooks:page_deleted")
    for kind, label in settings.WEBHOOK_SNIPPETS.items():
        model = apps.get_model(label)
        SNIPPET_KINDS[model] = kind
        for signal, handler in (
            (published, snippet_was_published),
            (unpublished, snippet_was_unpublished),
            (post_delete, snippet_was_deleted),
        ):
            signal.connect(handler, sender=model, dispatch_uid=f"webhooks:{id(signal)}:{label}")
    for model in import_string(settings.WEBHOOK_TAXONOMY_MODELS):
        label = model._meta.label
        post_save.connect(term_was_saved, sender=model, dispatch_uid=f"webhooks:saved:{label}")
        post_delete.connect(
            term_was_deleted, sender=model, dispatch_uid=f"webhooks:deleted:{label}"
        )
