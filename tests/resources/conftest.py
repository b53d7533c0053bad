import datetime
import itertools

import pytest

from home.models import Country, ProcurementType
from resources.models import Language, Resource
from tests.home.factories import TopicFactory
from tests.resources.factories import bulk_resources


@pytest.fixture
def corpus(db):
    """36 published resources spread over every facet, plus a draft that must never show.

    Made with bulk inserts and indexed once at the end, as `update_index` does:
    saving each one through the signals makes the suite many times slower."""
    from wagtail.search.backends import get_search_backend

    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("health", "energy", "ict")]
    countries = list(Country.objects.filter(code__in=["FI", "NL", "ES", "EU"]).order_by("code"))
    languages = list(Language.objects.filter(code__in=["en", "fr", "fi"]).order_by("code"))
    ppi, pcp = ProcurementType.objects.get(slug="ppi"), ProcurementType.objects.get(slug="pcp")
    types = ["policy", "guidance", "case-study", "report"]
    specs = []
    for n, (t, c, lang) in enumerate(itertools.product(range(3), range(4), range(3))):
        extra_country = [countries[(c + 1) % 4]] if n % 5 == 0 else []
        specs.append(
            (
                {
                    "title": f"{['Strategy', 'Toolkit', 'Study'][n % 3]} on {topics[t].name} buying {n}",
                    "summary": f"How public buyers procure {topics[t].name.lower()} innovation, item {n}.",
                    "resource_type": types[(n + c) % 4],
                    "publication_date": datetime.date(2019 + n % 5, 1 + n % 12, 1),
                },
                {
                    "topics": [topics[t]] + ([topics[(t + 1) % 3]] if n % 4 == 0 else []),
                    "countries": [countries[c], *extra_country],
                    "languages": [languages[lang]],
                    "procurement_types": [ppi, pcp] if n % 6 == 0 else [[ppi, pcp][n % 2]],
                },
                ["market-consultation"] if n % 7 == 0 else [],
            )
        )
    specs.append(
        (
            {
                "title": "Unpublished strategy on health",
                "summary": "A draft.",
                "resource_type": "policy",
                "publication_date": datetime.date(2024, 1, 1),
                "live": False,
            },
            {"topics": [topics[0]]},
            [],
        )
    )
    *resources, draft = bulk_resources(specs)
    get_search_backend("default").add_bulk(Resource, list(Resource.get_indexed_objects()))
    return {"resources": resources, "draft": draft, "topics": topics}
