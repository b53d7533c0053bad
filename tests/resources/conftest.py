import datetime
import itertools

import pytest
from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import Country, ProcurementType
from resources.models import Language, Resource
from tests import factories


def engine_backend():
    from wagtail.search.backends import get_search_backend

    assert "engine" in settings.WAGTAILSEARCH_BACKENDS, (
        "The engine tests need the OpenSearch node: run them through `make test`, which "
        "starts it and exports SEARCH_URL."
    )
    return get_search_backend("engine")


@pytest.fixture
def engine_index(db):
    """An empty Resource index on the real node; resources published during the
    test land in it (Wagtail indexes on publish), `refresh()` makes them searchable."""
    from search import engine

    backend = engine_backend()
    index = backend.get_index_for_model(Resource)
    # `update_index` leaves an alias over a suffixed index: remove both kinds.
    backend.es.indices.delete(index=f"{index.name}*", ignore=[404])
    index.put()
    index.add_model(Resource)
    engine.reset_circuit()

    class Handle:
        def refresh(self):
            index.refresh()

        def index_all(self):
            """Index every published resource (what `update_index` does), then refresh."""
            backend.add_bulk(Resource, list(Resource.get_indexed_objects()))
            index.refresh()

    return Handle()


def bulk_resources(specs):
    """Create resources with bulk inserts: no signals, no per-row saves. Each spec
    is (Resource fields, {relation name: [objects]}, [tags])."""
    from taggit.models import Tag

    from resources.models import ResourceTag

    locale = Locale.get_default()
    resources = Resource.objects.bulk_create(
        [
            Resource(
                locale=locale,
                slug=slugify(fields["title"]),
                publication_year=fields["publication_date"].year,
                live=fields.pop("live", True),
                publisher="Agency",
                **fields,
            )
            for fields, _, _ in specs
        ]
    )
    for resource, (_, relations, tags) in zip(resources, specs, strict=True):
        for name, objects in relations.items():
            through = getattr(Resource, name).through
            # The through model's other column is named after the related model.
            target = f"{type(objects[0])._meta.model_name}_id"
            through.objects.bulk_create(
                [through(resource_id=resource.pk, **{target: obj.pk}) for obj in objects]
            )
        for name in tags:
            tag, _ = Tag.objects.get_or_create(name=name, slug=name)
            ResourceTag.objects.create(tag=tag, content_object=resource)
    return resources


@pytest.fixture
def corpus(db):
    """36 published resources spread over every facet, plus a draft that must never show.

    Made with bulk inserts and indexed once at the end, as `update_index` does:
    saving each one through the signals makes the suite many times slower."""
    from wagtail.search.backends import get_search_backend

    topics = [
        factories.TopicFactory(slug=slug, name=slug.title()) for slug in ("health", "energy", "ict")
    ]
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
