"""Steering PostgreSQL's planner to the text index for the faceted search.

A text match names its language (`to_tsquery('english', …)`), so PostgreSQL
folds the query into a constant and estimates how many entries match from the
column's statistics. For common words that is most of them ("tender": 56 % of
100,000 resources), and the planner then prefers reading the whole entries
table to the GIN index on `title || body` (search/migrations/0001). Its cost
model leaves out what that read really costs: decompressing two text vectors
per row and concatenating them. Measured at 100,000 resources (bench/README.md):
the text match took 300 ms that way and 90 ms through the index; ranking a
page's matches 250 to 350 ms (the planner hashed every matching entry, spilling
to disk) and 90 ms looking each one up by its key.

So the statements that match text are planned without sequential scans when an
index can serve them. `SET LOCAL` inside a transaction (a savepoint when one is
open) keeps the setting to these statements: it is reset when they are done,
and rolled back with them if they fail.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections, transaction
from modelsearch.query import Fuzzy, MatchAll, Not


@contextmanager
def text_index_scans(using):
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield
        cursor.execute("RESET enable_seqscan")


_known_matches = ContextVar("known_matches", default=False)


@contextmanager
def ranking_known_matches():
    """Within it, a relevance search of a queryset that holds only objects
    known to match the words (the faceted search's matching ids) ranks them
    without matching them again. Matching again re-read and re-checked every
    entry's text: half the cost of ranking 47,000 matches (220 ms against 120)."""
    token = _known_matches.set(True)
    try:
        yield
    finally:
        _known_matches.reset(token)


class RankKnownMatches:
    """For the PostgreSQL query compiler: modelsearch's `search`, without its
    text filter while `ranking_known_matches` is on."""

    def search(self, config, start, stop, score_field=None, backend=None):
        if not (_known_matches.get() and self.order_by_relevance) or isinstance(
            self.query, (MatchAll, Not, Fuzzy)
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        return self._apply_ordering_and_scoring(self.queryset, rank, start, stop, score_field)
