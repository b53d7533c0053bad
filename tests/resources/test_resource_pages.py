"""The Resource Centre page, the resource page and the API, on the database
implementation (the engine's parity is covered in test_faceted_search)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.factories import TopicFactory
from tests.resources.factories import ResourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_resource_centre_lists_published_resources_with_facets(client, corpus):
    response = client.get("/resources/", {"topic": "health", "country": ["FI", "EU"]})
    assert response.status_code == 200
    page = soup(response)
    total = len(corpus["resources"])
    assert page.h1.get_text() == "Resource Centre"
    checked = {(box["name"], box["value"]) for box in page.select(".facet input[checked]")}
    assert checked == {("topic", "health"), ("country", "FI"), ("country", "EU")}
    # Counts are printed next to each value; the heading says how many match.
    energy = page.select_one(".facet input[name=topic][value=energy]").parent.get_text()
    assert "(" in energy
    heading = page.select_one("#results-heading").get_text()
    assert int(heading.split()[0]) < total
    chips = [chip.get_text(" ", strip=True) for chip in page.select(".chips .chip")]
    assert len(chips) == 3 and any("Health" in chip for chip in chips)
    # Each chip's link drops exactly its own value.
    finland = next(a for a in page.select(".chips .chip") if "Finland" in a.get_text())
    assert "country=FI" not in finland["href"] and "country=EU" in finland["href"]
    assert corpus["draft"].title not in response.content.decode()


def test_unknown_facet_value_answers_400_with_a_message(client, corpus):
    response = client.get("/resources/", {"topic": "no-such-topic"})
    assert response.status_code == 400
    assert "Unknown value “no-such-topic” for Topic." in response.content.decode()


@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"page": "-4"}, {"sort": "nonsense"}, {"q": "\x00(("}]
)
def test_unusable_parameters_fall_back_to_sensible_defaults(client, corpus, params):
    assert client.get("/resources/", params).status_code == 200


def test_resource_page_links_metadata_back_to_filtered_searches(client, corpus):
    resource = corpus["resources"][0]
    response = client.get(f"/resources/{resource.slug}/")
    assert response.status_code == 200
    links = {a["href"] for a in soup(response).select("dl.facts a")}
    assert f"/resources/?type={resource.resource_type}" in links
    for topic in resource.topics.all():
        assert f"/resources/?topic={topic.slug}" in links


def test_draft_resource_page_is_not_found(client, corpus):
    assert client.get(f"/resources/{corpus['draft'].slug}/").status_code == 404


def test_related_resources_share_a_topic(client, corpus):
    resource = corpus["resources"][0]
    related = soup(client.get(f"/resources/{resource.slug}/")).select(
        "#related-title ~ .card-list .card-title a"
    )
    assert related
    topics = set(resource.topics.values_list("slug", flat=True))
    for link in related:
        slug = link["href"].rstrip("/").split("/")[-1]
        other = next(r for r in corpus["resources"] if r.slug == slug)
        assert topics & set(other.topics.values_list("slug", flat=True))


def test_api_search_returns_results_total_pages_and_facets(client, corpus):
    response = client.get("/api/v3/resources/", {"topic": "health", "limit": 5})
    assert response.status_code == 200
    data = response.json()
    assert data["backend"] == "database" and data["notice"] == ""
    assert len(data["items"]) == 5 and data["count"] > 5
    second = client.get("/api/v3/resources/", {"topic": "health", "limit": 5, "offset": 5})
    # Issue 12: limit and offset used to be ignored (page one came back).
    assert [i["id"] for i in second.json()["items"]] != [i["id"] for i in data["items"]]
    assert second.json()["count"] == data["count"]
    item = data["items"][0]
    assert {
        "id",
        "title",
        "locale",
        "html_url",
        "body",
        "thumbnail",
        "summary",
        "resource_type",
        "topics",
        "countries",
        "languages",
        "procurement_types",
        "publisher",
        "publication_date",
        "file_url",
        "external_url",
        "tags",
    } <= set(item)
    assert any(topic["value"] == "health" for topic in item["topics"])
    facets = {facet["name"]: facet for facet in data["facets"]}
    assert set(facets) == {"type", "topic", "country", "language", "procurement", "year"}
    assert any(value["selected"] for value in facets["topic"]["values"])


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"topic": "no-such-topic"}, 400),
        ({"type": "poem"}, 422),
        ({"offset": "abc"}, 422),
        ({"offset": "99999999"}, 400),
        ({"offset": "9901", "limit": "100"}, 400),
        ({"limit": "1000"}, 400),
        ({"year": "last"}, 422),
        ({"q": "x" * 10_001}, 422),
    ],
)
def test_api_bad_parameters_get_json_errors(client, corpus, params, status):
    response = client.get("/api/v3/resources/", params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


@pytest.mark.parametrize("q", ['"unbalanced', "((", "AND OR", "🚀", "x" * 10_000, "\x07bell"])
def test_api_survives_odd_text(client, corpus, q):
    assert client.get("/api/v3/resources/", {"q": q}).status_code == 200


def test_api_items_carry_each_relation_in_its_own_order(client, home_page):
    import wagtail_factories

    from home.models import Country

    water = TopicFactory(slug="water", name="Water")
    energy = TopicFactory(slug="energy", name="Energy")
    finland, spain = Country.objects.get(code="FI"), Country.objects.get(code="ES")
    document = wagtail_factories.DocumentFactory(title="Guide")
    resource = ResourceFactory(
        title="Buying water and energy",
        document=document,
        relations__topics=[water, energy],
        relations__countries=[spain, finland],
        relations__tags=["zeta", "alpha"],
    )
    ResourceFactory(title="Another", relations__topics=[water])

    detail = client.get(f"/api/v3/resources/{resource.pk}/").json()
    listed = client.get("/api/v3/resources/", {"topic": "energy"}).json()["items"]
    assert [item["id"] for item in listed] == [resource.pk]
    for item in (detail, listed[0]):
        assert item["topics"] == [
            {"value": "energy", "label": "Energy"},
            {"value": "water", "label": "Water"},
        ]
        assert [c["value"] for c in item["countries"]] == ["FI", "ES"]  # Finland, Spain
        assert item["languages"] == [] and item["procurement_types"] == []
        assert item["tags"] == [
            {"slug": "alpha", "name": "alpha"},
            {"slug": "zeta", "name": "zeta"},
        ]
        assert item["file_url"] == "http://testserver" + document.url
        assert item["resource_type"] == {"value": "guidance", "label": "Guidance or tool"}


def test_api_detail_hides_drafts(client, corpus):
    assert client.get(f"/api/v3/resources/{corpus['resources'][0].pk}/").status_code == 200
    assert client.get(f"/api/v3/resources/{corpus['draft'].pk}/").status_code == 404


def test_openapi_describes_the_resource_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    parameters = {p["name"] for p in paths["/api/v3/resources/"]["get"]["parameters"]}
    assert {
        "q",
        "type",
        "topic",
        "country",
        "language",
        "procurement",
        "year",
        "sort",
        "locale",
        "limit",
        "offset",
    } <= parameters
    assert "/api/v3/resources/{resource_id}/" in paths


@pytest.mark.parametrize(
    "url",
    [
        "/resources/?q=&n={n}",
        "/api/v3/resources/?limit={n}",
        # A facet's values searched and a year range, with the histogram.
        "/resources/?n={n}&country_q=f&year_from=2000&year_to=2030&show_all=topic",
        "/api/v3/resources/?limit={n}&country_q=f&year_from=2000",
        "/api/v3/resources/facets/topic/?limit={n}&prefix=a&year_to=2030",
    ],
)
def test_query_count_does_not_grow_with_the_page(client, db, url):
    topic = TopicFactory()

    def count(n):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url.format(n=n)).status_code == 200
        return len(queries)

    # Each count after a first request: the first after a write also builds
    # the facets' bits again (search/facet_bits.py), six statements whatever
    # the page's length.
    for _ in range(5):
        ResourceFactory(relations__topics=[topic], relations__tags=["a"])
    count(5)
    five = count(5)
    for _ in range(45):
        ResourceFactory(relations__topics=[topic], relations__tags=["a"])
    count(50)
    assert count(50) == five


def test_v2_api_lists_published_resources_with_their_fields(client, home_page, corpus):
    response = client.get("/api/v2/resources/", {"fields": "*", "limit": 100})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == len(corpus["resources"])
    item = data["items"][0]
    assert {
        "title",
        "slug",
        "summary",
        "resource_type",
        "topics",
        "countries",
        "languages",
        "procurement_types",
        "publisher",
        "publication_date",
        "tags",
        "html_url",
    } <= set(item)
    assert item["html_url"].startswith("http://testserver/resources/")
    ids = {item["id"] for item in data["items"]}
    assert corpus["draft"].pk not in ids
    assert client.get(f"/api/v2/resources/{corpus['draft'].pk}/").status_code == 404
    policies = client.get("/api/v2/resources/", {"resource_type": "policy", "limit": 100}).json()
    assert policies["meta"]["total_count"] == sum(
        r.resource_type == "policy" for r in corpus["resources"]
    )


def test_sitemap_lists_published_resources_only(client, corpus):
    body = client.get("/sitemap.xml").content.decode()
    assert f"/resources/{corpus['resources'][0].slug}/" in body
    assert f"/resources/{corpus['draft'].slug}/" not in body


def test_a_renamed_or_new_term_shows_at_once_though_terms_are_cached(client, db):
    topic = TopicFactory(name="Mobility", slug="mobility")
    ResourceFactory(relations__topics=[topic])

    def topic_labels():
        item = client.get("/api/v3/resources/").json()["items"][0]
        return [entry["label"] for entry in item["topics"]]

    assert topic_labels() == ["Mobility"]
    topic.name = "Clean mobility"
    topic.save()
    assert topic_labels() == ["Clean mobility"]
    facet = client.get("/resources/?topic=mobility").content.decode()
    assert "Clean mobility" in facet

    # A term another process added after this one cached the list.
    from django.core.cache import cache

    from resources import taxonomies

    newer = TopicFactory(name="Water", slug="water")
    cache.set(taxonomies.cache_key("topics"), {topic.pk: ("mobility", "Clean mobility", 0)})
    ResourceFactory(relations__topics=[newer])
    labels = {
        entry["label"]
        for item in client.get("/api/v3/resources/").json()["items"]
        for entry in item["topics"]
    }
    assert labels == {"Clean mobility", "Water"}


def test_a_term_newer_than_the_cache_is_a_valid_filter(client, db):
    """Another process may add a term after this one cached the list."""
    from django.core.cache import cache

    from resources import taxonomies

    taxonomies.terms("topics")  # cached without the new term
    stale = cache.get(taxonomies.cache_key("topics"))
    topic = TopicFactory(name="Water", slug="water")
    cache.set(taxonomies.cache_key("topics"), stale)  # as if the signal ran elsewhere
    ResourceFactory(relations__topics=[topic])
    response = client.get("/api/v3/resources/", {"topic": "water"})
    assert response.status_code == 200 and response.json()["count"] == 1
    assert client.get("/api/v3/resources/", {"topic": "no-such-topic"}).status_code == 400
