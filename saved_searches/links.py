"""The signed links a saved search's emails and feed carry. Both work without
signing in: the signature is the authority, so a link cannot be made for a
search by changing its number."""

from django.core import signing
from django.urls import reverse

from .models import SavedSearch

UNSUBSCRIBE_SALT = "saved_searches.unsubscribe"
FEED_SALT = "saved_searches.feed"


def unsubscribe_path(saved):
    token = signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(saved.pk))
    return reverse("saved_searches:unsubscribe", kwargs={"token": token})


def feed_path(saved):
    # The key makes the address revocable: a new key, a new address.
    token = signing.Signer(salt=FEED_SALT).sign(f"{saved.pk}.{saved.feed_key}")
    return reverse("saved_searches:feed", kwargs={"token": token})


class BadLink(Exception):
    """A link that was not made here (altered, or cut short)."""


def unsubscribe_target(token):
    """The saved search an unsubscribe link names (None if it is deleted);
    BadLink if the link is forged."""
    try:
        pk = int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise BadLink from None
    return SavedSearch.objects.filter(pk=pk).first()


def feed_target(token):
    """The saved search a feed address names, or None: forged, deleted, or
    retired by a new address."""
    try:
        pk, _, key = signing.Signer(salt=FEED_SALT).unsign(token).partition(".")
        return SavedSearch.objects.filter(pk=int(pk), feed_key=key).first()
    except (signing.BadSignature, ValueError):
        return None
