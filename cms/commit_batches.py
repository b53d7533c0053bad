"""Work that follows a change once its transaction commits, done once per
transaction for everything the transaction changed rather than once per change.

An import publishes thousands of resources in one transaction; one callback
per resource meant thousands of single-document index updates, cache bumps and
webhook look-ups after the commit. `after_commit(flush, item)` instead adds the
item to the transaction's batch for `flush`, and `flush(items)` runs once when
the transaction commits (at once, with [item], outside a transaction).

A batch lives in Django's own list of commit callbacks, so it keeps their
rules: it is dropped if its transaction rolls back, and if it was begun inside
a savepoint that rolls back. An item added later is then never added to a
dropped batch: a batch is only found while the savepoint it was begun in is
still open (and the item is inside it) or was released (and cannot roll back
apart from the item).
"""

from django.db import transaction


class CommitBatch:
    """One transaction's items for one `flush`: Django's commit callback."""

    def __init__(self, flush):
        self.flush = flush
        self.items = []
        self.done = False

    def __call__(self):
        # Done: items added from now on start a batch of their own (Django's
        # test helper runs the callbacks but leaves them in the list).
        self.done = True
        self.flush(self.items)


def after_commit(flush, item, *, robust=False, using=None):
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        flush([item])
        return
    # From the oldest: a batch is begun at the transaction's first change.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, CommitBatch) and callback.flush == flush and not callback.done:
            callback.items.append(item)
            return
    batch = CommitBatch(flush)
    batch.items.append(item)
    transaction.on_commit(batch, using=using, robust=robust)
