"""Every facet stored in a column of the resource row is counted and selected
through an index of (value, id) (resources/models.py): the database faceted
search reads that index alone instead of the wide rows. A facet added to the
declaration (resources/facets.py) without its index fails here."""

import pytest
from django.db import connection

from resources.facets import FACETS
from resources.models import Resource

pytestmark = pytest.mark.django_db


def column_facets():
    return [spec for spec in FACETS if "__" not in spec.lookup]


def test_there_are_column_facets():
    assert {spec.name for spec in column_facets()} >= {"type", "year"}


@pytest.mark.parametrize("spec", column_facets(), ids=lambda spec: spec.name)
def test_a_column_facet_has_an_index_of_its_value_and_id(spec):
    column = Resource._meta.get_field(spec.lookup).column
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Resource._meta.db_table)
    indexed = [c["columns"] for c in constraints.values() if c["index"]]
    assert [column, "id"] in indexed
