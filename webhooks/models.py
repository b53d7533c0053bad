"""Where events go (Endpoint) and what became of each one there (Delivery)."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Endpoint(models.Model):
    """A receiver that site administrators set up in the admin.

    Any http(s) URL is accepted, loopback and private addresses included, so
    there is no filter against server-side request forgery: only those who may
    add or change endpoints (superusers, unless given to a group) set the URL,
    and they can already do more than reach what the server reaches. The worker
    follows no redirect, so a receiver cannot send it anywhere else.
    """

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    # The HMAC key is needed as it is to sign, so it is stored as it is; the
    # admin never shows it again once the endpoint is created (forms.py).
    secret = models.CharField(_("secret"), max_length=200)
    events = models.JSONField(_("events"), default=list)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.name


class Delivery(models.Model):
    """One event for one endpoint: written when the editor's change commits,
    then by the worker after each attempt."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event_id = models.UUIDField(_("event id"), db_index=True)
    event_type = models.CharField(_("event type"), max_length=50)
    payload = models.TextField(_("payload"), help_text=_("The request body, as sent every time."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("last status code"), null=True)
    # The most recent failure, kept after a later attempt succeeds.
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="one_delivery_per_endpoint_and_event"
            )
        ]

    def __str__(self):
        return f"{self.event_type} to {self.endpoint}"
