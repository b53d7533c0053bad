"""The editors' synonyms and acronyms: kept in the admin, checked, and applied
alike by the database search (query expansion) and the engines (a synonym
filter in the index analysis, brought in by a rebuild behind the alias)."""

import threading
import time

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.search.query import And, Or, Phrase, PlainText

from resources.facets import FACETS
from resources.models import Resource
from search import synonyms
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.models import SearchSynonyms, forget_groups
from search.query import clean_query
from tests.conftest import SEARCH_ENGINES, use_search_engine
from tests.resources.factories import bulk_resources
from tests.search.conftest import empty_engine_index
from tests.search.synonym_cases import DOCUMENTS, SEARCHES, SYNONYMS, specs


def admin_url():
    # Generic settings have one row, edited at its own address.
    pk = SearchSynonyms.load().pk
    return reverse("wagtailsettings:edit", args=["search", "searchsynonyms", pk])


TITLES = {title: slug for slug, (title, _) in DOCUMENTS.items()}


def set_synonyms(text):
    setting = SearchSynonyms.load()
    setting.synonyms = text
    setting.save()
    forget_groups()  # what the save does when its transaction commits


@pytest.fixture
def documents(db):
    set_synonyms(SYNONYMS)
    resources = bulk_resources(specs())
    from wagtail.search.backends import get_search_backend

    get_search_backend("default").add_bulk(Resource, resources)
    return resources


@pytest.fixture(params=["database", *SEARCH_ENGINES])
def searcher(request, documents, settings):
    queryset = Resource.objects.visible().filter(locale=Locale.get_default())
    if request.param == "database":
        return lambda text: DatabaseFacetedSearch(queryset, FACETS).search(
            SearchQuery(text=clean_query(text), page_size=50)
        )
    from search.engine import EngineFacetedSearch

    use_search_engine(settings, request.param)
    empty_engine_index().index_all()
    return lambda text: EngineFacetedSearch(queryset, FACETS).search(
        SearchQuery(text=clean_query(text), page_size=50)
    )


def slugs(page):
    return {TITLES[item.title] for item in page.items}


# Reading and checking what editors type


def test_each_line_is_a_group_of_equivalent_terms():
    parsed = synonyms.parse(
        "PCP,  Pre-Commercial Procurement\n\n  SME , SMEs,small and medium-sized enterprise \n"
    )
    assert parsed.errors == []
    assert parsed.groups == [
        ("pcp", "pre-commercial procurement"),
        ("sme", "smes", "small and medium-sized enterprise"),
    ]
    # The engine's rules: words as its tokenizer splits them.
    assert synonyms.engine_rules(parsed.groups) == [
        "pcp, pre commercial procurement",
        "sme, smes, small and medium sized enterprise",
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("PCP", "Line 1: a line needs at least two different terms"),
        ("PCP, pcp", "Line 1: a line needs at least two different terms"),
        ("PCP => pre-commercial procurement", "Line 1: “=>” is not supported"),
        ("PCP, pre-commercial\nRFI, pcp", "Line 2: “pcp” is already on line 1"),
        ("PCP, &&&", "Line 1: “&&&” has no letters or digits"),
        ("PCP, " + " ".join(["word"] * 9), "is longer than 8 words"),
    ],
)
def test_a_bad_line_is_named_with_what_is_wrong(text, error):
    parsed = synonyms.parse(text)
    assert len(parsed.errors) == 1 and error in parsed.errors[0]


def test_expansion_matches_the_longest_term_and_keeps_the_other_words():
    groups = synonyms.parse(
        "PCP, pre-commercial procurement\nprocurement, purchasing\nSME, small business"
    ).groups
    query = synonyms.expand("guide pre commercial procurement for sme", groups)
    assert repr(query) == repr(
        And(
            [
                PlainText("guide"),
                Or([PlainText("pcp"), Phrase("pre commercial procurement")]),
                PlainText("for"),
                Or([PlainText("sme"), Phrase("small business")]),
            ]
        )
    )
    assert synonyms.expand("energy buyers", groups) == "energy buyers"


def test_a_hyphenated_term_is_asked_for_as_written_only_with_a_hyphen_after_its_first_word():
    groups = synonyms.parse(
        "SME, small and medium-sized enterprise\nLCC, life-cycle costing, e-procurement"
    ).groups
    assert repr(synonyms.expand("sme", groups)) == repr(
        Or(
            [
                PlainText("sme"),
                Phrase("small and medium sized enterprise"),
                Phrase("small and medium-sized enterprise"),
            ]
        )
    )
    assert repr(synonyms.expand("lcc", groups)) == repr(
        Or([PlainText("lcc"), Phrase("life cycle costing"), Phrase("e procurement")])
    )


def test_a_phrase_holding_a_shorter_phrase_of_its_line_is_left_to_the_shorter_one():
    # Whatever has "open market consultation" has "market consultation": in
    # the database's Or the longer phrase would only cost a check and a rank.
    groups = synonyms.parse(
        "RFI, market consultation, open market consultation, consultation of the market, "
        "market engagement, prior market engagement\n"
        "LCC, life-cycle costing, cycle costing\n"
        "IT, IT services"
    ).groups
    assert repr(synonyms.expand("rfi", groups)) == repr(
        Or(
            [
                PlainText("rfi"),
                Phrase("market consultation"),
                Phrase("consultation of the market"),
                Phrase("market engagement"),
            ]
        )
    )
    # "life cycle costing" (the hyphen's other spelling) holds "cycle costing";
    # a document's "life-cycle costing" has both (a hyphen in the first word).
    assert repr(synonyms.expand("lcc", groups)) == repr(
        Or([PlainText("lcc"), Phrase("cycle costing")])
    )
    # A word is not enough: "it" is a stop word, which the database drops.
    assert repr(synonyms.expand("it", groups)) == repr(Or([PlainText("it"), Phrase("it services")]))


# The editors' screen


def test_editor_keeps_the_synonyms_in_the_admin_and_searches_use_them_at_once(
    client, editor, documents, django_capture_on_commit_callbacks, database_search_only
):
    client.force_login(editor)
    page = client.get(admin_url())
    assert page.status_code == 200
    assert "PCP, pre-commercial procurement" in page.content.decode()
    assert "One line for each group of terms that mean the same" in page.content.decode()

    search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS)
    assert slugs(search.search(SearchQuery(text="Energy"))) == {"other"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url(), {"synonyms": SYNONYMS + "energy, power\n"})
    assert response.status_code == 302
    assert SearchSynonyms.load().synonyms.endswith("energy, power")
    # No other step: the next search has the new line.
    page = search.search(SearchQuery(text="power"))
    assert slugs(page) == {"other"}


def test_bad_synonyms_get_a_field_error_and_the_saved_ones_stay(client, editor, documents):
    client.force_login(editor)
    response = client.post(admin_url(), {"synonyms": "PCP, procurement\nRFI\nenergy, pcp"})
    assert response.status_code == 200
    errors = response.context["form"].errors["synonyms"]
    assert errors == [
        "Line 2: a line needs at least two different terms, separated by commas "
        "(for example “PCP, pre-commercial procurement”).",
        "Line 3: “pcp” is already on line 1. Put all the terms that mean the same on one line.",
    ]
    # What was typed is still in the box, to be corrected; the saved text is unchanged.
    assert "RFI\nenergy, pcp" in response.content.decode()
    assert SearchSynonyms.load().synonyms == SYNONYMS


def test_a_save_queues_the_engine_rebuild_for_the_worker(
    client, editor, db, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url(), {"synonyms": SYNONYMS})
    queued = DBTaskResult.objects.filter(task_path__endswith="update_engine_analysis")
    assert queued.count() == 1 and queued.get().status == "READY"


# The same results on the database and the engine


@pytest.mark.parametrize("text", list(SEARCHES))
def test_each_term_finds_the_resources_that_say_any_term_of_its_line(searcher, text):
    page = searcher(text)
    assert slugs(page) == SEARCHES[text]
    assert page.total == len(SEARCHES[text])
    counts = {facet.name: {v.value: v.count for v in facet.values} for facet in page.facets}
    assert counts["type"] == {"guidance": len(SEARCHES[text])}


@pytest.mark.parametrize("backend", ["database", *SEARCH_ENGINES])
def test_the_api_and_the_page_honour_the_synonyms(client, documents, request, backend, settings):
    if backend == "database":
        request.getfixturevalue("database_search_only")
    else:
        use_search_engine(settings, backend)
        empty_engine_index().index_all()
    data = client.get("/api/v3/resources/", {"q": "PCP"}).json()
    assert data["backend"] in ("opensearch", "elasticsearch", "database")
    assert (data["backend"] == "database") == (backend == "database")
    assert {item["title"] for item in data["items"]} == {
        "A guide to pre-commercial procurement",
        "PCP in practice",
    }
    page = client.get("/resources/", {"q": "pre-commercial procurement"}).content.decode()
    assert "PCP in practice" in page and "A guide to pre-commercial procurement" in page
    if backend != "database":  # the engine marks the term it found for the one asked
        data = client.get("/api/v3/resources/", {"q": "pre-commercial procurement"}).json()
        highlights = {item["title"]: item["highlight"] for item in data["items"]}
        assert highlights["PCP in practice"] == "<mark>PCP</mark> in practice"


def test_site_search_and_the_forum_use_the_same_synonyms(client, documents, database_search_only):
    from tests.community.factories import DiscussionFactory

    DiscussionFactory(title="Joint buying", body="Who has run a pre-commercial procurement?")
    data = client.get("/api/v3/search/", {"q": "PCP"}).json()
    by_kind = {kind["kind"]: kind["count"] for kind in data["kinds"]}
    assert by_kind["resources"] == 2 and by_kind["forum"] == 1
    assert "Joint buying" in {item["title"] for item in data["items"]}


def test_synonyms_cost_no_query_of_their_own(client, documents, database_search_only):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(text):
        client.get("/resources/", {"q": text})  # the first request fills the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/resources/", {"q": text}).status_code == 200
        return len(captured)

    assert queries("PCP") == queries("energy")


# An edit reaches the engine without downtime


def test_an_edit_reaches_the_engine_through_a_rebuild_while_searches_keep_answering(
    documents, engine_index, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from search import engine_client
    from search.engine_analysis import synonyms_in_index
    from search.tasks import update_engine_analysis
    from tests.search.conftest import engine_backend

    backend = engine_backend()
    alias = backend.get_index_for_model(Resource).name
    set_synonyms("SME, SMEs")
    call_command("update_index", backend_name="engine", verbosity=0)
    before = set(backend.es.indices.get_alias(name=alias))

    def found():
        response = engine_client.search(
            backend,
            alias,
            {
                "query": {
                    "multi_match": {
                        "query": "PCP",
                        "fields": ["title", "summary"],
                        "operator": "and",
                    }
                },
                "_source": False,
            },
        )
        return sorted(hit["_id"] for hit in response["hits"]["hits"])

    old_answer = found()
    assert len(old_answer) == 1  # only "PCP in practice"

    answers, failures, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append((time.monotonic(), found()))
            except Exception as error:  # a failed search is what this test looks for
                failures.append(error)

    with django_capture_on_commit_callbacks(execute=True):
        setting = SearchSynonyms.load()
        setting.synonyms = SYNONYMS
        setting.save()
    searching = threading.Thread(target=keep_searching)
    searching.start()
    try:
        time.sleep(0.2)
        started = time.monotonic()
        update_engine_analysis.call()  # what the worker runs for the queued task
        finished = time.monotonic()
        time.sleep(0.2)
    finally:
        stop.set()
        searching.join()

    assert failures == []
    new_answer = found()
    assert len(new_answer) == 2  # and "A guide to pre-commercial procurement"
    during = [answer for at, answer in answers if started <= at <= finished]
    assert during, "no search ran during the rebuild"
    # Every answer came whole from one index: the old one, then the new one.
    assert {tuple(answer) for _, answer in answers} <= {tuple(old_answer), tuple(new_answer)}
    assert answers[0][1] == old_answer and answers[-1][1] == new_answer
    after = set(backend.es.indices.get_alias(name=alias))
    assert len(after) == 1 and not after & before, "a new index behind the alias, the old gone"
    assert not backend.es.indices.exists(index=",".join(before))
    assert "pcp, pre commercial procurement" in synonyms_in_index(backend, alias)


def test_the_screen_speaks_the_editors_language(client, editor, documents):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(editor)
    assert (
        "Eine Zeile je Gruppe gleichbedeutender Begriffe"
        in client.get(admin_url()).content.decode()
    )
    response = client.post(admin_url(), {"synonyms": "PCP, procurement\nRFI"})
    [error] = response.context["form"].errors["synonyms"]
    assert error.startswith("Zeile 2: Eine Zeile braucht mindestens zwei verschiedene Begriffe")
