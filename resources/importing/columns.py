"""The columns an import reads, and the cleaner that turns each cell into
the value to store. The multi-valued columns are the taxonomies declared in
resources/taxonomies.py, then the tags (matched in vocabularies.py)."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..models import Resource
from ..taxonomies import RELATIONS as TAXONOMY_RELATIONS
from . import cells
from .rich_text import rich_text
from .vocabularies import resource_type

# Single-valued column -> cleaner(cell, the Resource's field or None) -> value.
CLEANERS = {
    "title": cells.single_line,
    "slug": cells.validated_line,
    "summary": cells.paragraphs,
    "body": rich_text,
    "resource_type": resource_type,
    "publisher": cells.single_line,
    "publication_date": cells.date,
    "external_url": cells.validated_line,
    "featured": cells.flag(default=False),
    # Not fields of a resource: whether to publish it, and which locale it is in.
    "live": cells.flag(default=True),
    "locale": cells.plain,
}
CONTROL_COLUMNS = ("live", "locale")
SCALAR_COLUMNS = tuple(name for name in CLEANERS if name not in CONTROL_COLUMNS)
REQUIRED_COLUMNS = ("title", "summary", "resource_type")
MULTI_COLUMNS = (*TAXONOMY_RELATIONS, "tags")
# `published` is accepted as another name for `live`.
COLUMN_ALIASES = {"published": "live"}
COLUMNS = SCALAR_COLUMNS + MULTI_COLUMNS + CONTROL_COLUMNS


def column_label(name):
    """The name an editor knows a column by: the label of its field in the
    resource's edit form (the field's verbose name), not the column key."""
    if name == "live":
        return _("Published")
    if name == "locale":
        return _("Locale")
    try:
        return capfirst(Resource._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name  # an unknown column, or "" for the row as a whole
