"""Load: 60 seconds at 64 concurrent connections across the site's main pages
and API reads, with wrk (Debian's package), against gunicorn on loopback with
DEBUG off and a demo database: not one error, timeout or failed status."""

import json
import os
import re
import subprocess

import pytest

from tests.processes import demo_site, gunicorn, python_json

DURATION_SECONDS = 60
CONNECTIONS = 64
# How a visitor's request could fail: any of these counted by wrk.
WRK_SCRIPT = """
paths = %s
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


@pytest.fixture
def loaded_site(tmp_path):
    assert os.environ.get("DATABASE_URL", "").startswith("postgres"), (
        "needs the suite's PostgreSQL (make test starts it)"
    )
    with demo_site(
        tmp_path,
        "load",
        lambda port: gunicorn(port, workers=2, threads=16),
        DJANGO_SETTINGS_MODULE="cms.settings.test",  # DEBUG off, no HTTPS redirect
        DATABASE_CONN_MAX_AGE="600",
    ) as (url, env, log):
        paths = python_json(
            env,
            "import json\n"
            "from home.models import NewsPage\n"
            "from community.models import Discussion\n"
            "news = NewsPage.objects.live().first()\n"
            "talk = Discussion.objects.filter(group__visibility='public').first()\n"
            "print(json.dumps([news.url, talk.get_absolute_url()]))",
        )
        yield url, paths, tmp_path, log


def test_sixty_seconds_at_sixty_four_connections_without_an_error(loaded_site):
    url, (news, discussion), tmp_path, log = loaded_site
    paths = [
        "/",
        "/news/",
        news,
        "/events/",
        "/legal-framework/",
        "/resources/?topic=health&country=EU",
        "/api/v3/resources/?q=procurement&topic=health&country=EU",
        "/api/v2/pages/?type=home.NewsPage",
        discussion,
    ]
    for path in paths:  # each answers before the load starts
        status = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url + path],
            capture_output=True,
            text=True,
        ).stdout
        assert status == "200", (path, status)
    script = tmp_path / "rotate.lua"
    script.write_text(WRK_SCRIPT % ("{" + ", ".join(json.dumps(p) for p in paths) + "}"))
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{DURATION_SECONDS}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=DURATION_SECONDS + 60,
        check=True,
    )
    print(result.stdout)
    numbers = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", result.stdout)
    requests, connect, read, write, status, timeout = map(int, numbers.groups())
    assert requests > CONNECTIONS * 10  # the server kept up, it did not just stall
    assert (connect, read, write, status, timeout) == (0, 0, 0, 0, 0), result.stdout
    assert "Traceback" not in log.read_text()
