import datetime

import pytest
from django.utils import timezone

from saved_searches.models import SavedSearch
from tests.cms.factories import UserFactory
from tests.home.factories import TopicFactory
from tests.resources.factories import ResourceFactory

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Alerts run inside the command that queues them, so a test reads the
    outbox at once; the real worker is proved in test_alert_worker.py."""
    settings.TASKS = {**settings.TASKS, "background": IMMEDIATE}


@pytest.fixture
def member(db):
    return UserFactory(username="carla", email="carla@example.org")


@pytest.fixture
def topics(db):
    return {slug: TopicFactory(slug=slug, name=slug.title()) for slug in ("health", "energy")}


def saved_search(user, query="topic=health", frequency="daily", days_ago=2, **fields):
    """A search saved `days_ago` days ago, not alerted since."""
    saved = SavedSearch.objects.create(
        user=user,
        name=fields.pop("name", query),
        query=query,
        language=fields.pop("language", "en"),
        frequency=frequency,
        **fields,
    )
    SavedSearch.objects.filter(pk=saved.pk).update(alerted_until=ago(days=days_ago))
    saved.refresh_from_db()
    return saved


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def published(title, hours_ago=12, **relations):
    """A resource published through a revision, as editors do, `hours_ago` hours ago."""
    resource = ResourceFactory(title=title, relations__publish=True, **relations)
    type(resource).objects.filter(pk=resource.pk).update(first_published_at=ago(hours=hours_ago))
    resource.refresh_from_db()
    return resource
