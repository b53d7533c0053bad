"""Facet counts from memory, on PostgreSQL.

For every facet value, the ids of the objects that have it are kept as the
bits of one Python int, so a value's count under a set of ids is
`(ids & value).bit_count()`. At 100,000 resources a heavy search's counts
take 16 to 21 ms this way (most of it turning its id sets into bits; the 115
values' counts about one), against 79 to 102 ms for the counting statement
(bench/README.md).

The bits are kept under the search data's version (search/data_version.py),
so they are never older than the rows. When the version has moved, they are
built again (about half a second at 100,000 resources), at most every
FACET_BITS_REBUILD_SECONDS per process: while writes keep coming (an import),
the search counts in SQL instead of rebuilding for every request.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import F

from search.facet_links import facet_link
from search.id_sets import bits_of

# Bits are kept while they fit this budget: (values of all facets) x (highest
# id / 8) bytes. The Resource Centre needs 1.4 MB at 100,000 resources.
MEMORY_BUDGET = 64 * 1024 * 1024


@dataclass
class FacetBits:
    version: tuple
    built_at: float
    values: dict | None  # facet name -> {value as text: bits of the ids that have it}


_kept: dict = {}
_building = threading.Lock()


def current_bits(search):
    """The facets' bits for `search` (a DatabaseFacetedSearch), as new as the
    rows; None when they cannot be had or are not worth building now (not
    PostgreSQL, no triggers, too large, rebuilt too recently): the caller
    counts in SQL then."""
    version = search.data_version
    if not version:
        return None
    key = (search.base.db, search.model, tuple(spec.lookup for spec in search.specs.values()))
    kept = _kept.get(key)
    if kept is not None and kept.version == version:
        return kept.values
    if kept is not None and time.monotonic() - kept.built_at < settings.FACET_BITS_REBUILD_SECONDS:
        return None
    if not _building.acquire(blocking=False):  # another thread is at it
        return None
    try:
        # Kept even when None (too large), so that it is not tried again
        # until the version moves.
        values = build(search)
        _kept[key] = FacetBits(version, time.monotonic(), values)
        return values
    finally:
        _building.release()


def build(search):
    """{facet: {value as text: bits}} for every object of the model (visible
    or not: the ids they are counted for come from the base), or None when
    they would not fit MEMORY_BUDGET."""
    grouped = {}
    for name, spec in search.specs.items():
        link = facet_link(search.model, spec)
        if link:
            rows = link.through.objects.values_list(link.path).annotate(ids=ArrayAgg(link.column))
        else:
            rows = (
                search.model.objects.exclude(**{f"{spec.lookup}__isnull": True})
                .values_list(spec.lookup)
                .annotate(ids=ArrayAgg(F("pk")))
            )
        grouped[name] = list(rows.order_by().using(search.base.db))
    highest = max((max(ids) for rows in grouped.values() for _v, ids in rows), default=0)
    if sum(map(len, grouped.values())) * (highest // 8 + 1) > MEMORY_BUDGET:
        return None
    values = {
        name: {str(value): bits_of(ids) for value, ids in rows} for name, rows in grouped.items()
    }
    whole_numbers = all(
        bits is not None for bits_by in values.values() for bits in bits_by.values()
    )
    return values if whole_numbers else None
