"""A server process's start-up objects are frozen out of the garbage
collector's walks (cms/long_lived.py), so a full collection does not pause a
request for the whole application's worth of objects."""

import json
import subprocess
import sys

import pytest

from tests.processes import ROOT, clean_env

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
    env = clean_env(DJANGO_SETTINGS_MODULE="cms.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", f"import {entry}; {REPORT}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    walked, frozen, api_loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert api_loaded
    # The application is the bulk of the process: what is left to walk is the
    # little made since the freeze.
    assert frozen > 100_000
    assert walked < frozen / 20
