import pytest
from wagtail.models import Page, Site

from tests import factories


@pytest.fixture
def home_page(db):
    """The site's home page, replacing Wagtail's placeholder as the default site root."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="home-test")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    return home


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return factories.EventIndexPageFactory(parent=home_page)


@pytest.fixture
def legal_index(home_page):
    return factories.LegalFrameworkIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username="editor-user")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username="moderator-user")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
