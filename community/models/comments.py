from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager
from wagtail.search import index

from cms.ids import HasPublicId, PublicIds
from community.targets import on_shown_targets

from .discussions import Discussion
from .groups import ForumGroup, visible_scope


class ForumCommentManager(XtdCommentManager):
    def on(self, target, seen_by=None):
        """Comments on `target` (a discussion, a news page, a resource) in
        thread order, with what a page shows of them; with `seen_by`, only
        those that user may see (a page's comments can have several scopes)."""
        comments = self.visible_to(seen_by) if seen_by is not None else self.get_queryset()
        return (
            comments.filter(
                content_type=ContentType.objects.get_for_model(target),
                object_pk=str(target.pk),
                is_public=True,
            )
            .select_related("user__profile", "scope")
            .prefetch_related("attachments")
            .order_by("thread_id", "order")
        )

    def new_on(self, target, user, text, parent=None, submit_date=None, scope=None):
        """An unsaved comment on `target`. On a discussion it is scoped to the
        discussion's group; elsewhere to `scope` (None: public)."""
        if isinstance(target, Discussion):
            scope = target.group
        return self.model(
            content_type=ContentType.objects.get_for_model(target),
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            user=user,
            # django-contrib-comments keeps 50 characters of the name; usernames have 150.
            user_name=user.get_username()[: self.model._meta.get_field("user_name").max_length],
            user_email=user.email,
            comment=text,
            submit_date=submit_date or timezone.now(),
            scope=scope,
            parent_id=parent.pk if parent else 0,
        )

    def visible_to(self, user, as_values=False):
        """Comments `user` may see: public ones and those scoped to a group they
        may see, on a target that is shown (community.targets). Removed
        comments stay (as placeholders that keep a thread's shape);
        unpublished ones do not."""
        groups = visible_scope(user, as_values)
        comments = self.get_queryset().filter(
            Q(scope__isnull=True) | Q(scope__in=groups), is_public=True
        )
        return on_shown_targets(comments, Discussion, as_values)


class ForumComment(HasPublicId, index.Indexed, XtdComment):
    """A comment with a scope: public (no group) or one group, whose members
    alone see it. Comments on a discussion always belong to its group; a reply
    always has its parent's scope, so a thread never mixes audiences."""

    scope = models.ForeignKey(
        ForumGroup,
        verbose_name=_("visible to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
        help_text=_("Empty: everyone. A group: its members only."),
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = ForumCommentManager()
    # In permalinks, anchors and the API: sequential ids would tell which
    # comments between two one sees are hidden (cms/ids.py).
    public_ids = PublicIds("forum.comment")
    # Indexed once per change, after commit (community/search.py), not by
    # Wagtail's handlers on each of the two saves a new comment takes.
    search_auto_update = False

    # Indexed with its scope, so that a search filters on what the user may see;
    # removed and unpublished comments leave the index (community/search.py).
    search_fields = [
        index.SearchField("comment"),
        index.FilterField("scope_id"),
        # What the comment is on: a search leaves out those on hidden pages.
        index.FilterField("content_type_id"),
        index.FilterField("object_pk"),
        index.FilterField("is_public"),
        index.FilterField("is_removed"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(is_public=True, is_removed=False)

    class Meta:
        verbose_name = _("forum comment")
        verbose_name_plural = _("forum comments")

    def get_absolute_url(self, anchor_pattern=None):
        # django-comments' own permalink view is not mounted: it checks nothing.
        return reverse("community:comment", kwargs={"comment_id": self.pk})

    def clean(self):
        super().clean()
        target = self.content_object
        if isinstance(target, Discussion) and self.scope_id != target.group_id:
            raise ValidationError(_("A comment on a discussion belongs to its group."))
        if self.parent_id and self.parent_id != self.pk:
            parent = ForumComment.objects.filter(pk=self.parent_id).first()
            if parent is None or (parent.content_type_id, parent.object_pk) != (
                self.content_type_id,
                self.object_pk,
            ):
                raise ValidationError(_("A reply must answer a comment on the same page."))
            if parent.scope_id != self.scope_id:
                raise ValidationError(_("A reply is seen by the same people as its parent."))
