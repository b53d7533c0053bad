"""Id sets kept in memory under the data's version (search/kept_ids.py): a
search met again reads neither its words' match nor its selections, and any
write to what they read (a resource, a facet link, the text index) is seen
by the next search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.models import Topic
from resources.facets import FACETS
from resources.models import Resource
from search import kept_ids
from search.faceted import DatabaseFacetedSearch, SearchQuery

pytestmark = pytest.mark.django_db

WORDS_AND_TOPIC = SearchQuery(text="toolkit", filters={"topic": ["health"]})


def database_search(base=None):
    return DatabaseFacetedSearch(base or Resource.objects.visible(), FACETS, language="en")


def searched(query, base=None):
    """(titles found, the statements the search ran)."""
    with CaptureQueriesContext(connection) as queries:
        page = database_search(base).search(query)
    return sorted(item.title for item in page.items), [entry["sql"] for entry in queries]


def id_reads(statements):
    return [sql for sql in statements if sql.startswith("SELECT array_agg(found.id)")]


def text_matches(statements):
    return [sql for sql in id_reads(statements) if "@@" in sql]


def topic_selections(statements):
    return [sql for sql in id_reads(statements) if 'FROM "resources_resource_topics"' in sql]


def test_a_search_met_again_reads_neither_its_words_nor_its_selections(corpus):
    first, statements = searched(WORDS_AND_TOPIC)
    assert first and text_matches(statements) and topic_selections(statements)

    again, statements = searched(WORDS_AND_TOPIC)

    assert again == first
    assert not text_matches(statements)
    assert not topic_selections(statements)
    # Other words are matched: only the same statement is kept.
    _found, statements = searched(SearchQuery(text="strategy", filters={"topic": ["health"]}))
    assert text_matches(statements) and not topic_selections(statements)


def test_a_text_indexed_later_is_matched_by_the_next_search(corpus):
    query = SearchQuery(text="zeppelin")
    resource = corpus["resources"][0]
    resource.title = "Zeppelin procurement"
    resource.save()
    # Saved, not yet indexed (the worker indexes after the commit): not found,
    # and that is kept.
    assert searched(query)[0] == []
    assert not text_matches(searched(query)[1])

    # Only the index entries are written now.
    get_search_backend("default").add(resource)

    assert searched(query)[0] == ["Zeppelin procurement"]


def test_a_changed_link_is_seen_by_the_next_search(corpus):
    found, _ = searched(WORDS_AND_TOPIC)
    assert not topic_selections(searched(WORDS_AND_TOPIC)[1])  # kept
    health = Topic.objects.get(slug="health")
    newly = Resource.objects.visible().filter(title__startswith="Toolkit").exclude(topics=health)[0]
    Resource.topics.through.objects.create(resource=newly, topic=health)

    assert searched(WORDS_AND_TOPIC)[0] == sorted([*found, newly.title])


def test_one_search_object_answering_twice_sees_a_write_in_between(corpus):
    search = database_search()
    first = search.search(WORDS_AND_TOPIC).total
    health = Topic.objects.get(slug="health")
    newly = Resource.objects.visible().filter(title__startswith="Toolkit").exclude(topics=health)[0]
    Resource.topics.through.objects.create(resource=newly, topic=health)

    assert search.search(WORDS_AND_TOPIC).total == first + 1


def test_a_statement_reading_a_table_no_trigger_watches_is_read_every_time(corpus):
    # The locale's table has no trigger: a write there would not move the version.
    english = Locale.objects.filter(language_code="en").values("pk")
    joined = Resource.objects.visible().filter(locale_id__in=english)
    first, _ = searched(WORDS_AND_TOPIC, joined)

    again, statements = searched(WORDS_AND_TOPIC, joined)

    assert again == first
    assert len(text_matches(statements)) == 1
    assert '"wagtailcore_locale"' in text_matches(statements)[0]


def room_taken(query):
    """The room (in ids, search/kept_ids.py) that what a new search keeps takes."""
    before = kept_ids._kept_size
    searched(query)
    return kept_ids._kept_size - before


def test_sets_beyond_the_budget_are_read_every_time(corpus, settings):
    query = SearchQuery(text="buying")  # every resource's title
    settings.DATABASE_SEARCH_KEPT_IDS = 0
    matches = database_search().search(query).total
    settings.DATABASE_SEARCH_KEPT_IDS = matches  # room for the ids, not their statement
    searched(query)
    assert len(text_matches(searched(query)[1])) == 1

    settings.DATABASE_SEARCH_KEPT_IDS = 100 * matches
    searched(query)
    assert not text_matches(searched(query)[1])


def test_the_least_recently_used_set_goes_first(corpus, settings):
    strategy, toolkit, study = (SearchQuery(text=word) for word in ("strategy", "toolkit", "study"))
    rooms = [room_taken(query) for query in (strategy, toolkit)]
    # As many ids each (and "study" as many, in a shorter word): room for two, not three.
    assert rooms[0] > 0 and abs(rooms[0] - rooms[1]) <= 1
    settings.DATABASE_SEARCH_KEPT_IDS = rooms[0] + rooms[1]
    searched(strategy)
    searched(toolkit)
    searched(strategy)  # used last: kept when the third comes
    searched(study)

    assert not text_matches(searched(strategy)[1])
    assert len(text_matches(searched(toolkit)[1])) == 1


def test_searches_that_find_nothing_take_room_too(corpus, settings):
    """Rare or misspelt words, each a statement of its own: they cannot grow
    a process's memory past the budget."""
    settings.DATABASE_SEARCH_KEPT_IDS = 10 * room_taken(SearchQuery(text="zyxwv0"))
    for n in range(1, 30):
        searched(SearchQuery(text=f"zyxwv{n}"))

    assert len(text_matches(searched(SearchQuery(text="zyxwv1"))[1])) == 1  # dropped
    assert not text_matches(searched(SearchQuery(text="zyxwv29"))[1])  # kept
