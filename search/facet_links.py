"""Where a facet's values are stored: one place that reads it from the model,
for the database search (search/faceted.py) and for the tables whose writes
move its data's version (search/data_version.py)."""

from typing import NamedTuple


class FacetLink(NamedTuple):
    through: type  # the link model
    column: str  # the link's column for the object's id
    path: str  # from a link to the facet value, e.g. "topic__slug"
    values: type  # the model the values belong to, e.g. Topic


def facet_link(model, spec):
    """The FacetLink of a many-to-many facet ("topics__slug"), or None for a
    facet stored in a column of `model` ("publication_year")."""
    relation, _, attribute = spec.lookup.partition("__")
    field = model._meta.get_field(relation)
    if not (field.many_to_many and attribute):
        return None
    return FacetLink(
        field.remote_field.through,
        field.m2m_column_name(),
        f"{field.m2m_reverse_field_name()}__{attribute}",
        field.related_model,
    )
