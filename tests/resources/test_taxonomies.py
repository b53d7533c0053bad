"""The taxonomy declaration (resources/taxonomies.py) is what every surface
filters by: facets, API parameters, import columns, admin filters. The terms
are data editors change, so values are checked against the terms, not fixed."""

import pytest

from resources.api import ResourceOut, ResourceSearchParams
from resources.facets import FACETS
from resources.importing import COLUMNS
from resources.models import Resource
from resources.taxonomies import TAXONOMIES
from resources.wagtail_hooks import ResourceFilterSet
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_every_surface_filters_by_every_declared_taxonomy():
    indexed = {field.field_name for field in Resource.get_search_fields()}
    for taxonomy in TAXONOMIES:
        assert taxonomy.parameter in {spec.name for spec in FACETS}
        assert taxonomy.parameter in ResourceSearchParams.model_fields
        assert taxonomy.relation in ResourceOut.model_fields
        assert taxonomy.relation in COLUMNS
        assert taxonomy.relation in ResourceFilterSet.Meta.fields
        assert taxonomy.relation in indexed
        assert taxonomy.relation in {field.name for field in Resource.api_fields}


def test_a_procurement_type_that_names_nothing_is_400_naming_the_parameter(
    client, home_page, database_search_only
):
    response = client.get("/api/v3/resources/", {"procurement": "ppp"})
    assert response.status_code == 400
    assert [error["loc"][-1] for error in response.json()["errors"]] == ["procurement"]


def test_a_procurement_type_an_editor_adds_can_be_searched_for_at_once(
    client, home_page, database_search_only
):
    from home.models import ProcurementType

    assert client.get("/api/v3/resources/", {"procurement": "pcp"}).status_code == 200
    joint = ProcurementType.objects.create(
        slug="joint", name="Joint cross-border procurement", abbreviation="JCBP"
    )
    ResourceFactory(relations__procurement_types=[joint])
    data = client.get("/api/v3/resources/", {"procurement": "JOINT"}).json()
    assert data["count"] == 1
    facet = next(facet for facet in data["facets"] if facet["name"] == "procurement")
    assert {"value": "joint", "label": "JCBP", "count": 1, "selected": True} in facet["values"]
