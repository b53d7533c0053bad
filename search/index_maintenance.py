"""Keeping an engine index fast to search after a full rebuild."""

from wagtail.search.index import get_indexed_models

from search import engine_client

# A merge rewrites the whole index: minutes for a large one, far beyond the
# client's time-out for searches.
MERGE_TIMEOUT_SECONDS = 1800


def merge_segments(backend):
    """Merge each of the engine's indices into one segment (skipping any that
    do not exist); returns the indices' names.

    A bulk load leaves an index in a dozen segments of uneven size, plus the
    deleted copies of the nested documents it replaced, and every search visits
    each segment. Merged, a search at 100,000 resources takes 1 to 2 ms less of
    the engine's time at the median and at p95 (bench/README.md). Later edits
    add small segments that the engine merges by itself. Nothing to do on the
    database backend.
    """
    if not hasattr(backend, "es"):
        return []
    names = sorted({backend.get_index_for_model(model).name for model in get_indexed_models()})
    client, timeout = engine_client.slow_request(backend, MERGE_TIMEOUT_SECONDS)
    for name in names:
        client.indices.forcemerge(
            index=name, max_num_segments=1, ignore_unavailable=True, **timeout
        )
        # Searches keep reading the old segments until the next refresh.
        backend.es.indices.refresh(index=name, ignore_unavailable=True)
    return names
