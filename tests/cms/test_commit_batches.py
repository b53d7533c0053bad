"""cms/commit_batches.py: what follows a commit, once per batch of changes,
with Django's rules for rolled-back savepoints."""

import pytest
from django.db import transaction

from cms.commit_batches import after_commit, collecting

pytestmark = pytest.mark.django_db


def test_items_collected_in_a_transaction_are_flushed_once_without_the_rolled_back_ones(
    django_capture_on_commit_callbacks,
):
    flushed = []
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic(), collecting():
        with transaction.atomic():
            after_commit(flushed.append, "a")  # the batch begins in this savepoint...
            transaction.set_rollback(True)  # ...which rolls back, and the batch with it
        after_commit(flushed.append, "b")
        after_commit(flushed.append, "c")
    assert flushed == [["b", "c"]]


def test_outside_collecting_each_item_has_its_own_callback(django_capture_on_commit_callbacks):
    flushed = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        after_commit(flushed.append, "a")
        after_commit(flushed.append, "b")
    assert flushed == [["a"], ["b"]] and len(callbacks) == 2
