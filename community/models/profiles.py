from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def avatar_path(instance, filename):
    from community.uploads import picture_path

    return picture_path("avatars")


class Profile(models.Model):
    """What a member tells others about themselves. The public page shows the
    name always, and each other field only if its owner chose to share it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("name"), max_length=120, blank=True)
    # Shown wherever the name is, so it is as public as the name: a plain
    # storage URL, under a random key. Always a square JPEG checked and
    # re-encoded by community.uploads.check_picture (ProfileForm).
    avatar = models.FileField(_("picture"), upload_to=avatar_path, max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "home.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example: procurement officer")
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    public = models.BooleanField(
        _("public profile page"),
        default=True,
        help_text=_("Off: your profile page is not found, and your name alone shows."),
    )
    share_organisation = models.BooleanField(_("show my organisation"), default=True)
    share_country = models.BooleanField(_("show my country"), default=True)
    share_role = models.BooleanField(_("show my role"), default=True)
    share_bio = models.BooleanField(_("show my bio"), default=False)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.display_name or self.user.get_username()

    @property
    def initials(self):
        """What stands in for a missing picture: the first letters of the
        name's first two words."""
        return "".join(word[0] for word in self.name.split()[:2]).upper()

    def shared(self):
        """(label, value) pairs the owner chose to show, in display order."""
        pairs = [
            (_("Organisation"), self.organisation, self.share_organisation),
            (_("Country"), self.country.name if self.country else "", self.share_country),
            (_("Role"), self.role, self.share_role),
            (_("About"), self.bio, self.share_bio),
        ]
        return [(label, value) for label, value, shown in pairs if shown and value]
