"""Work that follows a change once its transaction commits, done once for a
whole batch of changes rather than once per change.

An import publishes thousands of resources in one transaction; one commit
callback per resource meant thousands of single-document index updates, cache
bumps and webhook look-ups after the commit. Inside `collecting()`,
`after_commit(flush, item)` adds the item to a batch, and `flush(items)` runs
once when the transaction commits. Elsewhere each item has its own callback,
as Django's `on_commit` would (and at once, with [item], outside a
transaction): an editor's save is one change, and Django's test helper for
commit callbacks runs only those registered inside its block.

A batch is one of Django's own commit callbacks, so it keeps their rules: it
is dropped if its transaction rolls back, or the savepoint it was begun in.
An item is never added to a dropped batch: a batch no longer in Django's list
is replaced by a new one.
"""

import threading
from contextlib import contextmanager

from django.db import transaction

_scopes = threading.local()


class CommitBatch:
    """One transaction's items for one `flush`: Django's commit callback."""

    def __init__(self, flush):
        self.flush = flush
        self.items = []

    def __call__(self):
        self.flush(self.items)


@contextmanager
def collecting(using=None):
    """Batch what `after_commit` is given in this block (on this thread)."""
    alias = transaction.get_connection(using).alias
    batches = getattr(_scopes, "batches", {})
    _scopes.batches = batches
    outer = batches.get(alias)
    batches[alias] = outer if outer is not None else {}
    try:
        yield
    finally:
        if outer is None:
            del batches[alias]


def after_commit(flush, item, *, robust=False, using=None):
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        flush([item])
        return
    batches = getattr(_scopes, "batches", {}).get(connection.alias)
    batch = batches.get(flush) if batches is not None else None
    # Few callbacks stay in the list while batching, so this scan is short.
    if batch is None or not any(batch is entry[1] for entry in connection.run_on_commit):
        batch = CommitBatch(flush)
        if batches is not None:
            batches[flush] = batch
        transaction.on_commit(batch, using=using, robust=robust)
    batch.items.append(item)
