"""The synonym searches of test_synonyms.py on the embedded default, SQLite
with its FTS5 search, in a child process with the dev settings (as
tests/test_embedded.py runs them)."""

from tests.processes import clean_env, manage, python_json
from tests.search.synonym_cases import SEARCHES

SEARCH_ON_SQLITE = r"""
import json
from django.db import connection
from wagtail.search.backends import get_search_backend
from resources.facets import FACETS
from resources.models import Resource
from search.faceted import DatabaseFacetedSearch, SearchQuery
from search.models import SearchSynonyms, forget_groups
from search.query import clean_query
from tests.resources.factories import bulk_resources
from tests.search.synonym_cases import DOCUMENTS, SEARCHES, SYNONYMS, specs

setting = SearchSynonyms.load()
setting.synonyms = SYNONYMS
setting.save()
forget_groups()
get_search_backend("default").add_bulk(Resource, bulk_resources(specs()))
slugs = {title: slug for slug, (title, _) in DOCUMENTS.items()}
search = DatabaseFacetedSearch(Resource.objects.visible(), FACETS)
found = {
    text: sorted(slugs[item.title] for item in search.search(
        SearchQuery(text=clean_query(text), page_size=50)).items)
    for text in SEARCHES
}
print(json.dumps({"vendor": connection.vendor, "found": found}))
"""


def test_each_term_finds_the_same_resources_on_sqlite(tmp_path):
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    manage(env, "migrate", "--no-input", "-v", "0")
    data = python_json(env, SEARCH_ON_SQLITE)
    assert data["vendor"] == "sqlite"
    assert data["found"] == {text: sorted(expected) for text, expected in SEARCHES.items()}
