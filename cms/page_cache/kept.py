"""Small values worked out from rows the page generation covers (a Site's root
URL, a language's Locale), kept in each process until the generation moves:
every save or delete of those rows moves it once committed (triggers.py).

Reading the generation is one look at a number this process holds (it reads
the shared cache at most every PAGE_CACHE_RECHECK_SECONDS), against a query
each time: finding a request's Site cost 3 ms of every API answer, the
language's Locale 1 ms (bench/README.md).
"""

from cms.page_cache.generation import page_generation


class KeptUntilChange:
    """Values by key, each worked out once per generation. The keys may come
    from what a client sends (a Host header): at most `limit` are kept."""

    def __init__(self, limit=64):
        self.limit = limit
        self.values = {}

    def get(self, key, work_out, still_good=None):
        """The value for `key`: kept, or `work_out()` (and kept). `still_good`:
        whether a kept value will do, for what the generation cannot tell (a
        row this process may not have seen yet)."""
        generation = page_generation().current()
        kept = self.values.get(key)
        current = generation is not None and kept and kept[0] == generation
        if current and (still_good is None or still_good(kept[1])):
            return kept[1]
        value = work_out()
        # None: the shared cache is down, nothing is known to be current.
        if generation is not None:
            if len(self.values) >= self.limit:
                self.values.clear()
            self.values[key] = (generation, value)
        return value
