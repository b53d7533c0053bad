"""A cache backend that keeps recent entries in this process's memory in front
of a shared cache (Redis), for the page cache (cms/page_cache/).

A page served from Redis costs two round trips (the Vary header list, then the
page) on top of the generation read; from this process's memory it costs none.
Entries are only ever added under keys that carry the page generation, so a
copy kept here can never be out of date: retiring pages changes the keys.

    CACHES["pages"] = {
        "BACKEND": "cms.page_cache.local_first.LocalFirstCache",
        "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 500},
    }
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

_MISSING = object()


class LocalFirstCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.shared_alias = options.get("SHARED", "default")
        # TIMEOUT: how long a copy fetched from the shared cache is kept here.
        self.local = LocMemCache(
            f"local-first:{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 60),
                "OPTIONS": {"MAX_ENTRIES": options.get("MAX_ENTRIES", 500)},
            },
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        value = self.local.get(key, _MISSING, version)
        if value is _MISSING:
            value = self.shared.get(key, _MISSING, version)
            if value is _MISSING:
                return default
            self.local.set(key, value, self.local.default_timeout, version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        self.local.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            self.local.set(key, value, timeout, version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.touch(key, timeout, version)
        return self.shared.touch(key, timeout, version)

    def delete(self, key, version=None):
        self.local.delete(key, version)
        return self.shared.delete(key, version)

    def has_key(self, key, version=None):
        return self.local.has_key(key, version) or self.shared.has_key(key, version)

    def clear(self):
        """This process's copies only: the shared cache has its own alias."""
        self.local.clear()
