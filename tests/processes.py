"""Running the project's own commands in a child process, as a user would."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import dj_database_url

from cms.postgres import create_database, drop_database

ROOT = Path(__file__).resolve().parent.parent


def clean_env(**changes):
    """This process's environment without the test services (database, S3,
    search engine), so a child runs the embedded default unless told otherwise."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "SEARCH_"))
        and key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(changes)
    return env


def manage(env, *args, check=True, timeout=300):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


def python_json(env, code, timeout=300):
    """Run `code` (which prints one JSON document last) with Django set up."""
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def fresh_database_url(tmp_path, suffix):
    """A new, empty database next to the suite's own: PostgreSQL if the suite
    runs on it, otherwise a SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / f'{suffix}.sqlite3'}"
    config = dj_database_url.parse(url)
    config["NAME"] = name = f"{config['NAME']}_{suffix}"
    drop_database(config)
    create_database(config)
    return url.rsplit("/", 1)[0] + f"/{name}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn(port, workers, threads):
    """The command line of gunicorn serving the site on loopback."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "cms.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
    ]


WORKER = ["manage.py", "db_worker", "--backend", "background", "--no-reload"]


def start_worker(env, log_path, interval=0.1):
    """The background worker as `make run` and production run it, polling its
    queue every `interval` seconds; its output goes to `log_path`."""
    command = [*WORKER, "--interval", str(interval), "--no-startup-delay"]
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [sys.executable, *command], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )


def stop(process):
    process.terminate()
    process.wait(timeout=20)


def suite_database_url():
    """The suite's database as a URL another process can open; None on SQLite
    (a child process cannot share the test database there)."""
    from urllib.parse import quote

    from django.db import connection

    config = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    credentials = f"{quote(config['USER'])}:{quote(config['PASSWORD'])}"
    return f"postgres://{credentials}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


def runserver(port):
    return [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]


@contextmanager
def demo_site(tmp_path, name, command, worker=False, **settings):
    """The demo content in a fresh database `<suite's database>_<name>`, served
    in a child process by `command(port)` (with the background worker beside
    it if `worker`, as `make run` does); yields (url, env, log path) once it
    answers, and stops it afterwards. With the dev settings the demo Site
    answers at that port, so the absolute URLs in its answers open."""
    port = free_port()
    env = clean_env(
        DATABASE_URL=fresh_database_url(tmp_path, name),
        MEDIA_ROOT=str(tmp_path / "media"),
        HOST="127.0.0.1",
        PORT=str(port),
        **settings,
    )
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo")
    log_path = tmp_path / "server.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/robots.txt", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    server.kill()
                    raise RuntimeError(log_path.read_text()) from None
                time.sleep(0.2)
        tasks = start_worker(env, tmp_path / "worker.log", interval=0.2) if worker else None
        try:
            yield url, env, log_path
        finally:
            server.terminate()
            server.wait(timeout=20)
            if tasks is not None:
                stop(tasks)


def wait_for_worker(worker, timeout=60):
    """Until the worker process (start_worker) has run every queued task to its
    end, side effects after its last database write included; none failed."""
    from django_tasks_db.models import DBTaskResult

    process, log_path = worker
    deadline = time.monotonic() + timeout
    while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("the worker did not finish its tasks:\n" + log_path.read_text())
        time.sleep(0.1)
    assert not DBTaskResult.objects.filter(status="FAILED").exists(), log_path.read_text()
