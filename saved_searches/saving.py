"""The rules for saving a search, in one place for the page and the API."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import SavedSearch
from .querystrings import describe

NAME_LENGTH = SavedSearch._meta.get_field("name").max_length


class Refused(Exception):
    """Why a search is not saved: `reason` tells programs (the API) which
    rule refused it, `message` tells people."""

    TOO_LONG = "too_long"
    ALREADY_SAVED = "already_saved"
    LIMIT_REACHED = "limit_reached"

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason, self.message = reason, message


def own_search(user, pk):
    """`user`'s saved search `pk`, for the page and the API alike: another
    member's is not found (404), as none is, so that its existence does not leak."""
    return get_object_or_404(SavedSearch, pk=pk, user=user)


def can_save_search(user, query, language):
    """None, or the Refused saying why `user` may not save one more search
    for `query`."""
    if len(query) > SavedSearch._meta.get_field("query").max_length:
        # Only long words in a far alphabet with most filters ticked come here.
        return Refused(
            Refused.TOO_LONG, _("This search is too long to save: use fewer words or filters.")
        )
    limit = settings.SAVED_SEARCHES_PER_MEMBER
    mine = SavedSearch.objects.filter(user=user)
    same = mine.filter(query=query, language=language).first()
    if same is not None:
        return Refused(
            Refused.ALREADY_SAVED,
            _("You already saved this search as “%(name)s”.") % {"name": same.name},
        )
    if mine.count() >= limit:
        return Refused(
            Refused.LIMIT_REACHED,
            _(
                "You have %(limit)s saved searches, the most a member may keep. "
                "Delete one you no longer need first."
            )
            % {"limit": limit},
        )
    return None


def default_name(query):
    """A search saved without a name is named after what it asks for (in the
    active language)."""
    return " · ".join(describe(query, quote=False))[:NAME_LENGTH] or _("All resources")


def save_search(user, query, language, name, frequency):
    refusal = can_save_search(user, query, language)
    if refusal:
        raise refusal
    try:
        with transaction.atomic():
            return SavedSearch.objects.create(
                user=user, query=query, language=language, name=name, frequency=frequency
            )
    except IntegrityError:  # the same search saved twice at once
        raise can_save_search(user, query, language) or Refused(
            Refused.ALREADY_SAVED, _("You already saved this search.")
        ) from None
