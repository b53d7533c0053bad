"""What the importing user may do to a row's resource, as in the admin."""

from django.utils.translation import gettext as _
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import Resource


class ImportPermissions:
    """`user` may add; change for updates (if no one else holds the lock);
    publish for live rows. Without a user (the management command) nothing is
    limited."""

    def __init__(self, user=None):
        self.user = user
        self.policy = ModelPermissionPolicy(Resource)

    def may(self, action):
        return self.user is None or self.policy.user_has_permission(self.user, action)

    def problems(self, current, slug, live):
        """(column, reason) for each thing the row would do that the user may
        not: `current` is the resource it updates, None if it creates one."""
        found = []
        if current is None:
            if not self.may("add"):
                found.append(("slug", _("you may not add resources")))
        elif not self.may("change"):
            found.append(
                (
                    "slug",
                    _("a resource with slug '%(slug)s' exists and you may not change resources")
                    % {"slug": slug},
                )
            )
        elif self.user is not None and (lock := current.get_lock()) and lock.for_user(self.user):
            found.append(
                ("slug", _("the resource '%(title)s' is locked") % {"title": current.title})
            )
        if live and not self.may("publish"):
            found.append(
                ("live", _("you may not publish resources; set live to false to import drafts"))
            )
        return found
