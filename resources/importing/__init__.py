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

One module per step: reading (decoding; CSV or JSON; the header), columns
(which cleaner each column has), cells and rich_text (cleaning a cell),
vocabularies (matching types, terms and tags), permissions (what the user may
do), planning (a row against the database, as a RowPlan) and writing; results
holds what is reported.
"""

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from .columns import COLUMNS, column_label
from .permissions import ImportPermissions
from .planning import RowPlanner
from .reading import FORMATS, ImportFileError, decode, format_from_filename, read_file
from .results import ImportResult, RowError, RowPlan, Stage
from .rich_text import body_to_rich_text
from .writing import write

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ImportFileError",
    "ImportResult",
    "RowError",
    "RowPlan",
    "Stage",
    "body_to_rich_text",
    "column_label",
    "format_from_filename",
    "import_resources",
    "read_whole_file",
]


def read_whole_file(data, file_format):
    """(the file's text, its number of rows), or ImportFileError with every
    problem of the file as a whole (its encoding, its format, its columns):
    what can be said at once, before the rows are checked one by one."""
    try:
        text = decode(data, file_format)
        _columns, rows, errors = read_file(text, file_format)
    except ImportFileError as error:
        raise ImportFileError([str(error)]) from error
    file_errors = [error.reason for error in errors if error.row is None]
    if file_errors:
        raise ImportFileError(file_errors)
    if not rows and not errors:
        raise ImportFileError([_("the file has no resources")])
    return text, len(rows) + len(errors)


def import_resources(
    data,
    file_format,
    *,
    user=None,
    dry_run=False,
    progress: Callable[[Iterable, str, int], Iterable] | None = None,
) -> ImportResult:
    """Check `data` (bytes or text, CSV or JSON) and, unless `dry_run` or there
    is a problem, write it.

    `user` is recorded on revisions and log entries, and limits what the import
    may do to what that user may do in the admin; without one (the management
    command) nothing is limited. `progress(iterable, description, total)` may
    wrap the loops (the command passes a progress bar)."""
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
    result.plans, errors = RowPlanner(ImportPermissions(user)).plan(rows, progress)
    result.errors.extend(errors)
    if result.errors or dry_run:
        return result
    write(result, user, progress)
    return result
