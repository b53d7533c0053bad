"""The real worker process (`manage.py db_worker`, as in production) sends the
alerts `send_saved_search_alerts` queues, and a second run of the command
before or after it sends nothing twice. The worker is another process on the
test database, so these tests commit what they do; it writes its emails to
files (TEST_EMAIL_FILE_PATH), since its outbox is not the test's."""

import email
from email.policy import default

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from saved_searches.models import SavedSearch
from tests.processes import clean_env, start_worker, stop, suite_database_url, wait_for_worker
from tests.saved_searches.conftest import published, saved_search

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Here tasks wait in the database queue for the worker (the package's
    conftest runs them at once)."""
    from cms.settings import base

    settings.TASKS = base.TASKS


@pytest.fixture
def mailbox(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def worker(tmp_path, mailbox):
    url = suite_database_url()
    if url is None:
        pytest.skip("the worker process needs the test database on a server: run `make test`")
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=url,
        TEST_EMAIL_FILE_PATH=str(mailbox),
    )
    log_path = tmp_path / "worker.log"
    process = start_worker(env, log_path)
    yield process, log_path
    stop(process)


def sent(mailbox):
    """Every email the worker wrote, parsed."""
    if not mailbox.exists():
        return []
    messages = []
    for path in sorted(mailbox.iterdir()):
        # The file backend separates the messages it writes at once with a line of dashes.
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip(), policy=default))
    return messages


def test_the_worker_sends_a_due_alert_once_however_often_the_command_runs(
    member, topics, home_page, mailbox, worker
):
    saved = saved_search(member, query="topic=health", name="Health")
    published("Health pilot", relations__topics=[topics["health"]])
    published("Energy pilot", relations__topics=[topics["energy"]])

    call_command("send_saved_search_alerts")
    call_command("send_saved_search_alerts")  # cron twice, before the worker got to it
    assert DBTaskResult.objects.count() == 2
    wait_for_worker(worker)
    call_command("send_saved_search_alerts")  # and once more after
    wait_for_worker(worker)

    [message] = sent(mailbox)
    assert message["To"] == "carla@example.org"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        message["List-Unsubscribe"]
        .strip()
        .startswith("<http://testserver/saved-searches/unsubscribe/")
    )
    text, html = (part.get_content() for part in message.iter_parts())
    assert "Health pilot" in text and "Energy pilot" not in text
    assert '<a href="http://testserver/resources/health-pilot/"' in html
    saved.refresh_from_db()
    assert saved.last_sent_at is not None
    assert SavedSearch.objects.due().count() == 0
