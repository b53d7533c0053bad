"""A server process's start-up objects are frozen out of the garbage
collector's walks (cms/long_lived.py), so a full collection does not pause a
request for the whole application's worth of objects."""

import pytest

from tests.processes import clean_env, python_json

# What a process serving the site sees once its entry module is imported:
# how many objects the collector would still walk, how many are frozen, and
# whether the API's routers were loaded before that (not on a first request).
REPORT = (
    "import gc, json, sys; "
    "print(json.dumps([len(gc.get_objects()), gc.get_freeze_count(), "
    "'resources.api' in sys.modules]))"
)


@pytest.mark.parametrize("entry", ["cms.wsgi", "cms.asgi", "bench.wsgi"])
def test_the_server_entry_points_freeze_what_they_loaded(entry):
    walked, frozen, api_loaded = python_json(
        clean_env(DJANGO_SETTINGS_MODULE="cms.settings.test"), f"import {entry}; {REPORT}"
    )
    assert api_loaded
    # The application is the bulk of the process: what is left to walk is the
    # little made since the freeze.
    assert frozen > 100_000
    assert walked < frozen / 20
