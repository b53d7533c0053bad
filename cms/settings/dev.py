"""`make run`: the embedded default (SQLite, database search, media on disk)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")
PUBLIC_ID_SECRET = env("PUBLIC_ID_SECRET", "dev-only-not-secret-public-ids")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The address `make run` serves (its HOST and PORT): the admin's links, and
# the demo Site's hostname and port (load_demo), which every absolute URL in
# the APIs, feeds, calendars and emails is built from.
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", f"http://{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}"
)
