"""Bulk import of resources from CSV or JSON, shared by `manage.py import_resources`
and the admin's import view.

The file is checked as a whole before anything is written: every problem is
reported as (row, field, reason), and if there is even one, nothing is written.
Otherwise every row is written in one transaction, through Wagtail's own create
and edit actions, so imported resources get revisions, audit log entries and the
`published` signal (which indexes them for search) exactly as if an editor had
saved them in the admin.

Rules an import follows (they are shown to editors on the import page too):

- Rows are identified by slug within their locale ("upsert"): a slug that already
  exists updates that resource, any other creates one. Without a slug column the
  slug is derived from the title, so importing the same file twice updates.
- On update, only the columns present in the file are changed; an empty cell in a
  present column clears the value (required ones are reported instead).
- `live` (or `published`) defaults to true. A false value saves a draft: a new
  resource stays unpublished, and for a live one the changes are kept as a draft
  revision while the live version stays online (importing never unpublishes).
- Taxonomy values must already exist; an unknown one is an error, never created.
  Tags are free keywords and are created as needed.
- Row numbers are those a spreadsheet shows: in a CSV the header is row 1, so the
  first resource is row 2; in JSON, row n is the n-th object of the list.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from anyascii import anyascii
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.rich_text import features as feature_registry

from .models import Resource, ResourceType
from .taxonomies import RELATIONS as TAXONOMY_RELATIONS
from .taxonomies import TAXONOMIES

FORMATS = ("csv", "json")

REQUIRED_COLUMNS = ("title", "summary", "resource_type")
SCALAR_COLUMNS = (
    "title",
    "slug",
    "summary",
    "body",
    "resource_type",
    "publisher",
    "publication_date",
    "external_url",
    "featured",
)
MULTI_COLUMNS = (*TAXONOMY_RELATIONS, "tags")
CONTROL_COLUMNS = ("live", "locale")
# `published` is accepted as another name for `live`.
COLUMN_ALIASES = {"published": "live"}
COLUMNS = SCALAR_COLUMNS + MULTI_COLUMNS + CONTROL_COLUMNS

MULTI_VALUE_SEPARATORS = re.compile(r"[;|]")
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A body is HTML if it has a tag of HTML's own: "<paragraph>" in prose is text.
HTML_ELEMENTS = (
    "a|abbr|article|aside|b|blockquote|br|caption|cite|code|dd|del|div|dl|dt|em|figcaption|"
    "figure|footer|h[1-6]|header|hr|i|iframe|img|ins|li|main|mark|nav|object|ol|p|pre|q|s|"
    "script|section|small|span|strong|style|sub|sup|table|tbody|td|th|thead|tr|u|ul"
)
LOOKS_LIKE_HTML = re.compile(rf"</?(?:{HTML_ELEMENTS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
TRUE_WORDS = {"true", "yes", "y", "1", "on"}
FALSE_WORDS = {"false", "no", "n", "0", "off"}

# Elements whose content is never text a reader should see.
DROPPED_ELEMENTS = (
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "head",
    "title",
    "select",
    "textarea",
    "button",
)
# Wagtail's rich text has h2-h4 only: keep other headings as the nearest one.
HEADING_RENAMES = {"h1": "h2", "h5": "h4", "h6": "h4"}

TAG_MAX_LENGTH = 100  # taggit's Tag.name


@dataclass(frozen=True)
class RowError:
    """One problem: `row` is None for a problem with the file as a whole."""

    row: int | None
    field: str
    reason: str

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


class ImportFileError(Exception):
    pass


def format_from_filename(filename):
    extension = str(filename).rsplit(".", 1)[-1].lower() if "." in str(filename) else ""
    return extension if extension in FORMATS else None


# Reading files ---------------------------------------------------------------


def _decode(data):
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        # utf-8-sig: spreadsheets often start a UTF-8 CSV with a byte order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("the file is not UTF-8 text (byte %(position)d); save it as UTF-8")
            % {"position": error.start}
        ) from error


def _column_name(heading):
    name = re.sub(r"[\s-]+", "_", str(heading).strip().lower())
    return COLUMN_ALIASES.get(name, name)


def _check_columns(names):
    """Problems with the header. Required columns are checked row by row instead:
    a file that only updates existing resources may leave them out."""
    errors = []
    seen = set()
    for name in names:
        if name in seen:
            errors.append(
                RowError(None, name, _("column '%(name)s' appears twice") % {"name": name})
            )
        seen.add(name)
        if name not in COLUMNS:
            errors.append(
                RowError(
                    None,
                    name,
                    _("unknown column '%(name)s'; the columns are: %(columns)s")
                    % {"name": name, "columns": ", ".join(COLUMNS)},
                )
            )
    return errors


def read_csv(text):
    """Rows as (row number, {column: str}). The delimiter (comma, semicolon or tab)
    is the one the header uses most: spreadsheets in many European locales save
    with semicolons."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ImportFileError(_("the file is empty; the first row must name the columns"))
        names = [_column_name(cell) for cell in header]
        if errors := _check_columns(names):
            return names, [], errors
        rows = []
        errors = []
        # The header is row 1, as in a spreadsheet.
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, often left at the end by spreadsheets
            if len(cells) > len(names):
                errors.append(
                    RowError(
                        number,
                        "",
                        _("%(cells)d cells but only %(columns)d columns")
                        % {"cells": len(cells), "columns": len(names)},
                    )
                )
                continue
            # A short row has empty cells at its end, as a spreadsheet sees it.
            cells += [""] * (len(names) - len(cells))
            rows.append((number, dict(zip(names, cells, strict=True))))
    except csv.Error as error:
        raise ImportFileError(
            _("not a readable CSV file (line %(line)d: %(error)s)")
            % {"line": reader.line_num, "error": error}
        ) from error
    return names, rows, errors


def read_json(text):
    """Rows as (row number, {column: value}); row n is the n-th object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("not valid JSON (line %(line)d, column %(column)d: %(error)s)")
            % {"line": error.lineno, "column": error.colno, "error": error.msg}
        ) from error
    if not isinstance(data, list):
        raise ImportFileError(_("the JSON file must be a list of objects, one per resource"))
    rows = []
    errors = []
    names = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            errors.append(RowError(number, "", _("each item must be an object")))
            continue
        values = {_column_name(key): value for key, value in item.items()}
        for name in values:
            if name not in names:
                names.append(name)
        rows.append((number, values))
    return names, rows, _check_columns(names) + errors


def read_file(data, file_format):
    """Parse bytes or text in `file_format` ("csv" or "json"): (columns, rows, errors)."""
    if file_format not in FORMATS:
        raise ImportFileError(
            _("unknown format '%(format)s'; use csv or json") % {"format": file_format}
        )
    text = _decode(data)
    if not text.strip():
        raise ImportFileError(_("the file is empty"))
    return read_csv(text) if file_format == "csv" else read_json(text)


# Cleaning values -------------------------------------------------------------


class CellError(Exception):
    pass


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool | list | dict):
        raise CellError(_("must be text"))
    return str(value).strip()


def _values(value):
    """A multi-valued cell: a list (JSON) or text separated by ';' or '|'."""
    if value is None:
        return []
    items = value if isinstance(value, list) else MULTI_VALUE_SEPARATORS.split(_text(value))
    cleaned = []
    for item in items:
        text = _text(item)
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def _boolean(value):
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(_("'%(value)s' is not true or false") % {"value": text})


def _check_length(model_field, value):
    if model_field.max_length and len(value) > model_field.max_length:
        raise CellError(
            _("too long: %(length)d characters, at most %(limit)d")
            % {"length": len(value), "limit": model_field.max_length}
        )


def rich_text_features():
    return Resource._meta.get_field("body").features or feature_registry.get_default_features()


def body_to_rich_text(value):
    """Plain text becomes paragraphs; HTML keeps only what the body's rich text
    editor allows, by a round trip through the editor's own converter."""
    value = value.strip()
    if not value:
        return ""
    if not LOOKS_LIKE_HTML.search(value):
        paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
        return "".join(
            "<p>{}</p>".format("<br/>".join(escape(line) for line in paragraph.strip().split("\n")))
            for paragraph in paragraphs
            if paragraph.strip()
        )
    soup = BeautifulSoup(value, "html.parser")
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    for old, new in HEADING_RENAMES.items():
        for element in soup.find_all(old):
            element.name = new
    if not soup.get_text().strip() and not soup.find("hr"):
        return ""
    converter = ContentstateConverter(rich_text_features())
    return converter.to_database_format(converter.from_database_format(str(soup)))


def resource_type_choices():
    """Lower-cased value and English label -> value."""
    choices = {}
    with translation.override("en"):
        for value, label in ResourceType.choices:
            choices[value.lower()] = value
            choices[str(label).lower()] = value
    return choices


class Vocabulary:
    """One taxonomy, looked up case-insensitively by its key (or another name)."""

    def __init__(self, label, objects, keys):
        self.label = label
        self.key = keys[0]
        self.lookup = {}
        # Other names first, so that a key always wins over a name equal to it.
        for obj in objects:
            for key in keys[1:]:
                self.lookup.setdefault(str(getattr(obj, key)).lower(), obj)
        for obj in objects:
            self.lookup[str(getattr(obj, self.key)).lower()] = obj

    def resolve(self, values):
        """(objects found, a reason for each unknown value)."""
        found, errors = [], []
        for value in values:
            obj = self.lookup.get(value.lower())
            if obj is None:
                reason = _("unknown %(what)s '%(value)s'") % {"what": self.label, "value": value}
                if close := difflib.get_close_matches(value.lower(), self.lookup, n=1):
                    suggestion = getattr(self.lookup[close[0]], self.key)
                    reason += " " + _("(did you mean '%(suggestion)s'?)") % {
                        "suggestion": suggestion
                    }
                errors.append(reason)
            elif obj not in found:
                found.append(obj)
        return found, errors


# Checking and writing -----------------------------------------------------------


class ResourceImporter:
    """Check rows, then write them all or none.

    `user` is recorded on revisions and log entries, and limits what the import
    may do to what that user may do in the admin (add; change for updates;
    publish for live rows). Without a user (the management command) nothing is
    limited.
    """

    def __init__(self, user=None):
        self.user = user
        self.policy = ModelPermissionPolicy(Resource)
        self.fields = {name: Resource._meta.get_field(name) for name in SCALAR_COLUMNS}
        self.resource_types = resource_type_choices()
        self.vocabularies = {
            taxonomy.relation: Vocabulary(
                taxonomy.model._meta.verbose_name,
                list(taxonomy.model.objects.all()),
                taxonomy.import_keys,
            )
            for taxonomy in TAXONOMIES
        }
        self.locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
        self.default_locale = Locale.get_default()

    def may(self, action):
        return self.user is None or self.policy.user_has_permission(self.user, action)

    # -- public API

    def run(self, data, file_format, *, dry_run=False, progress=None):
        """Check `data` (bytes or text) and, unless `dry_run` or there is a problem,
        write it. `progress(iterable, description, total)` may wrap the loops
        (the command passes a progress bar)."""
        progress = progress or (lambda iterable, description, total: iterable)
        result = ImportResult(dry_run=dry_run)
        try:
            _columns, rows, errors = read_file(data, file_format)
        except ImportFileError as error:
            result.errors.append(RowError(None, "", str(error)))
            return result
        result.errors.extend(errors)
        if not rows and not errors:
            result.errors.append(RowError(None, "", _("the file has no resources")))
        if result.errors:
            return result
        plans, errors = self.check(rows, progress)
        result.plans = plans
        result.errors.extend(errors)
        if result.errors or dry_run:
            return result
        self.write(result, progress)
        return result

    # -- checking

    def check(self, rows, progress):
        plans, errors = [], []
        existing = self._existing(rows)
        seen_slugs = {}
        for number, values in progress(rows, _("Checking"), len(rows)):
            row_errors = []
            plan = self._check_row(number, values, existing, row_errors)
            if plan is not None:
                key = (plan.locale.pk, plan.slug)
                if key in seen_slugs:
                    row_errors.append(
                        RowError(
                            number,
                            "slug",
                            _("duplicate slug '%(slug)s' in the file (also row %(row)d)")
                            % {"slug": plan.slug, "row": seen_slugs[key]},
                        )
                    )
                else:
                    seen_slugs[key] = number
            if row_errors:
                errors.extend(row_errors)
            elif plan is not None:
                plans.append(plan)
        return plans, errors

    def _existing(self, rows):
        """Resources that rows' slugs may update, by (locale id, slug): one query."""
        slugs = set()
        for _number, values in rows:
            try:
                slug = _text(values.get("slug")) or self._derive_slug(_text(values.get("title")))
            except CellError:
                continue
            if slug:
                slugs.add(slug)
        return {
            (resource.locale_id, resource.slug): resource
            for resource in Resource.objects.filter(slug__in=slugs)
        }

    @staticmethod
    def _derive_slug(title):
        # Transliterate so that titles in Greek or Bulgarian still give a slug.
        return slugify(anyascii(title))[:255].strip("-")

    def _check_row(self, number, values, existing, errors):
        def report(field_name, reason):
            errors.append(RowError(number, field_name, reason))

        cleaned = {}
        for name in SCALAR_COLUMNS + ("live", "locale"):
            if name not in values:
                continue
            try:
                cleaned[name] = self._clean_scalar(name, values[name])
            except CellError as error:
                report(name, str(error))
        relations = {}
        for name in MULTI_COLUMNS:
            if name not in values:
                continue
            try:
                items = _values(values[name])
            except CellError as error:
                report(name, str(error))
                continue
            if name == "tags":
                for tag in items:
                    if len(tag) > TAG_MAX_LENGTH:
                        report(
                            name,
                            _("tag '%(tag)s…' is too long: at most %(limit)d characters")
                            % {"tag": tag[:30], "limit": TAG_MAX_LENGTH},
                        )
                relations[name] = items
            else:
                found, unknown = self.vocabularies[name].resolve(items)
                for reason in unknown:
                    report(name, reason)
                relations[name] = found

        locale = self.default_locale
        if cleaned.get("locale"):
            locale = self.locales.get(cleaned["locale"].lower())
            if locale is None:
                report(
                    "locale",
                    _("unknown locale '%(code)s'; the site has: %(codes)s")
                    % {"code": cleaned["locale"], "codes": ", ".join(sorted(self.locales))},
                )

        slug = cleaned.get("slug")
        if not slug and cleaned.get("title"):
            slug = self._derive_slug(cleaned["title"])
            if not slug:
                report("slug", _("no slug can be made from the title; give one"))
        current = existing.get((locale.pk, slug)) if locale and slug else None

        # A new resource needs every required value; an update only those whose
        # column the file has (an absent column leaves the value as it is).
        reported = {error.field for error in errors}
        for name in REQUIRED_COLUMNS:
            if name in reported or cleaned.get(name):
                continue
            if current is None or name in values:
                report(name, _("required"))
        if current is None:
            if not self.may("add"):
                report("slug", _("you may not add resources"))
        elif not self.may("change"):
            report(
                "slug",
                _("a resource with slug '%(slug)s' exists and you may not change resources")
                % {"slug": slug},
            )
        elif self.user is not None and (lock := current.get_lock()) and lock.for_user(self.user):
            report("slug", _("the resource '%(title)s' is locked") % {"title": current.title})
        live = cleaned.get("live", True)
        if live and not self.may("publish"):
            report("live", _("you may not publish resources; set live to false to import drafts"))
        if errors:
            return None

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
        return RowPlan(
            row=number,
            slug=slug,
            locale=locale,
            title=instance.title,
            live=live,
            action="create" if current is None else "update",
            instance=instance,
            relations={name: items for name, items in relations.items() if name != "tags"},
            tags=relations.get("tags"),
        )

    def _clean_scalar(self, name, value):
        if name in ("featured", "live"):
            if value is None or (isinstance(value, str) and not value.strip()):
                return name == "live"  # the defaults: published, not featured
            return _boolean(value)
        text = _text(value)
        if name == "locale":
            return text
        model_field = self.fields[name]
        if name == "body":
            return body_to_rich_text(text)
        if name != "summary":
            # Titles and the like are single lines; a pasted line break is noise.
            text = " ".join(text.split())
        _check_length(model_field, text)
        if not text:
            return None if name == "publication_date" else ""
        if name == "resource_type":
            choice = self.resource_types.get(text.lower())
            if choice is None:
                raise CellError(
                    _("unknown resource type '%(value)s'; use one of: %(choices)s")
                    % {"value": text, "choices": ", ".join(ResourceType.values)}
                )
            return choice
        if name == "publication_date":
            try:
                if not DATE_FORMAT.match(text):
                    raise ValueError
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise CellError(
                    _("'%(value)s' is not a date as YYYY-MM-DD") % {"value": text}
                ) from None
        if name in ("slug", "external_url"):
            try:
                model_field.run_validators(text)
            except ValidationError as error:
                reason = " ".join(error.messages)
                raise CellError(f"'{text}': {reason}") from None
        return text

    # -- writing

    def write(self, result, progress):
        try:
            with transaction.atomic():
                for plan in progress(result.plans, _("Importing"), len(result.plans)):
                    self._write_row(plan, result)
        except _RowFailed as failure:
            result.errors.extend(failure.errors)
            result.created = result.updated = result.published = result.drafts = 0
            return
        result.written = True

    def _write_row(self, plan, result):
        instance = plan.instance
        for name, objects in plan.relations.items():
            getattr(instance, name).set(objects)
        if plan.tags is not None:
            instance.tags.set(plan.tags)
        action_class = CreateAction if plan.action == "create" else EditAction
        try:
            # Permissions were checked row by row with the rest; the actions check
            # them one at a time and would fail half-way.
            action_class(instance, user=self.user, publish=plan.live).execute(
                skip_permission_checks=True
            )
        except ValidationError as error:
            raise _RowFailed(
                [
                    RowError(plan.row, name if name != "__all__" else "", message)
                    for name, messages in error.message_dict.items()
                    for message in messages
                ]
            ) from error
        except IntegrityError as error:
            raise _RowFailed(
                [
                    RowError(
                        plan.row,
                        "slug",
                        _("could not be saved (%(error)s); was it changed meanwhile?")
                        % {"error": str(error).splitlines()[0]},
                    )
                ]
            ) from error
        if plan.action == "update":
            result.updated += 1
        else:
            result.created += 1
        if plan.live:
            result.published += 1
        else:
            result.drafts += 1


class _RowFailed(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def import_resources(
    data,
    file_format,
    *,
    user=None,
    dry_run=False,
    progress: Callable[[Iterable, str, int], Iterable] | None = None,
) -> ImportResult:
    """Check and (unless `dry_run`) import resources from CSV or JSON `data`."""
    return ResourceImporter(user=user).run(data, file_format, dry_run=dry_run, progress=progress)
