"""Limits on how much one member (or one address) can make the site do in a
window of time: a burst is refused with a clear message instead of flooding a
group, a mailbox or the file store. Counted in Django's cache per key and per
window (a shared cache such as Redis makes it hold across workers)."""

import time

from django.conf import settings
from django.core.cache import cache


def allow(action, who, limit, window_seconds):
    """Count one `action` by `who` (a user id, an address…); False once more
    than `limit` were counted in the last `window_seconds`.

    Counted per fixed window, and the previous window's count weighed by the
    share of it still within the last `window_seconds`: with fixed windows
    alone, a burst across the turn of a window was counted twice over from
    zero (the limit twice in a second)."""
    window, elapsed = divmod(time.time(), window_seconds)
    key = f"throttle:{action}:{who}:{int(window)}"
    cache.add(key, 0, timeout=window_seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count from one again
        cache.set(key, 1, timeout=window_seconds * 2)
        count = 1
    if count is None:  # the cache is unreachable (its errors are ignored): do not block
        return True
    earlier = cache.get(f"throttle:{action}:{who}:{int(window) - 1}") or 0
    return count + earlier * (1 - elapsed / window_seconds) <= limit


def allow_post(user):
    """Count one post by `user`; False once they exceed FORUM_POSTS_PER_MINUTE."""
    return allow("posts", user.pk, settings.FORUM_POSTS_PER_MINUTE, 60)


def allow_attachment(user):
    """Count one file shared by `user`; False past FORUM_ATTACHMENTS_PER_HOUR."""
    return allow("attachments", user.pk, settings.FORUM_ATTACHMENTS_PER_HOUR, 3600)


def allow_invitation_from(user):
    """Count one invitation sent by `user`; False past FORUM_INVITATIONS_PER_HOUR."""
    return allow("invitations-from", user.pk, settings.FORUM_INVITATIONS_PER_HOUR, 3600)


def allow_invitation_to(address_digest):
    """Count one invitation to an address, whoever sends it (keyed by the
    address's digest); False past FORUM_INVITATIONS_PER_ADDRESS_PER_DAY."""
    return allow(
        "invitations-to", address_digest, settings.FORUM_INVITATIONS_PER_ADDRESS_PER_DAY, 86400
    )
