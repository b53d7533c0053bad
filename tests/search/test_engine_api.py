"""The API and the page answered by each real engine node (OpenSearch and
Elasticsearch), and what happens when that node stops and comes back."""

import subprocess
import time

import pytest
from bs4 import BeautifulSoup

from tests.processes import ROOT

pytestmark = pytest.mark.django_db


def test_api_answers_from_the_engine_with_the_same_numbers_as_the_database(
    client, corpus, engine_index, search_engine, settings
):
    engine_index.index_all()
    params = {"topic": ["health", "energy"], "country": "FI", "limit": 100}
    from_engine = client.get("/api/v3/resources/", params).json()
    assert from_engine["backend"] == search_engine

    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.WAGTAILSEARCH_BACKENDS["default"]}
    from_database = client.get("/api/v3/resources/", params).json()
    assert from_database["backend"] == "database"

    assert from_engine["count"] == from_database["count"] > 0
    assert {i["id"] for i in from_engine["items"]} == {i["id"] for i in from_database["items"]}
    assert from_engine["facets"] == from_database["facets"]


def test_engine_highlights_the_words_searched_for(client, corpus, engine_index):
    engine_index.index_all()
    data = client.get("/api/v3/resources/", {"q": "toolkit"}).json()
    assert data["count"] > 0
    assert all("<mark>" in item["highlight"] for item in data["items"])


@pytest.mark.parametrize("query", ['"', '"toolkit', "toolkit\x00", "\x00", "((("])
def test_the_engine_answers_hostile_queries(client, corpus, engine_index, search_engine, query):
    engine_index.index_all()
    response = client.get("/api/v3/resources/", {"q": query})
    assert response.status_code == 200
    assert response.json()["backend"] == search_engine and not response.json()["notice"]
    assert client.get("/resources/", {"q": query}).status_code == 200
    assert client.get("/api/v3/search/", {"q": query}).status_code == 200


def services(*command):
    subprocess.run(
        ["scripts/services.sh", *command], cwd=ROOT, check=True, capture_output=True, timeout=180
    )


def test_search_keeps_answering_while_the_engine_is_down_and_recovers(
    client, corpus, engine_index, search_engine, monkeypatch
):
    from search import engine

    monkeypatch.setattr(engine, "RETRY_AFTER_SECONDS", 1)
    engine_index.index_all()
    services("stop-search", search_engine)
    try:
        page = client.get("/resources/", {"topic": "health"})
        assert page.status_code == 200
        assert "search engine is not answering" in page.content.decode()
        data = client.get("/api/v3/resources/", {"topic": "health"}).json()
        assert data["backend"] == "database" and data["notice"]
        assert data["count"] > 0
    finally:
        services("start-search", search_engine)
    # The node is back: once the back-off has passed, search uses it again by itself.
    time.sleep(1.1)
    data = client.get("/api/v3/resources/", {"topic": "health"}).json()
    assert data["backend"] == search_engine and data["notice"] == ""


def test_search_and_related_resources_answer_from_the_database_while_the_engine_is_down(
    client, corpus, unreachable_engine, caplog
):
    caplog.set_level("WARNING", logger="search")
    data = client.get("/api/v3/resources/", {"topic": "health"}).json()
    assert data["backend"] == "database" and data["notice"] and data["count"] > 0

    resource = corpus["resources"][0]
    page = client.get(f"/resources/{resource.slug}/")
    assert page.status_code == 200
    related = [
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in BeautifulSoup(page.content, "html.parser").select(
            "#related-title ~ .card-list .card-title a"
        )
    ]

    # The database's answer: the newest published resources sharing a topic.
    def topics(r):
        return set(r.topics.values_list("slug", flat=True))

    sharing = sorted(
        (r for r in corpus["resources"] if r != resource and topics(r) & topics(resource)),
        key=lambda r: (-r.publication_date.toordinal(), r.pk),
    )
    assert related == [r.slug for r in sharing[:4]]
    # Each search that went without the engine says so in the log, once.
    unavailable = [r for r in caplog.records if "Search engine unavailable" in r.getMessage()]
    assert len(unavailable) == 2


def test_related_resources_come_from_more_like_this_on_the_engine(client, corpus, engine_index):
    engine_index.index_all()
    resource = corpus["resources"][1]  # "Toolkit on Health buying 1"
    page = BeautifulSoup(client.get(f"/resources/{resource.slug}/").content, "html.parser")
    related = [a.get_text() for a in page.select("#related-title ~ .card-list .card-title a")]
    # The most similar texts share the title's words (the database would offer
    # the newest resources on the same topic instead); drafts never appear.
    assert len(related) == 4
    # Three other "Toolkit on Health" resources exist: they come first.
    assert all(title.startswith("Toolkit on Health") for title in related[:3]), related
    assert resource.title not in related


def test_resource_centre_page_shows_highlighted_matches(client, corpus, engine_index):
    engine_index.index_all()
    page = BeautifulSoup(client.get("/resources/", {"q": "toolkit"}).content, "html.parser")
    marks = page.select(".resource-card .highlight mark")
    assert marks and all(mark.get_text().lower() == "toolkit" for mark in marks)


def test_highlights_cannot_inject_markup(client, engine_index):
    from tests.resources.factories import ResourceFactory

    ResourceFactory(title="Buyer kit", summary="<script>alert(1)</script> toolkit for buyers")
    engine_index.index_all()
    html = client.get("/resources/", {"q": "toolkit"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_very_deep_page_is_answered_by_the_engine_not_refused(
    client, corpus, engine_index, search_engine
):
    engine_index.index_all()
    # Past the last page: a page that does not exist, as on the news list.
    response = client.get("/resources/", {"page": "99999"})
    assert response.status_code == 404
    deepest = client.get("/api/v3/resources/", {"offset": 9980, "limit": 20}).json()
    assert deepest["backend"] == search_engine and deepest["items"] == []


@pytest.mark.parametrize("sent", ["alone", "together"])
def test_a_search_on_a_missing_index_does_not_keep_other_searches_off_the_engine(
    db, search_engine, sent
):
    """Site search asks the engine for resources and for the Forum in one
    request: a resource index not made yet must not send the Forum's search
    to the database as if the engine were down. The resource search sends its
    hits and counts together (`_msearch`), where the engine answers a refusal
    inside a 200 answer: it must still fail, not be read as no hits."""
    from search import engine, engine_client
    from tests.search.conftest import engine_backend

    backend = engine_backend()
    everything = {"query": {"match_all": {}}}
    calls = {
        "alone": lambda: engine_client.search(backend, "ppi-no-such-index", everything),
        "together": lambda: engine_client.multi_search(
            backend, "ppi-no-such-index", [everything, {**everything, "size": 0}]
        ),
    }
    with pytest.raises(engine.EngineUnavailable):
        engine.engine_call(calls[sent])
    assert engine.engine_call(lambda: backend.es.cluster.health())["status"] in {"green", "yellow"}


def test_a_mistake_of_ours_is_raised_not_taken_for_the_engine_being_down():
    """Only the clients' own errors mean the engine failed. A bug (such as a
    keyword argument one client does not take) must show, not turn every search
    into the database's answer with a notice and keep the engine aside."""
    from search import engine

    def mistake():
        raise TypeError("search() got an unexpected keyword argument 'from'")

    with pytest.raises(TypeError):
        engine.engine_call(mistake)
    assert engine.engine_call(lambda: "answered") == "answered"
