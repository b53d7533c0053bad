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


@pytest.fixture
def unreachable_engine(settings):
    """An engine configured where nothing listens: down, as far as the site can
    tell, without stopping the node the other tests share."""
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
