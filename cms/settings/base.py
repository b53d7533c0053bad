"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment
variables (documented in README.md); dev.py, test.py and production.py only pick
defaults and add the checks that fit their environment.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers
from django.core.exceptions import ImproperlyConfigured

from search.languages import ENGINE_INDEX_SETTINGS

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_origins(name):
    """Origins (scheme://host[:port]) from a comma-separated variable. Anything
    else refuses to start: django-cors-headers' system checks would say so too,
    but gunicorn runs no checks, and an origin that can never match (a trailing
    slash, no scheme) would quietly lock its front end out."""
    origins = env_list(name)
    for origin in origins:
        parts = urlsplit(origin)
        if not (parts.scheme and parts.netloc) or parts.path or parts.query or parts.fragment:
            raise ImproperlyConfigured(
                f"{name}: {origin!r} is not an origin; write scheme://host[:port], "
                "with no path, not even a trailing slash (https://front.example.org)."
            )
    return origins


def require_env(name):
    """Read a variable that has no safe default; refuse to start without it."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


SECRET_KEY = env("SECRET_KEY")
# The key of the Forum's public ids (cms/ids.py). Not SECRET_KEY: rotating
# that must not change every permalink and every id API clients kept.
PUBLIC_ID_SECRET = env("PUBLIC_ID_SECRET")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First: it types API fields before Wagtail builds its API schemas (cms/api_fields.py).
    "cms",
    "home",
    "resources",
    "search",
    "community",
    "webhooks",
    "saved_searches",
    "django_tasks",
    "django_tasks_db",
    "django_comments_xtd",
    "django_comments",
    "allauth",
    "allauth.account",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail_modeladmin",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail_localize",
    "cms.locales_app.LocalesConfig",  # wagtail_localize.locales, with the API v3 locales
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "storages",
    "corsheaders",
    "django.contrib.postgres",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",  # the comments framework records a site per comment
]
SITE_ID = 1

MIDDLEWARE = [
    # First, as django-cors-headers asks: it answers preflights itself and adds
    # its headers to every /api/ answer, including those that middleware below
    # produce on their own (a 304, a 401 for a wrong token, a 404 or 405 as JSON).
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous pages from the cache (cms/page_cache/): Update stores what
    # everything after it produced; Fetch answers before the rest runs.
    "cms.page_cache.middleware.UpdatePageCache",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.page_cache.middleware.FetchPageCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Everything under /api/: tokens, one transaction per write, JSON errors,
    # cache headers (cms/api_boundary.py).
    "cms.api_boundary.api_boundary",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After Approve in the admin, a message says what happened (cms/workflow_messages.py).
    "cms.workflow_messages.approval_messages",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
    # Previews may be framed by the admin's side panel (same origin only).
    "cms.preview_framing.previews_framed_by_same_origin",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

# Front ends on other origins (django-cors-headers): scripts on the origins in
# CORS_ALLOWED_ORIGINS may read the APIs, and nothing else; the site's pages and
# forms stay same-origin.
CORS_ALLOWED_ORIGINS = env_origins("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
# A token travels in the Authorization header, which needs no credentials; only
# a front end that relies on this site's session cookie needs them, and turning
# them on lets every listed origin's scripts use a signed-in visitor's session.
CORS_ALLOW_CREDENTIALS = env_bool("CORS_ALLOW_CREDENTIALS", False)
# If-None-Match: front ends revalidate with the ETag, which they can only read
# when it is exposed (cms/api_boundary.py).
CORS_ALLOW_HEADERS = (*default_headers, "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; production and the test suite set DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the default language and lives at the root of
# the site; other languages get a prefix (/fr/news/).
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
]
WAGTAIL_I18N_ENABLED = True
# Translation with wagtail-localize (README, Translation). A new translation
# starts as a draft: by default the package publishes it at once, untranslated,
# whenever its source is live, which would let an editor who may not publish
# put a page live in another language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = env("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Media: on the local disk unless an S3 bucket is configured. Objects are private
# and their URLs are short-lived signatures, so nothing in the bucket is public.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME", "us-east-1"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": int(env("AWS_QUERYSTRING_EXPIRE", "600")),
            "file_overwrite": False,
            "location": env("AWS_LOCATION", ""),
        },
    }


def media_origins():
    """Where the browser fetches media from: the bucket's origin when media
    are on S3 (signed URLs point there), nothing beyond this site otherwise."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    options = STORAGES["default"]["OPTIONS"]
    virtual = options["addressing_style"] == "virtual"
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        host = f"{AWS_STORAGE_BUCKET_NAME}.{endpoint.netloc}" if virtual else endpoint.netloc
        return [f"{endpoint.scheme}://{host}"]
    host = f"s3.{options['region_name']}.amazonaws.com"
    return [f"https://{AWS_STORAGE_BUCKET_NAME}.{host}" if virtual else f"https://{host}"]


# Content-Security-Policy (django-csp): the public site runs no inline script or
# style and loads nothing from elsewhere but media. Wagtail's admin and ninja's
# API docs page carry inline scripts of their own, so they are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/v3/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *media_origins()],
        "media-src": ["'self'", *media_origins()],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Documents always go through Wagtail's view, which checks collection privacy
# before streaming the file; a bucket URL is never handed out.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "ods",
    "odp",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "csv",
    "txt",
]

LOGIN_URL = WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"

# Accounts (django-allauth): sign in with a username or an email address; a new
# account must confirm its address before it can sign in. allauth's own rate
# limits (in the cache) slow down guessing and mail bombing.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
ACCOUNT_FORMS = {"login": "community.forms_accounts.SignInForm"}
# Names a member may not take (any case): the words of the members' own routes
# (/members/me/ is one's own profile, so a member called "me" could never be
# reached; a test keeps this in step with community/urls_members.py) and the
# site's roles, which a newcomer could otherwise pose as.
ACCOUNT_USERNAME_BLACKLIST = ["me", "admin", "administrator", "moderator", "editor", "support"]
# The admin's sign-in counts failures against the same limit.
WAGTAILADMIN_USER_LOGIN_FORM = "home.admin_login.RateLimitedLoginForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Procurement of Innovation Platform] "

# The Forum's comments: django-comments-xtd with the project's own model, which
# carries the comment's scope (public, or one group). Replies nest up to
# FORUM_MAX_REPLY_DEPTH levels below a top-level comment.
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "community.models.ForumComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = int(env("FORUM_MAX_REPLY_DEPTH", "3"))
COMMENTS_XTD_CONFIRM_EMAIL = False  # only signed-in members comment
# django-contrib-comments reads this into its model: its own default, or its migrations drift.
COMMENT_MAX_LENGTH = 3000
COMMENTS_XTD_LIST_ORDER = ("thread_id", "order")
COMMENTS_XTD_SALT = env("COMMENTS_XTD_SALT", "ppi-forum-comments").encode()
FORUM_EDIT_WINDOW_MINUTES = int(env("FORUM_EDIT_WINDOW_MINUTES", "30"))
FORUM_PAGE_SIZE = 20
FORUM_COMMENTS_PAGE_SIZE = 50
FORUM_POSTS_PER_MINUTE = int(env("FORUM_POSTS_PER_MINUTE", "6"))
# Groups one member may create in a day (site moderators: no limit), and the
# names and addresses they may try in an hour (each try of a taken one tells
# a little; a limit keeps a dictionary of them from being tried).
FORUM_GROUPS_PER_DAY = int(env("FORUM_GROUPS_PER_DAY", "3"))
FORUM_GROUP_ADDRESS_CHECKS_PER_HOUR = int(env("FORUM_GROUP_ADDRESS_CHECKS_PER_HOUR", "20"))
# What one member can make the site store and send (counted in community/throttle.py):
# files on one post and files per hour, which bound the file store and the
# worker's queue; invitations per hour from one member, and per day to one
# address from everyone, which bound the email a member can have the site send.
FORUM_ATTACHMENTS_PER_POST = int(env("FORUM_ATTACHMENTS_PER_POST", "5"))
FORUM_ATTACHMENTS_PER_HOUR = int(env("FORUM_ATTACHMENTS_PER_HOUR", "20"))
FORUM_INVITATIONS_PER_HOUR = int(env("FORUM_INVITATIONS_PER_HOUR", "20"))
FORUM_INVITATIONS_PER_ADDRESS_PER_DAY = int(env("FORUM_INVITATIONS_PER_ADDRESS_PER_DAY", "3"))
# What members comment on besides discussions, as kind -> model: the kind names
# the target in URLs and the API. Only published, public objects take comments.
FORUM_COMMENT_TARGETS = {"news": "home.NewsPage", "resource": "resources.Resource"}

WAGTAIL_SITE_NAME = "Procurement of Innovation Platform"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from Gravatar would be the admin's only asset from outside the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "heic": "jpeg"}
# No WAGTAILAPI_BASE_URL: API links follow the Wagtail Site's root URL, as
# every other absolute URL does (cms/absolute_urls.py).
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in API answers as HTML a front end can show (links expanded);
# ?rich_text_format= asks for db_html, markdown or db_markdown instead.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# The image sizes API clients may ask for with ?rendition= (Wagtail filter
# specs), and those they get when they do not ask.
API_IMAGE_RENDITIONS = ["fill-480x270", "width-480", "width-960", "width-1600"]
API_IMAGE_DEFAULT_RENDITIONS = ["width-480", "width-960"]
# How long a headless preview token reads its draft (cms/headless_preview.py):
# long enough to look at a preview, short enough that a leaked one is stale.
HEADLESS_PREVIEW_MAX_AGE = int(env("HEADLESS_PREVIEW_MAX_AGE", "1800"))
# The site setting (a BaseSiteSetting, "app.Model") whose front_end_preview_url
# field is where each site's front end shows previews.
HEADLESS_PREVIEW_SITE_SETTING = "home.SiteSettings"
WAGTAILAPI_SEARCH_ENABLED = True

# Search: Wagtail's database backend is always there ("default"), so search keeps
# answering when the engine is down. With SEARCH_URL set, an OpenSearch or
# Elasticsearch node is added as "engine"; both are kept up to date on publish.
# The database backend is Wagtail's with what visitors type cleaned on the way
# in (search/database_backend.py): both APIs hand it their `search=` as typed.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.database_backend"},
}


def engine_backend(url, backend):
    """Wagtail's settings for the engine node at `url`; `backend` names Wagtail's
    backend for its kind and major version (opensearch2, elasticsearch7, ...)."""
    return {
        "BACKEND": "wagtail.search.backends." + backend,
        "URLS": [url],
        "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", "ppi_"),
        "TIMEOUT": int(env("SEARCH_TIMEOUT", "5")),
        # Every index's text also under each language's analyzer (search/languages.py).
        "INDEX_SETTINGS": ENGINE_INDEX_SETTINGS,
    }


# The database search counts facets from bits kept in each process's memory
# (search/facet_bits.py); after a write they are built again at most this often,
# and searches count in SQL in between.
FACET_BITS_REBUILD_SECONDS = float(env("FACET_BITS_REBUILD_SECONDS", "10"))
# The database search keeps the id sets its statements found (text matches,
# facet selections) until the data changes (search/kept_ids.py), in at most
# this many ids' room per process (8 bytes each, statements counted). 0 keeps none.
DATABASE_SEARCH_KEPT_IDS = int(env("DATABASE_SEARCH_KEPT_IDS", "4000000"))

SEARCH_URL = env("SEARCH_URL")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS["engine"] = engine_backend(
        SEARCH_URL, env("SEARCH_BACKEND", "opensearch2")
    )

# Background work: Django's task framework (django-tasks). Wagtail's own tasks
# (reference index, search index, image focal points, file deletion) are declared
# with `@task()` and so run on the "default" alias. They stay immediate, run in
# the request as before: on the database backend they would wait for the worker,
# so search results and the admin's usage counts would lag behind every save,
# and every command that saves (load_demo, import_resources, the tests) would
# need a worker running. The project's own tasks (webhook deliveries, imports,
# digests) name "background": stored in the database and run by
# `manage.py db_worker --backend background`, a second process next to the web
# server. Swap that backend for RQ or Celery when one worker is not enough.
# Saved Resource Centre searches (saved_searches/): how many one member may keep.
SAVED_SEARCHES_PER_MEMBER = int(env("SAVED_SEARCHES_PER_MEMBER", "20"))

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}

# Publish webhooks (webhooks/): what they announce besides pages, and how hard
# the worker tries. Non-page models that publish (DraftStateMixin), as kind ->
# model: "resource" sends resource.published, resource.unpublished and
# resource.deleted.
WEBHOOK_SNIPPETS = {"resource": "resources.Resource"}
# The taxonomy term models, whose edits send taxonomy.changed: the Resource
# Centre's one list of them, named rather than imported (webhooks/ depends on
# no app's internals).
WEBHOOK_TAXONOMY_MODELS = "resources.taxonomies.MODELS"
# Seconds to connect, and then to wait for each read of the answer.
WEBHOOK_TIMEOUT_SECONDS = float(env("WEBHOOK_TIMEOUT_SECONDS", "5"))
# Seconds before each retry of a failed delivery: 6 attempts in all by default,
# the last about 2 h 40 min after the event.
WEBHOOK_RETRY_DELAYS = [
    float(delay) for delay in env_list("WEBHOOK_RETRY_DELAYS", "10,60,300,1800,7200")
]

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Procurement of Innovation Platform <noreply@localhost>"
)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Redis when REDIS_URL is set (production, tests), else this process's memory
# (make run). Keys are prefixed with the database's name, so sites sharing a
# Redis (the tests' servers, the benchmark) never read each other's pages.
# django-redis rather than Django's own backend: it keeps one client per
# process (Django's builds one per call, which cost a cached page a third of its
# time) and, with IGNORE_EXCEPTIONS, a Redis outage makes every lookup a miss
# (logged) instead of an error page.
REDIS_URL = env("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache"
        if REDIS_URL
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": REDIS_URL or "",
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", str(DATABASES["default"]["NAME"])),
        # Redis answers in well under a millisecond: a quarter second means it is not there.
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
        }
        if REDIS_URL
        else {},
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    # Cached pages: each process keeps the ones it served recently in front of
    # Redis (cms/page_cache/local_first.py), so a hit needs no round trip but the
    # generation's. TIMEOUT bounds how long a copy taken from Redis is kept.
    CACHES["pages"] = {
        "BACKEND": "cms.page_cache.local_first.LocalFirstCache",
        "TIMEOUT": 60,
        "OPTIONS": {
            "SHARED": "default",
            "MAX_ENTRIES": int(env("PAGE_CACHE_LOCAL_ENTRIES", "500")),
        },
    }
# Anonymous pages are kept this long at most (0 turns the page cache off);
# publishing and other edits retire them at once (cms/page_cache/triggers.py).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# How often a process re-reads the page generation from Redis: an edit made in
# one process retires the pages the others serve within this many seconds.
PAGE_CACHE_RECHECK_SECONDS = float(env("PAGE_CACHE_RECHECK_SECONDS", "1"))
CACHE_MIDDLEWARE_ALIAS = "pages" if REDIS_URL else "default"
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"
# How long a process may keep the taxonomies' terms (resources/taxonomies.py).
TAXONOMY_CACHE_SECONDS = 60
# An admin import the worker has not reported on for this long is taken for
# stopped (the worker killed or restarted mid-run) and shown as failed
# (resources/tasks.py). The worker reports four times within it.
IMPORT_STALL_SECONDS = float(env("IMPORT_STALL_SECONDS", "120"))

NEWS_PAGE_SIZE = 10
EVENTS_PAGE_SIZE = 12

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # Wagtail logs every publish and background task at INFO: noise in a terminal.
    "loggers": {
        name: {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")}
        for name in ("wagtail", "django_tasks", "modelsearch", "opensearch", "elasticsearch")
    },
}

# `manage.py load_demo`: each app's demo loader, run in order. Production turns
# the command off.
DEMO_CONTENT_ALLOWED = True
DEMO_LOADERS = [
    "home.demo.loader.DemoLoader",
    "resources.demo.ResourceDemoLoader",
    "resources.demo_languages.TranslatedResourceDemoLoader",
    "community.demo.ForumDemoLoader",
]

# How long an attachment link handed out by the API works, in seconds: API
# clients authenticate with a token that an <img> or a download cannot send.
FORUM_SIGNED_URL_SECONDS = int(env("FORUM_SIGNED_URL_SECONDS", "600"))

# Forum uploads: the largest file of each kind, in bytes.
FORUM_UPLOAD_LIMITS = {
    "document": int(env("FORUM_MAX_DOCUMENT_MB", "20")) * 2**20,
    "image": int(env("FORUM_MAX_IMAGE_MB", "10")) * 2**20,
    "video": int(env("FORUM_MAX_VIDEO_MB", "200")) * 2**20,
}

# The most pixels an uploaded image may have, in millions: decoding takes about
# 4 bytes a pixel (25 MP: about 100 MB for the picture, 140 MB at the worker's
# peak), whatever the file's size. 25 takes a 24 MP camera's or a 12 MP
# phone's photos; a 48 MP phone photo is refused with a request to make it
# smaller. Only the header is read in a request (community/uploads.py).
FORUM_MAX_IMAGE_MEGAPIXELS = float(env("FORUM_MAX_IMAGE_MEGAPIXELS", "25"))

# Pictures, in MB: a member's avatar and a group's image. Both are re-encoded
# smaller (community/uploads.py), so the limit only bounds the work of reading them.
FORUM_MAX_AVATAR_MB = float(env("FORUM_MAX_AVATAR_MB", "2"))
FORUM_MAX_GROUP_IMAGE_MB = float(env("FORUM_MAX_GROUP_IMAGE_MB", "5"))
