"""`make run`: the embedded default (SQLite, database search, media on disk)."""

import os
from pathlib import Path

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, env


def checkout_secret_key(path):
    """This checkout's own signing key, made on first use and kept in an
    ignored file readable by its owner only. A key shared by every checkout
    would let anyone forge signed links (invitations, previews, file URLs)
    on a demo that is reachable from outside."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: the server and the worker starting together make one key
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(handle, "w") as file:
        file.write(get_random_secret_key())
    return path.read_text().strip()


DEBUG = True
SECRET_KEY = env("SECRET_KEY", "") or checkout_secret_key(
    env("DEV_SECRET_KEY_FILE", str(BASE_DIR / ".cache" / "dev-secret-key"))
)
# Like the signing key, the demo's own: a shared one would let anyone decode
# its Forum ids back into counts.
PUBLIC_ID_SECRET = env("PUBLIC_ID_SECRET", "") or f"public-ids:{SECRET_KEY}"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The address `make run` serves (its HOST and PORT): the admin's links, and
# the demo Site's hostname and port (load_demo), which every absolute URL in
# the APIs, feeds, calendars and emails is built from.
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", f"http://{env('HOST', '127.0.0.1')}:{env('PORT', '8000')}"
)
