"""The background worker's part of search: bringing the editors' synonyms to
the engine's indices (search/engine_analysis.py) after they change."""

from django.core.management import call_command
from django_tasks import task

from search.backends import engine_configured
from search.engine import ENGINE_ALIAS
from search.signals import engine_analysis_changed


def queue_engine_analysis_update():
    """After the synonyms change: the database search uses them at once; the
    engine's indices are rebuilt by the worker (minutes on a large site)."""
    if engine_configured():
        update_engine_analysis.enqueue()


@task(backend="background")
def update_engine_analysis():
    # The worker runs one task at a time: after several quick edits the last
    # rebuild runs last, with the last text.
    call_command("update_index", backend_name=ENGINE_ALIAS, verbosity=0)
    # Pages cached while the old indices answered show the old results.
    engine_analysis_changed.send(sender=ENGINE_ALIAS)
