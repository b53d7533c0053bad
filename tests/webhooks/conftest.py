"""A real HTTP receiver on loopback and the real worker process.

The worker (`manage.py db_worker`) runs in a child process against the test
database, so the tests that need it commit what they do (transactional
database, restored from its serialized migration data before each test).
"""

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from tests.processes import clean_env, start_worker, stop, suite_database_url

SECRET = "test-secret-for-signing-0123456789"
# The worker's settings: short, so that retries and timeouts take seconds.
TIMEOUT_SECONDS = 2
RETRY_DELAYS = [0.2, 0.2]  # three attempts in all
HANG = "hang"

worker_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def admin_client_for(user):
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    at: float


class Receiver(ThreadingHTTPServer):
    """Records every request. Answers each with the next of `answers` (a status
    code, or HANG: take the request and never answer), and 200 after those."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.received = []
        self.answers = []
        self.lock = threading.Lock()
        self.released = threading.Event()

    def url(self, path="/hook"):
        return f"http://127.0.0.1:{self.server_port}{path}"


class ReceiverHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        server = self.server
        with server.lock:
            server.received.append(
                Received(self.path, dict(self.headers.items()), body, time.monotonic())
            )
            answer = server.answers.pop(0) if server.answers else 200
        if answer == HANG:
            server.released.wait(30)
            self.close_connection = True
            return
        self.send_response(answer)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok" if answer < 300 else b"no")

    def log_message(self, *args):
        pass  # the test reads `received`


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


class Worker:
    def __init__(self, process, log_path):
        self.process = process
        self.log_path = log_path

    def settled(self, count, timeout=20):
        """The deliveries, oldest first, once there are `count` and none is pending."""
        from webhooks.models import Delivery

        deadline = time.monotonic() + timeout
        while True:
            deliveries = list(Delivery.objects.order_by("pk"))
            done = [d for d in deliveries if d.status != Delivery.Status.PENDING]
            if len(done) >= count and len(done) == len(deliveries):
                return deliveries
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"{len(done)} of {count} deliveries settled; worker's log:\n"
                    + self.log_path.read_text()
                )
            time.sleep(0.05)


def worker_database_url():
    url = suite_database_url()
    if url is None:
        pytest.skip("the worker process needs the test database on a server: run `make test`")
    return url


@pytest.fixture(scope="package")
def worker(django_db_setup, tmp_path_factory):
    """`manage.py db_worker` on the test database, polling every 0.1 s."""
    env = clean_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=worker_database_url(),
        WEBHOOK_TIMEOUT_SECONDS=str(TIMEOUT_SECONDS),
        WEBHOOK_RETRY_DELAYS=",".join(map(str, RETRY_DELAYS)),
    )
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    process = start_worker(env, log_path)
    yield Worker(process, log_path)
    stop(process)


@pytest.fixture
def endpoint(receiver):
    """An active endpoint on the receiver, subscribed to every event."""
    from webhooks.events import event_types
    from webhooks.models import Endpoint

    return Endpoint.objects.create(
        name="Front end", url=receiver.url(), secret=SECRET, events=event_types()
    )
