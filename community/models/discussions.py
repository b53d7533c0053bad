from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from cms.ids import HasPublicId, PublicIds

from .groups import ForumGroup, visible_scope


class DiscussionQuerySet(models.QuerySet):
    def visible_to(self, user, as_values=False):
        return self.filter(group__in=visible_scope(user, as_values))


class Discussion(HasPublicId, index.Indexed, models.Model):
    group = models.ForeignKey(ForumGroup, on_delete=models.CASCADE, related_name="discussions")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("body"), max_length=20_000, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(
        _("locked"), default=False, help_text=_("A locked discussion takes no new comments.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    comment_count = models.PositiveIntegerField(default=0)
    muted_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="muted_discussions",
        help_text=_("Members who get no emails about new comments here."),
    )

    objects = DiscussionQuerySet.as_manager()
    # In URLs and the API: sequential ids would count a private group's discussions.
    public_ids = PublicIds("forum.discussion")

    # The group is the scope: searches filter on the groups the user may see.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.FilterField("group_id"),
    ]

    class Meta:
        ordering = ["-pinned", "-last_activity_at", "-pk"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        indexes = [models.Index(fields=["group", "-pinned", "-last_activity_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "community:discussion", kwargs={"slug": self.group.slug, "discussion_id": self.pk}
        )
