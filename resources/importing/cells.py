"""From a cell as read (text in a CSV; any JSON value) to a value to store.

A cleaner takes the cell and the Resource's model field it fills (None for a
column that is not one) and returns the value, or raises CellError with the
reason an editor reads next to the row and column."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MULTI_VALUE_SEPARATORS = re.compile(r"[;|]")
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TRUE_WORDS = {"true", "yes", "y", "1", "on"}
FALSE_WORDS = {"false", "no", "n", "0", "off"}


class CellError(Exception):
    pass


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool | list | dict):
        raise CellError(_("must be text"))
    return str(value).strip()


def values(value):
    """A multi-valued cell: a list (JSON) or text separated by ';' or '|'."""
    if value is None:
        return []
    items = value if isinstance(value, list) else MULTI_VALUE_SEPARATORS.split(text(value))
    cleaned = []
    for item in items:
        item_text = text(item)
        if item_text and item_text not in cleaned:
            cleaned.append(item_text)
    return cleaned


def boolean(value):
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("'%(value)s' is not true or false") % {"value": word})


def check_length(model_field, value):
    if model_field.max_length and len(value) > model_field.max_length:
        raise CellError(
            _("too long: %(length)d characters, at most %(limit)d")
            % {"length": len(value), "limit": model_field.max_length}
        )


# Cleaners ---------------------------------------------------------------------


def flag(default):
    """A true/false column; an empty cell means `default`."""

    def clean(value, _model_field):
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        return boolean(value)

    return clean


def plain(value, _model_field):
    return text(value)


def paragraphs(value, model_field):
    """Text that may keep its line breaks (a summary)."""
    cleaned = text(value)
    check_length(model_field, cleaned)
    return cleaned


def single_line(value, model_field):
    # Titles and the like are single lines; a pasted line break is noise.
    cleaned = " ".join(text(value).split())
    check_length(model_field, cleaned)
    return cleaned


def validated_line(value, model_field):
    """A single line the field's own validators accept (a slug, a URL)."""
    cleaned = single_line(value, model_field)
    if cleaned:
        try:
            model_field.run_validators(cleaned)
        except ValidationError as error:
            reason = " ".join(error.messages)
            raise CellError(f"'{cleaned}': {reason}") from None
    return cleaned


def date(value, model_field):
    cleaned = single_line(value, model_field)
    if not cleaned:
        return None
    try:
        if not DATE_FORMAT.match(cleaned):
            raise ValueError
        return datetime.date.fromisoformat(cleaned)
    except ValueError:
        raise CellError(_("'%(value)s' is not a date as YYYY-MM-DD") % {"value": cleaned}) from None
