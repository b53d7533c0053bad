"""`gunicorn bench.wsgi`: the site with the benchmark's settings."""

import os

from django.core.wsgi import get_wsgi_application

from cms.long_lived import load_and_freeze

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
application = get_wsgi_application()
load_and_freeze()
