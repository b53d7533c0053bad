"""The test suite: real PostgreSQL and S3 when `make test` exports them."""

from .base import *  # noqa: F403
from .base import engine_backend, env

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PUBLIC_ID_SECRET = "test-only-not-secret-public-ids"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A worker process the tests start cannot hand its memory's outbox to the test:
# given a folder, it writes each email there as a file for the test to read.
if env("TEST_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("TEST_EMAIL_FILE_PATH")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests see every change at once; tests/cms/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Facet counts come from fresh bits after every write, so that the tests on
# PostgreSQL check them rather than the SQL that stands in while they wait.
FACET_BITS_REBUILD_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = env("MEDIA_ROOT", "/tmp/ppi-test-media")  # noqa: S108 throwaway files
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# The suite's own index names, so a test run never touches another index
# (TEST_SEARCH_INDEX_PREFIX: for runs side by side on one engine).
TEST_SEARCH_INDEX_PREFIX = env("TEST_SEARCH_INDEX_PREFIX", "test_ppi_")
if "engine" in WAGTAILSEARCH_BACKENDS:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["engine"]["INDEX_PREFIX"] = TEST_SEARCH_INDEX_PREFIX  # noqa: F405

# Every engine test runs once on each of these (the `search_engine` fixture,
# tests/conftest.py), which then answers as "engine". `make test` starts a node
# of each (scripts/services.sh) and exports their URLs: SEARCH_URL is the
# OpenSearch node, so the other tests, which index as they publish, use it.
TEST_SEARCH_ENGINES = {
    name: {**engine_backend(url, backend), "INDEX_PREFIX": TEST_SEARCH_INDEX_PREFIX}
    for name, url, backend in (
        ("opensearch", SEARCH_URL, env("SEARCH_BACKEND", "opensearch2")),  # noqa: F405
        ("elasticsearch", env("ELASTICSEARCH_URL"), env("ELASTICSEARCH_BACKEND", "elasticsearch7")),
    )
    if url
}
