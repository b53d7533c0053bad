"""What an event says: its type, when it happened, and a snapshot of the object.

The snapshot is taken when the change happens, inside the editor's transaction:
once a deletion commits there is nothing left to read.
"""

import uuid
from copy import copy

from django.conf import settings
from django.utils import timezone

from cms.absolute_urls import absolute_url
from cms.locales import language_codes

PAGE_EVENTS = ["page.published", "page.unpublished", "page.moved", "page.deleted"]
SNIPPET_ACTIONS = ["published", "unpublished", "deleted"]
TAXONOMY_CHANGED = "taxonomy.changed"


def event_types():
    """Every event an endpoint may subscribe to, in the order the admin lists them."""
    snippets = [
        f"{kind}.{action}" for kind in settings.WEBHOOK_SNIPPETS for action in SNIPPET_ACTIONS
    ]
    return PAGE_EVENTS + snippets + [TAXONOMY_CHANGED]


def new_event(event_type, subject):
    """The event as receivers get it. Its id stays the same on every attempt and
    for every endpoint, so a receiver can tell a retry from a new event."""
    return {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "occurred_at": timezone.now().isoformat(),
        "object": subject,
    }


def page_subject(page, url_path_before=None):
    """A page; for a move, also the URL it had before (url_path_before)."""
    subject = {
        "type": (page.specific_class or type(page))._meta.label,
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(),
        "locale": page.locale.language_code,
        "live": page.live,
    }
    if url_path_before is not None:
        before = copy(page)
        before.url_path = url_path_before
        subject["previous_url"] = before.get_full_url()
    return subject


def snippet_subject(instance):
    """A non-page object (a resource): its URL is its own path (in its own
    language: Resource.get_url) on the default Site's root URL."""
    locale_id = getattr(instance, "locale_id", None)
    language = language_codes({locale_id}).get(locale_id) if locale_id else None
    path = instance.get_url() if hasattr(instance, "get_url") else None
    return {
        "type": instance._meta.label,
        "id": instance.pk,
        "title": str(instance),
        "url": absolute_url(path) if path else None,
        "locale": language,
        "live": getattr(instance, "live", True),
    }


def term_subject(term, change):
    """A taxonomy term: it has no page of its own. `change` is created, updated
    or deleted."""
    return {
        "type": term._meta.label,
        "id": term.pk,
        "title": str(term),
        "url": None,
        "locale": None,
        "change": change,
    }
