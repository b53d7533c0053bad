"""The page generation: a number kept in the cache all the site's processes
share, and carried by every cached page's key. Bumping it retires every
cached page at once (the cache's own expiry removes them); the process that
made the change sees the new number at once, the others within
PAGE_CACHE_RECHECK_SECONDS.

One PageGeneration per process, held by the project's app config (cms/apps.py)
and found with page_generation(): the middlewares read it, the triggers
(triggers.py) bump it.
"""

import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches

from cms.commit_batches import after_commit

logger = logging.getLogger(__name__)


def page_generation():
    """This process's PageGeneration."""
    return apps.get_app_config("cms").page_generation


def clock_start():
    # A new generation starts from the clock, not from 1: if the shared cache
    # loses it (a Redis restart), pages a process still holds under an
    # earlier number can never be taken for current ones.
    return time.time_ns() // 1000


class PageGeneration:
    KEY = "pages:generation"

    def __init__(self, alias="default"):
        self.alias = alias
        self.forget()

    @property
    def shared(self):
        """Where the generation lives: the cache every process shares (the
        pages themselves may also be kept in each process, see settings)."""
        return caches[self.alias]

    def forget(self):
        """Read the generation afresh next time (after the tests empty the
        cache, as a Redis restart would)."""
        # This process's last reading. Reading it costs a round trip to Redis,
        # as much as the rest of a cached answer, so a process reads it at most
        # every PAGE_CACHE_RECHECK_SECONDS. None means the shared cache did not
        # answer: the page cache stands aside until the next reading, so an
        # outage costs one slow call a second, not several a page.
        self.value = None
        self.read_at = 0.0
        # A bump the shared cache did not take: tried again at the next reading.
        self.bump_pending = False

    def current(self):
        """The generation, or None while the shared cache is unreachable."""
        if self.read_at and time.monotonic() - self.read_at < settings.PAGE_CACHE_RECHECK_SECONDS:
            return self.value
        return self.fresh()

    def fresh(self):
        """The generation as the shared cache holds it now."""
        if self.bump_pending:
            self.bump()
        # django-redis, told to ignore errors, answers None for a missing key and
        # for an unreachable server alike; `add` tells them apart (None: no answer).
        value = self.shared.get(self.KEY)
        if value is None:
            started = clock_start()
            added = self.shared.add(self.KEY, started, timeout=None)
            value = None if added is None else started if added else self.shared.get(self.KEY)
        self.remember(value)
        return value

    def retire(self, **_signal_kwargs):
        """Every cached page is out of date once the change commits (before
        that, a request would read the old rows and could store them under
        the new generation): once per transaction, however many changes it
        holds (an import publishes thousands). A signal receiver: see
        triggers.py."""
        after_commit(self.bump_once, None)

    def bump_once(self, _changes):
        self.bump()

    def bump(self):
        try:
            value = self.shared.incr(self.KEY)
        except ValueError:  # no generation yet (or evicted): a new one
            value = clock_start()
            self.shared.set(self.KEY, value, timeout=None)
        if value is None:
            # Redis did not answer: the change must still retire the pages once
            # it is back (it may come back with its old data), so the next
            # reading tries again; meanwhile this process keeps no page.
            logger.warning("Could not retire cached pages (the cache did not answer); will retry")
            self.bump_pending = True
            self.remember(None)
            return
        self.bump_pending = False
        self.remember(value)

    def remember(self, value):
        self.value, self.read_at = value, time.monotonic()
