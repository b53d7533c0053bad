"""Settings for the Resource Centre benchmark (bench/): production-like (DEBUG off,
persistent database connections) but on the benchmark's own database and index
prefix, so that it never touches the test suite's data on the shared services.

    BENCH_DATABASE_URL   default postgres://ppi:ppi@127.0.0.1:55432/ppi_bench
    SEARCH_URL           the OpenSearch node; unset = the database answers
    ELASTICSEARCH_URL    the Elasticsearch node, indexed too and measured as
                         well (bench/latency.py answers from it as "engine")
    BENCH_INDEX_PREFIX   default bench_
"""

import dj_database_url

from cms.settings.base import *  # noqa: F403
from cms.settings.base import BASE_DIR, WAGTAILSEARCH_BACKENDS, engine_backend, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "bench-only-not-secret")
PUBLIC_ID_SECRET = env("PUBLIC_ID_SECRET", "bench-only-not-secret-public-ids")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"

BENCH_DATABASE_URL = env("BENCH_DATABASE_URL", "postgres://ppi:ppi@127.0.0.1:55432/ppi_bench")
DATABASES = {
    "default": dj_database_url.parse(BENCH_DATABASE_URL, conn_max_age=600, conn_health_checks=True)
}
if DATABASES["default"]["NAME"] in {"ppi", "postgres", "template0", "template1"}:
    raise RuntimeError("The benchmark drops and refills its database: give it its own name.")

INDEX_PREFIX = env("BENCH_INDEX_PREFIX", "bench_")
if not INDEX_PREFIX.startswith("bench"):
    raise RuntimeError("The benchmark resets its indices: their prefix must start with 'bench'.")
if "engine" in WAGTAILSEARCH_BACKENDS:
    WAGTAILSEARCH_BACKENDS["engine"]["INDEX_PREFIX"] = INDEX_PREFIX
# The second engine, for bench/generate.py to index: only on request
# (AUTO_UPDATE off), so that what the benchmark publishes is not indexed twice.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["elasticsearch"] = {
        **engine_backend(ELASTICSEARCH_URL, env("ELASTICSEARCH_BACKEND", "elasticsearch7")),
        "INDEX_PREFIX": INDEX_PREFIX,
        "AUTO_UPDATE": False,
    }

# Media on the local disk whatever AWS_* says: the benchmark stores no files.
AWS_STORAGE_BUCKET_NAME = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".cache" / "bench-media"

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# A log line per request would be part of what is measured.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("BENCH_LOG_LEVEL", "WARNING")},
}
