import os

from django.core.wsgi import get_wsgi_application

from cms.long_lived import load_and_freeze

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
application = get_wsgi_application()
load_and_freeze()
