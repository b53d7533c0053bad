"""Headless preview: the admin's preview can open the site's front end, which
reads the draft from the API with a short-lived token.

Previewing in the "Front end" mode stores the object as the edit form holds it
(saved or not) and sends the editor to the front-end preview URL set for the
site under Settings → Site settings (HEADLESS_PREVIEW_SITE_SETTING), with
`?token=…&type=…&id=…` added. The front end calls `GET /api/v3/preview/?token=…`;
the token is signed, names that snapshot alone and expires after
HEADLESS_PREVIEW_MAX_AGE seconds, so no editor's long-lived token ever sits in
a front end.

Built on Wagtail's own preview modes rather than wagtail-headless-preview
(0.9.0 installs on Wagtail 8): its tokens never expire (unsigned with no
max_age, collected after a day), it previews pages only (resources are
snippets), it replaces the site's own HTML preview instead of adding a mode,
and its client URLs are a Django setting, not something site administrators
set per site.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms.absolute_urls import default_site
from cms.models import PreviewSnapshot

FRONT_END_MODE = "front-end"
SALT = "cms.headless-preview"


class PreviewExpired(Exception):
    pass


def front_end_preview_url(site):
    if site is None:
        return ""
    # By name: the setting is the website's model, and the website's pages
    # are made with this module's mixin.
    site_setting = apps.get_model(settings.HEADLESS_PREVIEW_SITE_SETTING)
    return site_setting.for_site(site).front_end_preview_url


def make_preview_token(obj):
    """Store `obj` as it is now (unsaved edits included) and return the token
    that reads it."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE)
    PreviewSnapshot.objects.filter(created_at__lt=cutoff).delete()
    latest = obj.get_latest_revision()
    snapshot = PreviewSnapshot.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        content=obj.serializable_data(),
        revision_id=latest.pk if latest else None,
    )
    return signing.dumps(snapshot.pk, salt=SALT)


def previewed_object(token):
    """The object a preview token names, as the editor previewed it; None for
    a token that names nothing, PreviewExpired for one too old."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewExpired from None
    except signing.BadSignature:
        return None
    snapshot = PreviewSnapshot.objects.filter(pk=pk).select_related("content_type").first()
    if snapshot is None:
        return None
    model = snapshot.content_type.model_class()
    saved = model._default_manager.filter(pk=snapshot.object_id).first()
    if saved is None:  # deleted since
        return None
    if hasattr(saved, "specific"):
        saved = saved.specific
    draft = saved.with_content_json(snapshot.content)
    draft.api_revision_id = snapshot.revision_id
    return draft


class FrontEndPreviewMixin:
    """Adds the "Front end" preview mode to a previewable model, once it is
    saved (the API finds drafts by the saved object) and when its site has a
    front-end preview URL."""

    def preview_site(self):
        site = self.get_site() if hasattr(self, "get_site") else None
        return site or default_site()

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if self.pk is not None and front_end_preview_url(self.preview_site()):
            modes.append((FRONT_END_MODE, _("Front end")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != FRONT_END_MODE:
            return super().serve_preview(request, mode_name)
        url = front_end_preview_url(self.preview_site())
        query = urlencode(
            {"token": make_preview_token(self), "type": self._meta.label, "id": self.pk}
        )
        return redirect(f"{url}{'&' if '?' in url else '?'}{query}")
