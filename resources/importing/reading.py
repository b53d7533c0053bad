"""Reading a file: decoding, CSV or JSON, the header's column names."""

import csv
import io
import json
import re

from django.utils.translation import gettext as _

from .columns import COLUMN_ALIASES, COLUMNS
from .results import RowError

FORMATS = ("csv", "json")


class ImportFileError(Exception):
    pass


def format_from_filename(filename):
    extension = str(filename).rsplit(".", 1)[-1].lower() if "." in str(filename) else ""
    return extension if extension in FORMATS else None


def decode(data, file_format="csv"):
    """The file's text. A file that is not UTF-8 is refused with the way to save
    it as UTF-8, rather than guessed at: Excel's plain "CSV" is Windows-1252 in
    Western Europe but Windows-1250 in Poland or Czechia and Windows-1253 in
    Greece, and almost any bytes decode as one of those, so a guess that
    "succeeds" can still store the wrong letters in every resource."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        # utf-8-sig: spreadsheets often start a UTF-8 CSV with a byte order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        how = (
            _("In Excel choose File › Save as › CSV UTF-8 (comma delimited).")  # noqa: RUF001
            if file_format == "csv"
            else _("Save it again with the UTF-8 encoding.")
        )
        raise ImportFileError(
            _(
                "This file is not saved as UTF-8 (line %(line)d has the first "
                "character that cannot be read)."
            )
            % {"line": line}
            + " "
            + how
        ) from error


def column_name(heading):
    name = re.sub(r"[\s-]+", "_", str(heading).strip().lower())
    return COLUMN_ALIASES.get(name, name)


def check_columns(names):
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
        names = [column_name(cell) for cell in header]
        if errors := check_columns(names):
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
        values = {column_name(key): value for key, value in item.items()}
        for name in values:
            if name not in names:
                names.append(name)
        rows.append((number, values))
    return names, rows, check_columns(names) + errors


def read_file(data, file_format):
    """Parse bytes or text in `file_format` ("csv" or "json"): (columns, rows, errors)."""
    if file_format not in FORMATS:
        raise ImportFileError(
            _("unknown format '%(format)s'; use csv or json") % {"format": file_format}
        )
    text = decode(data, file_format)
    if not text.strip():
        raise ImportFileError(_("the file is empty"))
    return read_csv(text) if file_format == "csv" else read_json(text)
