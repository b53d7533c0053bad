"""The rules for saving a search, in one place for the page (and any API)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import SavedSearch


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def can_save_search(user, query, language):
    """None, or why `user` may not save one more search for `query`."""
    if len(query) > SavedSearch._meta.get_field("query").max_length:
        # Only long words in a far alphabet with most filters ticked come here.
        return _("This search is too long to save: use fewer words or filters.")
    limit = settings.SAVED_SEARCHES_PER_MEMBER
    mine = SavedSearch.objects.filter(user=user)
    same = mine.filter(query=query, language=language).first()
    if same is not None:
        return _("You already saved this search as “%(name)s”.") % {"name": same.name}
    if mine.count() >= limit:
        return _(
            "You have %(limit)s saved searches, the most a member may keep. "
            "Delete one you no longer need first."
        ) % {"limit": limit}
    return None


def save_search(user, query, language, name, frequency):
    refusal = can_save_search(user, query, language)
    if refusal:
        raise Refused(refusal)
    try:
        with transaction.atomic():
            return SavedSearch.objects.create(
                user=user, query=query, language=language, name=name, frequency=frequency
            )
    except IntegrityError:  # the same search saved twice at once
        raise Refused(can_save_search(user, query, language) or "") from None
