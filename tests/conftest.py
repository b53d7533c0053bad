import pytest
from wagtail.models import Page, Site

from tests.cms.factories import UserFactory
from tests.home.factories import (
    EventIndexPageFactory,
    HomePageFactory,
    LegalFrameworkIndexPageFactory,
    NewsIndexPageFactory,
)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test cached (taxonomy
    terms, throttle counts) must not leak into the next after its rollback.
    Nor does an engine failure: the next searches would skip the engine for
    RETRY_AFTER_SECONDS (search/engine.py) and answer from the database."""
    from django.conf import settings
    from django.core.cache import caches

    from cms.page_cache.generation import page_generation
    from search.engine import reset_circuit

    reset_circuit()

    for alias in settings.CACHES:  # the pages' copies in this process too
        caches[alias].clear()
    page_generation().forget()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language. A request to /de/ or /fr/
    activates its language for the thread (LocaleMiddleware) and nothing
    deactivates it, so a test calling the code directly after one would get
    German or French labels."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Each test runs in a transaction that never commits: `with committed():`
    runs what the block schedules for commit (index updates, retiring cached
    pages and what each process keeps of Sites and Locales) as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def home_page(db):
    """The site's home page, replacing Wagtail's placeholder as the default site root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    return home


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def legal_index(home_page):
    return LegalFrameworkIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    user = UserFactory(username="editor-user")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    user = UserFactory(username="moderator-user")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def fr_locale(db):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def publish_translation():
    """Translate a page into a locale the way editors do (copy, then publish a
    revision) and return the live translation. The page's parent must already be
    translated."""

    def translate(page, locale, **changes):
        translation = page.copy_for_translation(locale)
        for name, value in changes.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation.specific

    return translate


@pytest.fixture
def database_search_only(settings):
    """Answer from the database implementation, as `make run` does."""
    settings.WAGTAILSEARCH_BACKENDS = {
        alias: config
        for alias, config in settings.WAGTAILSEARCH_BACKENDS.items()
        if alias != "engine"
    }


# The engines every engine test runs on, and where `make test` says each is.
SEARCH_ENGINES = {"opensearch": "SEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}


def use_search_engine(settings, name):
    """Make the node of engine `name` (a key of SEARCH_ENGINES) the "engine"
    backend for the rest of the test; `settings` is pytest-django's fixture,
    which puts the settings back afterwards."""
    from search import engine

    config = getattr(settings, "TEST_SEARCH_ENGINES", {}).get(name)
    if config is None:
        pytest.fail(
            f"This engine test runs on {name} too and needs its node: run it through "
            f"`make test`, which starts one and exports {SEARCH_ENGINES[name]} "
            "(scripts/services.sh start; then source .cache/run/services.env).",
            pytrace=False,
        )
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "engine": config}
    # search.backends makes one backend per configuration, so the switch needs
    # no reset there; a failure of the other engine must not keep this one aside.
    engine.reset_circuit()


@pytest.fixture(params=list(SEARCH_ENGINES))
def search_engine(request, settings):
    """Each test that uses it runs once per engine (OpenSearch and Elasticsearch,
    the test id says which), with that engine's node as the "engine" backend;
    its value is the engine's name, as the API's `backend` reports it."""
    use_search_engine(settings, request.param)
    return request.param


@pytest.fixture
def unreachable_engine(search_engine, settings):
    """An engine configured where nothing listens: down, as far as the site can
    tell, without stopping the node the other tests share. Once per engine: each
    client fails in its own way."""
    from search import engine
    from tests.processes import free_port

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": settings.WAGTAILSEARCH_BACKENDS["default"],
        "engine": {
            **settings.WAGTAILSEARCH_BACKENDS["engine"],
            "URLS": [f"http://127.0.0.1:{free_port()}"],
        },
    }
    engine.reset_circuit()
    yield
    # The failure keeps the engine aside for a while: not for the next test.
    engine.reset_circuit()
