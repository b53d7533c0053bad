"""The Resource Centre page and the API when a search finds nothing: the help
(search/zero_results.py) as visitors and API clients get it, on the database
implementation (the engine's parity is in tests/search/test_zero_results.py)."""

import copy
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup

from tests.search.expected import matching

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]

# ICT in Finnish appears, but not as a policy nor in the Netherlands.
NOTHING = {"topic": "ict", "language": "fi", "country": "NL", "type": "policy", "sort": "title"}


def spoken(element):
    """The text a screen reader reads: without what is hidden from it."""
    element = copy.copy(element)
    for hidden in element.select("[aria-hidden=true]"):
        hidden.decompose()
    return " ".join(element.get_text().split())


def seen(element):
    """The text on screen: without what is there for screen readers alone."""
    element = copy.copy(element)
    for hidden in element.select(".visually-hidden"):
        hidden.decompose()
    return " ".join(element.get_text().split())


def help_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".zero-results")


def test_the_page_suggests_filters_to_drop_as_links_keeping_the_rest(client, corpus):
    response = client.get("/resources/", NOTHING)
    assert response.status_code == 200
    help = help_of(response)
    assert help["role"] == "status"  # announced when it appears
    links = {seen(a): a for a in help.select(".filter-drops a")}
    without_type = {
        name: [value] for name, value in NOTHING.items() if name not in ("type", "sort")
    }
    count = len(matching(corpus["resources"], without_type))
    resources = f"{count} resource" + ("s" if count != 1 else "")
    text = f"Remove Resource type: Policy or strategy document → {resources}"
    assert text in links
    assert spoken(links[text]) == f"Remove Resource type: Policy or strategy document, {resources}"
    kept = parse_qs(links[text]["href"].lstrip("?"))
    assert kept == {name: [value] for name, value in NOTHING.items() if name != "type"}


def test_the_page_suggests_a_spelling_and_dropping_the_words(client, corpus):
    response = client.get("/resources/", {"q": "tolkitt", "country": "FI"})
    assert response.status_code == 200
    help = help_of(response)
    finnish = matching(corpus["resources"], {"country": ["FI"]})
    toolkits = sum("Toolkit" in resource.title for resource in finnish)

    spelling = help.select_one(".spelling a")
    assert "Did you mean:" in help.select_one(".spelling").get_text()
    assert seen(spelling) == f"toolkit → {toolkits} resources"
    assert spoken(spelling) == f"Search for toolkit, {toolkits} resources"
    assert parse_qs(spelling["href"].lstrip("?")) == {"q": ["toolkit"], "country": ["FI"]}
    assert client.get("/resources/" + spelling["href"]).context["results"].total == toolkits

    words = help.select_one(".filter-drops a")
    assert seen(words) == f"Search without the words “tolkitt” → {len(finnish)} resources"
    assert parse_qs(words["href"].lstrip("?")) == {"country": ["FI"]}


def test_a_search_that_finds_something_has_no_help(client, corpus):
    response = client.get("/resources/", {"q": "toolkit"})
    assert help_of(response) is None
    assert client.get("/api/v3/resources/", {"q": "toolkit"}).json()["suggestions"] is None


def test_the_api_lists_the_drops_with_their_counts(client, corpus):
    data = client.get("/api/v3/resources/", NOTHING).json()
    assert data["count"] == 0
    resources = corpus["resources"]
    selected = {name: [value] for name, value in NOTHING.items() if name != "sort"}
    expected = {
        name: len(matching(resources, {k: v for k, v in selected.items() if k != name}))
        for name in selected
    }
    drops = data["suggestions"]["drop_filters"]
    assert {drop["parameter"]: drop["count"] for drop in drops} == {
        name: count for name, count in expected.items() if count
    }
    policy = next(drop for drop in drops if drop["parameter"] == "type")
    assert policy["values"] == ["policy"]
    assert policy["label"] == "Resource type: Policy or strategy document"
    assert data["suggestions"]["spelling"] is None


def test_the_openapi_document_describes_the_help(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    help = schemas["ZeroResultsHelpOut"]["properties"]
    assert set(help) == {"drop_filters", "spelling"}
    assert set(schemas["FilterDropOut"]["properties"]) == {
        "parameter",
        "parameters",
        "values",
        "label",
        "count",
    }
    assert set(schemas["SpellingOut"]["properties"]) == {"text", "count"}
    assert "suggestions" in schemas["ResourceSearchOut"]["required"]
