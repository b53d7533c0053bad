"""The Resource Centre in French and German (/fr/resources/, /de/resources/): the
filter box and "show all", the year range and its histogram, the errors, the
help when nothing is found, and the names of countries and languages speak the
page's language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from cms.text import folded
from home.models import Country, Topic, TopicName
from resources.models import Language, Resource
from tests.resources.factories import bulk_resources

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_search_only")]

# What each language calls things, and the word every title of its resources has.
WORDS = {
    "fr": {
        "word": "achat",
        "find": "Rechercher un pays",
        "none": "Aucun pays ne correspond.",
        "show all": "Afficher les 12 valeurs",
        "show fewer": "Afficher moins",
        "range chip": "Année de publication: de 2019 à 2020 ×",
        "from to": ["De", "À"],
        "apply": "Appliquer les années",
        "histogram": "Année de publication : ressources par année de 2018 à 2021 ; les nombres "
        "figurent sous « Nombre par année ».",
        "counts": "Nombre par année",
        "range error": "La plage d’années n’a pas été appliquée : Saisissez une année",
        "unknown": "Valeur « nope » inconnue pour le filtre Thème.",
        "nothing": "Aucune ressource ne correspond. Vous pourriez essayer :",
        "drop": "Retirer Type de ressource: Document d’orientation ou de stratégie → 12 ressources",
        "drop words": "Rechercher sans les mots « achax » → 12 ressources",
        "did you mean": "Vouliez-vous dire : achat → 12 ressources",
    },
    "de": {
        "word": "Beschaffung",
        "find": "Land suchen",
        "none": "Kein Land passt.",
        "show all": "Alle 12 Werte anzeigen",
        "show fewer": "Weniger anzeigen",
        "range chip": "Erscheinungsjahr: 2019 bis 2020 ×",
        "from to": ["Von", "Bis"],
        "apply": "Jahre anwenden",
        "histogram": "Erscheinungsjahr: Ressourcen pro Jahr von 2018 bis 2021; die Zahlen stehen "
        "unter „Anzahl pro Jahr“.",
        "counts": "Anzahl pro Jahr",
        "range error": "Der Jahreszeitraum wurde nicht angewendet: Geben Sie ein Jahr",
        "unknown": "Unbekannter Wert „nope“ für den Filter Thema.",
        "nothing": "Keine passenden Ressourcen. Sie könnten Folgendes versuchen:",
        "drop": "Ressourcenart: Grundsatz- oder Strategiedokument entfernen → 12 Ressourcen",
        "drop words": "Ohne die Wörter „Beschaffunx“ suchen → 12 Ressourcen",
        "did you mean": "Meinten Sie: beschaffung → 12 Ressourcen",
    },
}
# The first three of the fixture's countries (by count) and its language, as
# each language names them (CLDR); "ost" finds Österreich, accent and all; the
# topic as its editors named it in each language.
NAMES = {
    "fr": {
        "countries": ["Autriche", "Belgique", "Bulgarie"],
        "language": "Français",
        "topic": "Santé et action sociale",
    },
    "de": {
        "countries": ["Österreich", "Belgien", "Bulgarien"],
        "language": "Deutsch",
        "topic": "Gesundheit und Pflege",
    },
}
TYPED = {"fr": "autr", "de": "ost"}
LANGUAGES = pytest.mark.parametrize("language", list(WORDS))


def text(element):
    """What is on screen, spaces (non-breaking ones too) made plain."""
    for hidden in element.select(".visually-hidden"):
        hidden.decompose()
    return " ".join(element.get_text(" ").split())


def get(client, language, **params):
    response = client.get(f"/{language}/resources/", params)
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def resources_in():
    """12 resources in a language, guides from 2018 to 2021; the n-th names the
    first n+1 of 12 countries, so the country facet is long enough to cut."""

    def make(language):
        from wagtail.search.backends import get_search_backend

        countries = list(Country.objects.exclude(code="EU").order_by("code")[:12])
        health = Topic.objects.create(slug="health", name="Health and social care")
        for code, names in NAMES.items():
            TopicName.objects.create(topic=health, language=code, name=names["topic"])
        word = WORDS[language]["word"]
        bulk_resources(
            [
                (
                    {
                        "title": f"{word} {n}",
                        "summary": f"{word} {n}.",
                        "resource_type": "guidance",
                        "publication_date": datetime.date(2018 + n % 4, 1, 1),
                    },
                    {
                        "countries": countries[: n + 1],
                        "languages": [Language.objects.get(code=language)],
                        "topics": [health],
                    },
                    [],
                )
                for n in range(12)
            ],
            locale=Locale.objects.get_or_create(language_code=language)[0],
        )
        get_search_backend("default").add_bulk(Resource, list(Resource.get_indexed_objects()))

    return make


@LANGUAGES
def test_the_filter_box_and_show_all(client, resources_in, language):
    resources_in(language)
    words = WORDS[language]
    _, page = get(client, language, country_q="zz")
    assert text(page.select_one("label[for=country_q]")) == words["find"]
    assert text(page.select_one("#facet-country .facet-none")) == words["none"]

    _, page = get(client, language)
    show_all = page.select_one("#facet-country [data-show-all]")
    assert text(show_all) == words["show all"]
    _, page = get(client, language, show_all="country")
    assert text(page.select_one("#facet-country [data-show-fewer]")) == words["show fewer"]


@LANGUAGES
def test_the_year_range_and_its_histogram(client, resources_in, language):
    resources_in(language)
    words = WORDS[language]
    _, page = get(client, language, year_from="2019", year_to="2020")
    assert words["range chip"] in [text(chip) for chip in page.select(".chips .chip")]
    year = page.select_one("#facet-year")
    assert [text(label) for label in year.select(".range-field label")] == words["from to"]
    assert text(year.select_one(".range-apply")) == words["apply"]
    assert " ".join(year.select_one("svg > title").get_text().split()) == words["histogram"]
    assert text(year.select_one(".histogram-counts summary")) == words["counts"]


@LANGUAGES
def test_the_errors(client, resources_in, language):
    resources_in(language)
    words = WORDS[language]
    response, page = get(client, language, year_from="abc")
    assert response.status_code == 400
    assert text(page.select_one("p.notice[role=alert]")).startswith(words["range error"])
    response, page = get(client, language, topic="nope")
    assert response.status_code == 400
    assert text(page.select_one("p.notice[role=alert]")).startswith(words["unknown"])


@LANGUAGES
def test_the_help_when_nothing_is_found(client, resources_in, language):
    resources_in(language)
    words = WORDS[language]
    _, page = get(client, language, q=words["word"], type="policy")
    help = page.select_one(".zero-results")
    assert text(help.p) == words["nothing"]
    assert [text(a) for a in help.select(".filter-drops a")] == [words["drop"]]

    _, page = get(client, language, q=words["word"][:-1] + "x")  # one letter wrong
    help = page.select_one(".zero-results")
    assert text(help.select_one(".spelling")) == words["did you mean"]
    assert [text(a) for a in help.select(".filter-drops a")] == [words["drop words"]]


@LANGUAGES
def test_every_address_of_a_resource_opens_its_page(client, home_page, resources_in, language):
    """A resource's page is in its own language (/fr/resources/<slug>/): the
    API and the sitemap give that address whatever language they answer in,
    not /resources/<slug>/, where a French resource is not found."""
    resources_in(language)
    answer = client.get("/api/v3/resources/", {"locale": language, "limit": 1}).json()
    address = answer["items"][0]["html_url"]
    assert address.startswith(f"http://testserver/{language}/resources/")
    assert client.get(address).status_code == 200
    assert f"<loc>{address}</loc>" in client.get("/sitemap.xml").content.decode()


def facet_labels(page, name):
    return [text(label) for label in page.select(f"#facet-{name} li .facet-label")]


@LANGUAGES
def test_countries_and_languages_are_named_in_the_pages_language(client, resources_in, language):
    resources_in(language)
    names = NAMES[language]
    _, page = get(client, language)
    assert facet_labels(page, "country")[:3] == names["countries"]
    assert facet_labels(page, "language") == [names["language"]]
    assert facet_labels(page, "topic") == [names["topic"]]
    # The filter box finds a country by the name it shows (without JavaScript).
    _, page = get(client, language, country_q=TYPED[language])
    assert [
        text(row.select_one(".facet-label"))
        for row in page.select("#facet-country li:not([hidden])")
    ] == [names["countries"][0]]

    slug = Resource.objects.get(title=f"{WORDS[language]['word']} 11").slug
    page = BeautifulSoup(client.get(f"/{language}/resources/{slug}/").content, "html.parser")
    details = page.select_one("dl.facts")
    shown = [text(a) for a in details.select("a[href*='?country=']")]
    assert set(names["countries"]) <= set(shown)
    assert shown == sorted(shown, key=folded)  # Allemagne first, not Austria's place
    assert [text(a) for a in details.select("a[href*='?language=']")] == [names["language"]]
    assert [text(a) for a in details.select("a[href*='?topic=']")] == [names["topic"]]


@LANGUAGES
def test_the_api_labels_terms_in_the_language_asked_for(client, resources_in, language):
    resources_in(language)
    names = NAMES[language]
    answer = client.get("/api/v3/resources/", {"locale": language}).json()
    countries = next(facet for facet in answer["facets"] if facet["name"] == "country")
    assert [value["label"] for value in countries["values"]][:3] == names["countries"]
    item = next(item for item in answer["items"] if len(item["countries"]) == 12)
    assert {"value": "AT", "label": names["countries"][0]} in item["countries"]
    assert item["languages"] == [{"value": language, "label": names["language"]}]
    assert item["topics"] == [{"value": "health", "label": names["topic"]}]
    # One resource alone answers in its own language.
    detail = client.get(f"/api/v3/resources/{item['id']}/").json()
    assert detail["countries"] == item["countries"]

    found = client.get(
        "/api/v3/resources/facets/country/", {"locale": language, "prefix": TYPED[language]}
    ).json()
    assert [(value["value"], value["label"]) for value in found["items"]] == [
        ("AT", names["countries"][0])
    ]


def test_english_shows_a_topics_own_name_and_a_new_name_shows_at_once(
    client, resources_in, committed
):
    resources_in("fr")
    english = client.get("/api/v3/resources/facets/topic/").json()
    assert english["items"] == []  # no English resources: nothing counted
    french = client.get("/api/v3/resources/facets/topic/", {"locale": "fr"}).json()
    assert [item["label"] for item in french["items"]] == ["Santé et action sociale"]

    with committed():  # an editor renames it, from another process as far as this one knows
        named = TopicName.objects.get(language="fr")
        named.name = "Santé"
        named.save()
    french = client.get("/api/v3/resources/facets/topic/", {"locale": "fr"}).json()
    assert [item["label"] for item in french["items"]] == ["Santé"]
    with committed():
        named.delete()
    french = client.get("/api/v3/resources/facets/topic/", {"locale": "fr"}).json()
    assert [item["label"] for item in french["items"]] == ["Health and social care"]
