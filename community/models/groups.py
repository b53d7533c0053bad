import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.ids import HasPublicId, PublicIds

MODERATE_FORUM = "community.moderate_forum"


def is_site_moderator(user):
    """Site moderators see and act on every group, private ones included."""
    return user.is_authenticated and user.has_perm(MODERATE_FORUM)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can read, any signed-in user can join")
    PRIVATE = "private", _("Private: only members see it; joining needs approval")


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    MODERATOR = "moderator", _("Moderator")
    MEMBER = "member", _("Member")


class ForumGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Groups whose pages and content `user` may see: public groups, the
        private groups they are an active member of, and everything for site
        moderators. A private group is invisible to everyone else, down to its
        existence."""
        if is_site_moderator(user):
            return self.all()
        public = Q(visibility=Visibility.PUBLIC)
        if not user.is_authenticated:
            return self.filter(public)
        mine = Membership.objects.filter(user=user, banned=False).values("group")
        return self.filter(public | Q(pk__in=mine))

    def with_counts(self):
        """Each group's active members and discussions, for lists of groups."""
        return self.annotate(
            member_count=models.Count(
                "memberships", filter=Q(memberships__banned=False), distinct=True
            ),
            discussion_count=models.Count("discussions", distinct=True),
        )


def visible_scope(user, as_values=False):
    """The groups `user` may see, as the other models' `visible_to` filter on
    them: a subquery, or their ids for a search engine (which filters on values)."""
    groups = ForumGroup.objects.visible_to(user)
    return list(groups.values_list("pk", flat=True)) if as_values else groups


def group_image_path(instance, filename):
    from community.uploads import picture_path

    return picture_path("forum-groups")


class ForumGroup(HasPublicId, models.Model):
    # Unique among public groups only (Meta.constraints): a private group's
    # name must not be discoverable by trying to take it.
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    # Not a Wagtail image: those are listed by /api/v2/images/ and offered to
    # every editor in the admin's image library, so a private group's picture
    # would leak. This file is private on the storage and streamed by a view
    # that asks visible_to(user) (community.views.group_image).
    image = models.FileField(_("image"), upload_to=group_image_path, max_length=255, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # The address of a private group's "request to join" page holds this token:
    # owners share it with people they want to hear from, and nobody else can
    # find out the group exists.
    join_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = ForumGroupQuerySet.as_manager()
    # Private groups' ids would tell how many exist (cms/ids.py).
    public_ids = PublicIds("forum.group")

    class Meta:
        ordering = ["name"]
        verbose_name = _("forum group")
        verbose_name_plural = _("forum groups")
        permissions = [("moderate_forum", _("Can see and moderate every forum group"))]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(visibility="public"),
                name="public_group_names_unique",
                violation_error_message=_("A public group already has this name."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Keep the address this group leaves (on a change of slug) from ever
        going to another group; the one it takes is no longer retired."""
        with transaction.atomic():
            if self.pk is not None:
                before = ForumGroup.objects.filter(pk=self.pk).values_list("slug", flat=True)
                old_slug = before.first()
                if old_slug and old_slug != self.slug:
                    retire_address(old_slug, self)
            super().save(*args, **kwargs)
            RetiredGroupSlug.objects.filter(slug=self.slug).delete()

    def get_absolute_url(self):
        return reverse("community:group", kwargs={"slug": self.slug})

    @property
    def is_private(self):
        return self.visibility == Visibility.PRIVATE

    def audience(self):
        """The active users who may see this group: the other side of
        `ForumGroupQuerySet.visible_to`, kept next to it (a test checks that
        the two agree). Emails go to these people only, found in one query."""
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        if not self.is_private:
            return users
        members = Membership.objects.filter(group=self, banned=False).values("user")
        moderators = (
            get_user_model()
            .objects.with_perm(MODERATE_FORUM, backend="django.contrib.auth.backends.ModelBackend")
            .values("pk")
        )
        return users.filter(Q(pk__in=members) | Q(pk__in=moderators))

    def get_image_url(self):
        """The image's address, changing whenever the image does, so a browser
        never shows a cached old one. The storage key itself is not exposed."""
        if not self.image:
            return ""
        version = hashlib.sha256(self.image.name.encode()).hexdigest()[:12]
        return f"{reverse('community:group_image', kwargs={'slug': self.slug})}?v={version}"

    def get_join_request_url(self):
        return reverse("community:request_to_join", kwargs={"token": self.join_token})


# Addresses that are the forum's own pages rather than groups.
ROUTE_WORDS = frozenset({"new", "join", "invitations", "comments", "attachments"})


class RetiredGroupSlug(models.Model):
    """An address a group used before it moved to another or was deleted.
    No other group gets it: old links never lead to a stranger's group, and
    "not available" is the same answer for a hidden group and a gone one."""

    slug = models.SlugField(max_length=120, unique=True)
    # The group that left it may take it back; null once that group is gone.
    group = models.ForeignKey(
        ForumGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    retired_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("retired group address")
        verbose_name_plural = _("retired group addresses")

    def __str__(self):
        return self.slug


def retire_address(slug, group=None):
    RetiredGroupSlug.objects.update_or_create(slug=slug, defaults={"group": group})


def address_available(slug, group=None):
    """Whether a group (new, or `group` moving) may take the address `slug`.
    One answer for route words, live groups of any visibility and retired
    addresses, so that trying one tells nobody which of these it is."""
    if slug in ROUTE_WORDS:
        return False
    mine = group.pk if group is not None else None
    taken = ForumGroup.objects.filter(slug=slug).exclude(pk=mine)
    retired = RetiredGroupSlug.objects.filter(slug=slug)
    if mine is not None:
        retired = retired.exclude(group_id=mine)
    return not taken.exists() and not retired.exists()


def name_available(name, visibility, group=None):
    """Whether a group may carry `name`: only public groups' names are
    unique, and those groups are visible to everyone who could ask."""
    if visibility != Visibility.PUBLIC:
        return True
    mine = group.pk if group is not None else None
    public = ForumGroup.objects.filter(visibility=Visibility.PUBLIC, name__iexact=name)
    return not public.exclude(pk=mine).exists()


class Membership(models.Model):
    """A user's place in a group. A banned user keeps a row (marked banned) so
    that they cannot join again; a member who leaves or is removed has none."""

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    banned = models.BooleanField(_("banned"), default=False)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        ordering = ["group", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]

    def __str__(self):
        return f"{self.user} in {self.group} ({self.get_role_display()})"


class JoinRequest(HasPublicId, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_join_requests"
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Their group's owners see them; how many other groups get is none of their business.
    public_ids = PublicIds("forum.join_request")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=Q(status="pending"),
                name="one_pending_request_per_group",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.group} ({self.get_status_display()})"


def invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timezone.timedelta(days=14)


class Invitation(models.Model):
    """An invitation to a user or an email address; its token expires."""

    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_invitations",
    )
    email = models.EmailField(_("email"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.user or self.email} → {self.group}"

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


def address_digest(address):
    """What identifies an email address in the do-not-contact list and the
    per-address count: a SHA-256 of the address, trimmed and lower-cased (as
    accounts compare them). Not keyed, so that rotating SECRET_KEY keeps every
    refusal; the list still holds no readable address."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


class DoNotContact(models.Model):
    """An email address whose owner asked, through the link in an invitation,
    to be sent no more invitations. Kept as its digest (address_digest)."""

    address_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("address not to contact")
        verbose_name_plural = _("addresses not to contact")

    def __str__(self):
        return self.address_digest[:12]

    @classmethod
    def refuses(cls, address):
        return cls.objects.filter(address_digest=address_digest(address)).exists()
