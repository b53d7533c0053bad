"""Syncing translations after a source changes (wagtail-localize).

The package's "Sync translated pages" form offers "Publish immediately" to
everyone who may submit translations, and publishes every translation without
asking whether that person may publish it. Editors here may not publish: their
changes go through the moderation workflow. This view offers the option only
to those who may publish every translation it would publish.
"""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views.update_translations import UpdateTranslationsView


def can_publish_translations(user, source):
    """Whether `user` may publish every enabled translation of `source`."""
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            target = source.get_source_instance()
        if isinstance(target, Page):
            if not target.permissions_for_user(user).can_publish():
                return False
        elif not user.has_perm(get_permission_name("publish", type(target))):
            return False
    return True


class SyncTranslationsView(UpdateTranslationsView):
    def may_publish(self):
        return can_publish_translations(self.request.user, self.object)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        # The package reads this field unconditionally; a person who may not
        # publish syncs the translations' drafts only.
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)
