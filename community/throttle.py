"""A limit on how fast one member posts: a burst of posts is refused with a
clear message instead of flooding a group. Counted in Django's cache, per user
and per minute (a shared cache such as Redis makes it hold across workers)."""

import time

from django.conf import settings
from django.core.cache import cache


def allow_post(user):
    """Count one post by `user`; False once they exceed FORUM_POSTS_PER_MINUTE."""
    window = int(time.time() // 60)
    key = f"forum-posts:{user.pk}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count from one again
        cache.set(key, 1, timeout=120)
        count = 1
    if count is None:  # the cache is unreachable (its errors are ignored): do not block
        return True
    return count <= settings.FORUM_POSTS_PER_MINUTE
