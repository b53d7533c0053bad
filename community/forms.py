import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cms.ids import PublicIdField

from .models import (
    Discussion,
    ForumComment,
    ForumGroup,
    JoinRequest,
    Membership,
    Profile,
    Visibility,
)
from .models.groups import address_available, name_available
from .throttle import allow
from .uploads import AVATAR_SIZE, GROUP_IMAGE_SIZE, check_picture, check_upload


def invalid_status(form):
    """The status of a page or an API answer for a form sent with errors: 429
    when it was turned down for asking too often (GroupForm's names and
    addresses), 400 otherwise."""
    return 429 if form.has_error(NON_FIELD_ERRORS, "throttled") else 400


class PictureField(forms.FileField):
    """An optional picture for a model's file field: a new upload is checked
    by content and re-encoded (community.uploads.check_picture) into the JPEG
    that gets stored; no upload keeps the current picture."""

    widget = forms.FileInput

    def __init__(self, limit_setting, size, square=False, **kwargs):
        # The limit is read when cleaning, so that it follows the settings.
        self.limit_setting, self.size, self.square = limit_setting, size, square
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not isinstance(upload, UploadedFile):  # nothing new: the stored one, or none
            return upload
        limit = int(getattr(settings, self.limit_setting) * 2**20)
        return check_picture(upload, limit, self.size, self.square)


class PictureFormMixin:
    """A PictureField named `picture_field` and, when there is a picture
    already, a checkbox to remove it. A new upload wins over the checkbox."""

    picture_field = ""

    def add_removal(self, label):
        if not getattr(self.instance, self.picture_field):
            return
        checkbox = (f"remove_{self.picture_field}", forms.BooleanField(label=label, required=False))
        fields = list(self.fields.items())
        after = [name for name, _field in fields].index(self.picture_field) + 1
        self.fields = dict([*fields[:after], checkbox, *fields[after:]])

    def clean(self):
        cleaned = super().clean()
        new = isinstance(cleaned.get(self.picture_field), ContentFile)
        if cleaned.get(f"remove_{self.picture_field}") and not new:
            cleaned[self.picture_field] = False  # what FileField.save_form_data takes as "clear"
        return cleaned


class GroupForm(PictureFormMixin, forms.ModelForm):
    """A group's name, address, description, image and visibility, for the
    member `user` creating or changing it.

    Whether a name or an address is free is asked here only, after counting
    the try (FORUM_GROUP_ADDRESS_CHECKS_PER_HOUR): the answers say nothing of
    hidden groups (community.models.groups), and the count keeps anyone from
    trying a dictionary of them."""

    picture_field = "image"
    image = PictureField(
        "FORUM_MAX_GROUP_IMAGE_MB",
        GROUP_IMAGE_SIZE,
        label=_("Image"),
        help_text=_("Optional: a JPEG, PNG, GIF or WebP picture for the group's page."),
    )

    class Meta:
        model = ForumGroup
        fields = ["name", "slug", "description", "image", "visibility"]
        widgets = {"visibility": forms.RadioSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "The group's address; made from the name if empty (with a random ending for a "
            "private group, so that nobody finds it by guessing)."
        )
        self.add_removal(_("Remove the current image"))

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))
        if not slug:
            raise forms.ValidationError(_("Give the group a name or an address."))
        return slug

    def clean(self):
        cleaned = super().clean()
        name, slug = cleaned.get("name"), cleaned.get("slug")
        visibility = cleaned.get("visibility")
        if not (name and slug and visibility):
            return cleaned
        if visibility == Visibility.PRIVATE and not self.data.get("slug"):
            slug = cleaned["slug"] = f"{slug[:110]}-{secrets.token_hex(3)}"
        new = self.instance.pk is None
        if not (new or {"name", "slug", "visibility"} & set(self.changed_data)):
            return cleaned
        limit = settings.FORUM_GROUP_ADDRESS_CHECKS_PER_HOUR
        if not allow("group-address-checks", self.user.pk, limit, 3600):
            raise forms.ValidationError(
                _("You have tried too many names and addresses in the last hour; "
                  "please try again later."),
                code="throttled",
            )  # fmt: skip
        group = None if new else self.instance
        if not address_available(slug, group):
            self.add_error("slug", _("This address is not available; choose another."))
        if not name_available(name, visibility, group):
            self.add_error("name", _("A public group already has this name; choose another."))
        return cleaned

    def validate_unique(self):
        """Nothing more: clean() asked about the name and the address, and the
        database's constraints catch a group created in the same instant."""


class AttachmentField(forms.FileField):
    """An optional file, checked by its content (community/uploads.py)."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Attach a file"),
            help_text=_(
                "Optional: a document (PDF, Office, OpenDocument, CSV), an image or a video."
            ),
            **kwargs,
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return check_upload(upload) if upload else None


class DiscussionForm(forms.ModelForm):
    attachment = AttachmentField()

    class Meta:
        model = Discussion
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


class ReplyToField(PublicIdField):
    """The comment a reply answers, by its public id; cleaned, its database id."""

    default_error_messages = {"invalid": _("The comment you are replying to cannot be found.")}

    def __init__(self):
        super().__init__(ForumComment.public_ids, required=False, widget=forms.HiddenInput)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=settings.COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown: **bold**, *italic*, lists, links."),
    )
    parent = ReplyToField()
    attachment = AttachmentField()


class PageCommentForm(forms.Form):
    """A comment on a news page or a resource, for everyone or one group."""

    comment = CommentForm.base_fields["comment"]
    parent = ReplyToField()
    # Offers the author's groups; whether they may share with the one sent is
    # the service's answer (posting.post_page_comment), as in the API.
    scope = forms.CharField(
        label=_("Who sees it"),
        required=False,
        widget=forms.Select,
        help_text=_("A group's comment and its replies are seen by its members only."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups = Membership.objects.filter(user=user, banned=False).select_related("group")
        self.fields["scope"].widget.choices = [("", _("Everyone"))] + [
            (membership.group.slug, _("Only %(group)s") % {"group": membership.group.name})
            for membership in sorted(groups, key=lambda membership: membership.group.name)
        ]


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = JoinRequest
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        labels = {"message": _("A word for the group's owners (optional)")}


class ProfileForm(PictureFormMixin, forms.ModelForm):
    picture_field = "avatar"
    avatar = PictureField(
        "FORUM_MAX_AVATAR_MB",
        AVATAR_SIZE,
        square=True,
        label=_("Picture"),
        help_text=_(
            "Optional: a JPEG, PNG, GIF or WebP image, shown next to your name to "
            "everyone, cut to a square."
        ),
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "avatar",
            "organisation",
            "country",
            "role",
            "bio",
            "public",
            "share_organisation",
            "share_country",
            "share_role",
            "share_bio",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_removal(_("Remove my picture"))
