"""Search within a facet and the year as a range, on the Resource Centre page
(without JavaScript: the parameters alone) and in API v3, on the database
implementation (the engine's parity is tests/search/test_facet_values.py)."""

import datetime

import pytest
from bs4 import BeautifulSoup

from home.models import Country
from resources.facet_panels import SHOWN
from resources.models import Resource
from tests.resources.factories import bulk_resources

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def shown(page, name):
    """The values a facet shows (not hidden), as (value, checked)."""
    return [
        (row.input["value"], row.input.has_attr("checked"))
        for row in page.select(f"#facet-{name} li")
        if not row.has_attr("hidden")
    ]


@pytest.fixture
def many_countries(db):
    """12 resources; the n-th names the first n+1 of 12 countries, so the
    first country has 12 resources, the last 1, in a known order."""
    from wagtail.search.backends import get_search_backend

    countries = list(Country.objects.exclude(code="EU").order_by("code")[:12])
    bulk_resources(
        [
            (
                {
                    "title": f"Resource {n}",
                    "summary": "About buying.",
                    "resource_type": "report",
                    "publication_date": datetime.date(2018 + n % 4, 1, 1),
                },
                {"countries": countries[: n + 1]},
                [],
            )
            for n in range(12)
        ]
    )
    get_search_backend("default").add_bulk(Resource, list(Resource.get_indexed_objects()))
    # Most resources first: the first country is in all 12.
    return sorted(countries, key=lambda country: countries.index(country))


def test_a_long_facet_shows_its_first_values_and_a_show_all_link_keeping_the_selection(
    client, many_countries
):
    last = many_countries[-1].code
    page = soup(client.get("/resources/", {"country": last, "type": "report"}))
    rows = shown(page, "country")
    # The most frequent first, and the selected value wherever it is.
    assert [value for value, _ in rows[:SHOWN]] == [c.code for c in many_countries[:SHOWN]]
    assert rows[-1] == (last, True) and len(rows) == SHOWN + 1
    link = page.select_one("#facet-country [data-show-all]")
    assert link.get_text(strip=True) == "Show all 12 values"

    everything = soup(client.get("/resources/" + link["href"].split("#")[0]))
    assert len(shown(everything, "country")) == 12
    # The selection is kept: still ticked, still filtering.
    assert (last, True) in shown(everything, "country")
    assert everything.select_one("#results-heading").get_text().startswith("1 resource")
    assert everything.select_one("#facet-country [data-show-fewer]")


def test_a_facet_filter_box_without_javascript_lists_the_matching_values(client, many_countries):
    first, second = many_countries[0], many_countries[1]
    page = soup(client.get("/resources/", {"country_q": second.name[:3], "country": first.code}))
    rows = dict(shown(page, "country"))
    assert rows[second.code] is False  # found, with its count
    assert rows[first.code] is True  # selected: kept however the box is filled
    assert all(
        value in (first.code, second.code) or name.lower().startswith(second.name[:3].lower())
        for value, name in (
            (row.input["value"], row.select_one(".facet-label").get_text())
            for row in page.select("#facet-country li:not([hidden])")
        )
    )
    assert page.select_one("#country_q")["value"] == second.name[:3]
    assert page.select_one("#facet-country .facet-none").has_attr("hidden")

    nothing = soup(client.get("/resources/", {"country_q": "zzz"}))
    assert shown(nothing, "country") == []
    assert not nothing.select_one("#facet-country .facet-none").has_attr("hidden")


def test_only_long_facets_get_a_filter_box(client, corpus):
    page = soup(client.get("/resources/"))
    boxes = {box["name"] for box in page.select(".facet-filter input")}
    assert boxes == {"topic_q", "country_q", "language_q"}


def test_a_year_range_filters_and_the_histogram_counts_each_year(client, corpus):
    response = client.get("/resources/", {"year_from": "2020", "year_to": "2021"})
    assert response.status_code == 200
    page = soup(response)
    resources = corpus["resources"]
    inside = [r for r in resources if 2020 <= r.publication_date.year <= 2021]
    assert page.select_one("#results-heading").get_text().startswith(f"{len(inside)} resources")

    # A bar per year of the corpus (2019 to 2023), the counts as text beside them.
    bars = page.select(".histogram rect")
    assert [bar.title.get_text() for bar in bars] == [
        f"{year}: {sum(r.publication_date.year == year for r in resources)}"
        for year in range(2019, 2024)
    ]
    assert [bar["class"] for bar in bars] == [
        ["out-of-range"],
        ["in-range"],
        ["in-range"],
        ["out-of-range"],
        ["out-of-range"],
    ]
    table = [
        [cell.get_text() for cell in row.select("th, td")]
        for row in page.select(".histogram-counts tbody tr")
    ]
    assert table[0][0] == "2023" and table[-1][0] == "2019"
    assert ["2020", str(sum(r.publication_date.year == 2020 for r in resources)), "yes"] in table
    chips = [chip.get_text(" ", strip=True) for chip in page.select(".chips .chip")]
    assert chips == ["Publication year: 2020 to 2021 \u00d7 (remove)"]
    assert page.select_one("#year_from")["value"] == "2020"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"year_from": "abc"}, "year_from", "Enter a year between 1 and 9999."),
        ({"year_to": "123456789012"}, "year_to", "Enter a year between 1 and 9999."),
        ({"year_from": "-5"}, "year_from", "Enter a year between 1 and 9999."),
        ({"year_to": "\uff12\uff10\uff12\uff10"}, "year_to", "Enter a year between 1 and 9999."),
        ({"year_from": "2023", "year_to": "2020"}, "year_from", "“From” must not be after “to”."),
    ],
)
def test_a_bad_year_is_a_field_error_that_keeps_everything_typed(
    client, corpus, params, field, message
):
    response = client.get("/resources/", {**params, "topic": "health", "q": "strategy"})
    assert response.status_code == 400
    page = soup(response)
    box = page.select_one(f"#{field}")
    assert box["aria-invalid"] == "true"
    assert page.select_one(f"#{box['aria-describedby']}").get_text() == message
    for name, value in params.items():
        assert page.select_one(f"#{name}")["value"] == value
    # The rest of the search still applies, and the panel is open to correct it.
    assert ("topic", "health") in {(b["name"], b["value"]) for b in page.select("input[checked]")}
    assert page.select_one("#resource-q")["value"] == "strategy"
    assert page.select_one("details.filters-panel").has_attr("open")
    assert message in page.select_one("p[role=alert]").get_text()


def test_a_year_the_resource_page_links_to_stays_chosen_when_the_form_is_sent(client, corpus):
    page = soup(client.get("/resources/", {"year": "2020"}))
    assert ("year", "2020") in {
        (field["name"], field["value"]) for field in page.select("form input[type=hidden]")
    }


# API v3


def test_api_lists_one_facets_values_matching_a_prefix_under_the_selection(client, many_countries):
    first, last = many_countries[0], many_countries[-1]
    prefix = last.name[:2]
    response = client.get(
        "/api/v3/resources/facets/country/", {"prefix": prefix, "country": first.code}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "country" and data["backend"] == "database"
    expected = [c for c in many_countries if c.name.lower().startswith(prefix.lower())]
    assert [item["value"] for item in data["items"]] == [c.code for c in expected]
    assert data["count"] == len(expected)
    # Counted under every other filter: the country's own selection is not applied.
    assert next(i for i in data["items"] if i["value"] == last.code)["count"] == 1

    narrowed = client.get(
        "/api/v3/resources/facets/country/", {"year_from": 2021, "year_to": 2021}
    ).json()
    expected_count = sum(1 for n in range(12) if 2018 + n % 4 == 2021)
    assert narrowed["items"][0] == {
        "value": first.code,
        "label": first.name,
        "count": expected_count,
        "selected": False,
    }

    paged = client.get("/api/v3/resources/facets/country/", {"limit": 5, "offset": 10}).json()
    assert paged["count"] == 12 and len(paged["items"]) == 2


@pytest.mark.parametrize(
    ("url", "params", "status", "parameter"),
    [
        ("/api/v3/resources/facets/colour/", {}, 422, "facet"),
        ("/api/v3/resources/facets/country/", {"country_q": "fi"}, 400, "country_q"),
        ("/api/v3/resources/facets/country/", {"topic": "no-such-topic"}, 400, "topic"),
        (
            "/api/v3/resources/facets/country/",
            {"year_from": 2022, "year_to": 2020},
            400,
            "year_from",
        ),
        ("/api/v3/resources/facets/country/", {"year_to": "soon"}, 422, "year_to"),
        ("/api/v3/resources/", {"year_from": 2022, "year_to": 2020}, 400, "year_from"),
        ("/api/v3/resources/", {"year_from": 0}, 422, "year_from"),
        ("/api/v3/resources/", {"type_q": "po"}, 400, "type_q"),
    ],
)
def test_api_refusals_name_the_parameter(client, corpus, url, params, status, parameter):
    response = client.get(url, params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert parameter in [error["loc"][-1] for error in response.json()["errors"]]


def test_api_search_filters_a_facets_values_and_gives_the_year_histogram(client, corpus):
    response = client.get(
        "/api/v3/resources/", {"country_q": "fin", "year_from": 2021, "topic": "health"}
    )
    assert response.status_code == 200
    data = response.json()
    facets = {facet["name"]: facet for facet in data["facets"]}
    assert [value["value"] for value in facets["country"]["values"]] == ["FI"]
    assert len(facets["type"]["values"]) > 1  # only the country list is filtered
    resources = corpus["resources"]
    assert data["count"] == sum(
        r.publication_date.year >= 2021 and r.topics.filter(slug="health").exists()
        for r in resources
    )
    (years,) = data["histograms"]
    assert years["name"] == "year"
    health = [r for r in resources if r.topics.filter(slug="health").exists()]
    assert years["bars"] == [
        {
            "value": year,
            "count": sum(r.publication_date.year == year for r in health),
            "in_range": year >= 2021,
        }
        for year in range(2019, 2024)
    ]


def test_openapi_describes_the_facet_values_endpoint(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/resources/facets/{facet}/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"facet", "prefix", "limit", "offset", "q", "topic", "year_from", "year_to"} <= names
    search = document["paths"]["/api/v3/resources/"]["get"]
    assert {"topic_q", "country_q", "language_q", "year_from", "year_to"} <= {
        parameter["name"] for parameter in search["parameters"]
    }
