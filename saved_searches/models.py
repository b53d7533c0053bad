"""A member's saved Resource Centre search: the page's query string
(normalised), the language it was made in, and how its news reach them."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


def new_feed_key():
    return secrets.token_urlsafe(18)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily email")
    WEEKLY = "weekly", _("Weekly email")
    NEVER = "never", _("No email (feed only)")


PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
# A run of the alert command an hour early (cron drift, a run by hand) still
# finds yesterday's searches due; a second run the same day finds none.
EARLY = timedelta(hours=1)


class SavedSearchQuerySet(models.QuerySet):
    def due(self, now=None):
        """Searches whose email is due at `now`: their period has passed since
        the last alert, and someone active with an address will read it."""
        now = now or timezone.now()
        periods = Q()
        for frequency, period in PERIODS.items():
            periods |= Q(frequency=frequency, alerted_until__lte=now - period + EARLY)
        return self.filter(periods, user__is_active=True).exclude(user__email="")


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    # The Resource Centre's query string, as saved_searches.querystrings.normalise makes it.
    query = models.CharField(max_length=2000, blank=True)
    # The language the search was made in: alerts list resources in it.
    language = models.CharField(max_length=10)
    frequency = models.CharField(
        _("email"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Resources published up to this moment have been considered for an alert.
    alerted_until = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # Part of the feed's address: a new key retires the old address.
    feed_key = models.CharField(max_length=32, default=new_feed_key)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "language", "query"], name="unique_saved_search_per_member"
            )
        ]

    def __str__(self):
        return self.name

    def renew_feed_key(self):
        """Give the feed a new address: the old one stops working at once."""
        self.feed_key = new_feed_key()
        self.save(update_fields=["feed_key"])

    def search_url(self):
        """The Resource Centre showing this search, in its language."""
        with translation.override(self.language):
            url = reverse("resources:index")
        return f"{url}?{self.query}" if self.query else url
