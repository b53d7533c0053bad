"""Restarting the real PostgreSQL under a running site: the site recovers by
itself, with no error and no restart of its own.

The site runs as in production, under gunicorn with persistent database
connections (DATABASE_CONN_MAX_AGE), so the restart cuts connections it holds
open; Django's connection health checks (conn_health_checks) notice and
reconnect at the next request."""

import contextlib
import os
import subprocess
import urllib.error
import urllib.request

import pytest
from django.db import connections

from tests.processes import ROOT, demo_site, gunicorn

PAGES = ["/", "/news/", "/resources/?topic=health", "/api/v3/resources/?q=procurement", "/forum/"]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def running_site(tmp_path):
    assert os.environ.get("DATABASE_URL", "").startswith("postgres"), (
        "needs the suite's PostgreSQL (make test starts it)"
    )
    with demo_site(
        tmp_path,
        "restart",
        lambda port: gunicorn(port, workers=1, threads=4),
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_CONN_MAX_AGE="600",
        PAGE_CACHE_SECONDS="0",  # every request reaches the database
    ) as (url, _env, log):
        yield url, log


def test_the_site_recovers_by_itself_when_postgresql_restarts(running_site):
    url, log = running_site
    # Every worker thread opens its connection and keeps it.
    for _ in range(3):
        assert {page: get(url + page) for page in PAGES} == dict.fromkeys(PAGES, 200)
    try:
        subprocess.run(
            ["scripts/services.sh", "restart-db"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=120,
        )
    finally:
        # This process's own connections died with the restart too: close them
        # so the next test opens fresh ones.
        for connection in connections.all():
            with contextlib.suppress(Exception):  # a dead connection may fail to close
                connection.close()
    # The very first requests after the restart already succeed.
    for _ in range(3):
        assert {page: get(url + page) for page in PAGES} == dict.fromkeys(PAGES, 200)
    assert "Traceback" not in log.read_text()
