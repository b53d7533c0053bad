"""Bringing the search indexes in line with the database for the resources a
transaction published, unpublished or deleted (resources/signals.py calls
`sync` once it commits)."""

import logging

from modelsearch.backends import get_search_backends_with_name

from .models import Resource

logger = logging.getLogger(__name__)

# Resources per bulk request: each is one engine document (a few KB), and the
# database backend recomputes its title norms over its whole index once per
# request: neither many small requests nor one huge one.
CHUNK = 1000


def sync(pks):
    """Index the given resources that are live now, and remove the others:
    the database after the commit decides, whatever happened in between."""
    pks = sorted(set(pks))
    live = []
    for start in range(0, len(pks), CHUNK):
        chunk = list(Resource.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK]))
        live.extend(resource.pk for resource in chunk)
        if chunk:
            for_each_backend(
                "adding", lambda backend, chunk=chunk: backend.add_bulk(Resource, chunk)
            )
    for pk in sorted(set(pks) - set(live)):
        # Deleted resources are gone from the database; a stub carries the id.
        for_each_backend("removing", lambda backend, pk=pk: backend.delete(Resource(pk=pk)))


def for_each_backend(doing, call):
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            call(backend)
        except Exception:
            # As Wagtail's own index updates: an engine that fails is logged
            # (the change is committed; `update_index` repairs), the database
            # backend's failure is raised.
            logger.exception("Search index '%s': failed %s resources", name, doing)
            if not backend.catch_indexing_errors:
                raise
