"""A server process's long-lived objects, loaded once and kept out of the
cyclic garbage collector's reach.

A process serving the site holds about 250,000 objects that live as long as
it does: modules, models, URL patterns, the API's schemas. Python's collector
walks every one of them on each full collection, which took about 150 ms at a
time in the benchmark (bench/README.md), once every few hundred searches: a
pause for whichever request set it off. Frozen, they are never
walked again, and the full collections look only at what requests leave
behind. Django loads the URLconf (and with it every view and API router) on
the first request, so it is loaded here first: frozen too.
"""

import gc

from django.urls import get_resolver


def load_and_freeze():
    """Call once, when the process has its application and before it serves."""
    get_resolver().url_patterns  # noqa: B018 imports every URL module, view and API router
    # Garbage left over from start-up goes first: frozen, it would stay forever.
    gc.collect()
    gc.freeze()
