"""Rendered pages for anonymous visitors, kept in Django's cache.

- middleware.py: which requests may share a page, and the two middlewares
  that answer from the cache and fill it;
- generation.py: the number every cached page's key carries; bumping it
  retires every cached page at once;
- triggers.py: every change that bumps it, in one list;
- local_first.py: the cache backend that keeps recent pages in each
  process's memory in front of Redis.

Browsers are told to revalidate every time (max-age=0; Django's
ConditionalGetMiddleware answers 304 when nothing changed), so only the
server holds pages, for PAGE_CACHE_SECONDS at most. PAGE_CACHE_SECONDS = 0
turns the cache off.
"""
