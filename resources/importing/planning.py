"""Checking rows against the database as it is, before anything is written:
each valid row becomes a RowPlan (create or update, with its values applied
to an unsaved resource), each problem a RowError."""

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import Resource
from .cells import CellError, text, values
from .columns import CLEANERS, MULTI_COLUMNS, REQUIRED_COLUMNS, SCALAR_COLUMNS
from .results import RowError, RowPlan, Stage
from .vocabularies import term_columns


def derive_slug(title):
    # Transliterate so that titles in Greek or Bulgarian still give a slug.
    return slugify(anyascii(title))[:255].strip("-")


def cell_text(value):
    """A cell as the report quotes it: a JSON list as the CSV would give it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


class RowReport:
    """The problems of one row, in the order they are found, each with the
    cell it is about."""

    def __init__(self, number, row=None):
        self.number = number
        self.row = row or {}
        self.errors = []

    def __call__(self, field_name, reason):
        value = cell_text(self.row.get(field_name))
        self.errors.append(RowError(self.number, field_name, reason, value))

    @property
    def fields(self):
        return {error.field for error in self.errors}


class RowPlanner:
    def __init__(self, permissions):
        self.permissions = permissions
        self.fields = {name: Resource._meta.get_field(name) for name in SCALAR_COLUMNS}
        self.term_columns = term_columns()
        self.locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        self.default_locale = Locale.get_default()

    def plan(self, rows, progress):
        """(plans for the valid rows, errors for the others); a slug twice in
        a locale is a problem of its second row."""
        plans, errors = [], []
        existing = self.existing(rows)
        seen_slugs = {}
        for number, row in progress(rows, Stage.CHECKING, len(rows)):
            report = RowReport(number, row)
            plan = self.plan_row(report, row, existing)
            if plan is not None:
                key = (plan.locale.pk, plan.slug)
                if key in seen_slugs:
                    report(
                        "slug",
                        _("duplicate slug '%(slug)s' in the file (also row %(row)d)")
                        % {"slug": plan.slug, "row": seen_slugs[key]},
                    )
                else:
                    seen_slugs[key] = number
            if report.errors:
                errors.extend(report.errors)
            elif plan is not None:
                plans.append(plan)
        return plans, errors

    def existing(self, rows):
        """Resources that rows' slugs may update, by (locale id, slug): one query."""
        slugs = set()
        for _number, row in rows:
            try:
                slug = text(row.get("slug")) or derive_slug(text(row.get("title")))
            except CellError:
                continue
            if slug:
                slugs.add(slug)
        return {
            (resource.locale_id, resource.slug): resource
            for resource in Resource.objects.filter(slug__in=slugs)
        }

    def plan_row(self, report, row, existing):
        cleaned = self.clean_cells(report, row)
        relations = self.match_terms(report, row)
        locale = self.locale_of(report, cleaned)
        slug = self.slug_of(report, cleaned)
        current = existing.get((locale.pk, slug)) if locale and slug else None

        # A new resource needs every required value; an update only those whose
        # column the file has (an absent column leaves the value as it is).
        reported = report.fields
        for name in REQUIRED_COLUMNS:
            if name in reported or cleaned.get(name):
                continue
            if current is None or name in row:
                report(name, _("required"))
        live = cleaned.get("live", True)
        for field_name, reason in self.permissions.problems(current, slug, live):
            report(field_name, reason)
        if report.errors:
            return None

        instance = self.apply(report, current, locale, slug, cleaned)
        if instance is None:
            return None
        return RowPlan(
            row=report.number,
            slug=slug,
            locale=locale,
            title=instance.title,
            live=live,
            action="create" if current is None else "update",
            instance=instance,
            relations={name: items for name, items in relations.items() if name != "tags"},
            tags=relations.get("tags"),
        )

    def clean_cells(self, report, row):
        """{column: value} for the single-valued columns the file has."""
        cleaned = {}
        for name, clean in CLEANERS.items():
            if name not in row:
                continue
            try:
                cleaned[name] = clean(row[name], self.fields.get(name))
            except CellError as error:
                report(name, str(error))
        return cleaned

    def match_terms(self, report, row):
        """{column: terms or tags} for the multi-valued columns the file has."""
        relations = {}
        for name in MULTI_COLUMNS:
            if name not in row:
                continue
            try:
                items = values(row[name])
            except CellError as error:
                report(name, str(error))
                continue
            relations[name], problems = self.term_columns[name].resolve(items)
            for reason in problems:
                report(name, reason)
        return relations

    def locale_of(self, report, cleaned):
        if not cleaned.get("locale"):
            return self.default_locale
        locale = self.locales.get(cleaned["locale"].lower())
        if locale is None:
            report(
                "locale",
                _("unknown locale '%(code)s'; the site has: %(codes)s")
                % {"code": cleaned["locale"], "codes": ", ".join(sorted(self.locales))},
            )
        return locale

    def slug_of(self, report, cleaned):
        slug = cleaned.get("slug")
        if not slug and cleaned.get("title"):
            slug = derive_slug(cleaned["title"])
            if not slug:
                report("slug", _("no slug can be made from the title; give one"))
        return slug

    def apply(self, report, current, locale, slug, cleaned):
        """The resource with the row's values set and validated, not saved;
        None (and the problems reported) if the model refuses them."""
        # Edits apply on top of the latest revision, as the admin's edit view does.
        instance = (
            current.get_latest_revision_as_object()
            if current is not None
            else Resource(locale=locale)
        )
        instance.slug = slug
        for name in SCALAR_COLUMNS:
            if name in cleaned and name != "slug":
                setattr(instance, name, cleaned[name])
        try:
            instance.full_clean(
                exclude=["locale", "translation_key", "live", "latest_revision"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    report(field_name if field_name != "__all__" else "", message)
            return None
        return instance
