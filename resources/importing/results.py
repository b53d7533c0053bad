"""What an import reports: problems by row and field, the plan for each valid
row, and the counts once written."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Locale

from ..models import Resource


class Stage(models.TextChoices):
    """The two passes over the rows, which `progress` is told about."""

    CHECKING = "checking", gettext_lazy("Checking")
    WRITING = "writing", gettext_lazy("Importing")


@dataclass(frozen=True)
class RowError:
    """One problem: `row` is None for a problem with the file as a whole;
    `value` is the cell as the file has it, when the problem is one cell's."""

    row: int | None
    field: str
    reason: str
    value: str = ""

    @property
    def row_label(self):
        return str(self.row) if self.row is not None else _("file")


@dataclass
class RowPlan:
    """What one valid row will do."""

    row: int
    slug: str
    locale: Locale
    title: str
    live: bool
    action: str  # "create" or "update"
    instance: Resource  # with the row's values applied, not saved yet
    relations: dict[str, list] = field(default_factory=dict)
    tags: list[str] | None = None  # None: leave the tags as they are


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    plans: list[RowPlan] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    published: int = 0
    drafts: int = 0
    dry_run: bool = False
    written: bool = False

    @property
    def ok(self):
        return not self.errors

    @property
    def to_create(self):
        return sum(1 for plan in self.plans if plan.action == "create")

    @property
    def to_update(self):
        return sum(1 for plan in self.plans if plan.action == "update")

    @property
    def summary(self):
        if self.errors:
            return ngettext(
                "%(count)d problem found; nothing was imported.",
                "%(count)d problems found; nothing was imported.",
                len(self.errors),
            ) % {"count": len(self.errors)}
        if not self.written:
            return _(
                "The file is valid: %(create)d to create, %(update)d to update "
                "(rows whose slug exists in their locale update that resource). "
                "Nothing was written."
            ) % {"create": self.to_create, "update": self.to_update}
        return _(
            "%(create)d created, %(update)d updated (existing slugs are updated), "
            "%(published)d published, %(drafts)d saved as drafts."
        ) % {
            "create": self.created,
            "update": self.updated,
            "published": self.published,
            "drafts": self.drafts,
        }
