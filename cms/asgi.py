import os

from django.core.asgi import get_asgi_application

from cms.long_lived import load_and_freeze

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_asgi_application()
load_and_freeze()
