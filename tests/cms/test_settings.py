"""Production settings refuse to start without their secrets, and pass Django's deploy checks."""

import subprocess
import sys

import pytest

from tests.processes import ROOT, clean_env, manage, python_json

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-" + "k3y" * 10,
    "PUBLIC_ID_SECRET": "another-long-random-production-key",
    "ALLOWED_HOSTS": "ppi.example.org",
    "DATABASE_URL": "postgres://ppi:ppi@127.0.0.1:55432/ppi",
}


def run_manage(env_changes, *args):
    return manage(clean_env(**env_changes), *args, check=False, timeout=120)


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "PUBLIC_ID_SECRET", "ALLOWED_HOSTS", "DATABASE_URL"]
)
def test_production_refuses_to_start_without_required_variable(missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = run_manage(env, "check")
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set." in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_public_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    # No inline script or style anywhere on the public site, nothing framed.
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    # Wagtail's admin carries inline scripts of its own: left out.
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_the_policy_lets_images_come_from_the_media_bucket():
    env = {
        "AWS_STORAGE_BUCKET_NAME": "ppi-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.org:9000",
        "AWS_ACCESS_KEY_ID": "id",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    code = (
        "from django.conf import settings; import json; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    assert python_json(clean_env(DJANGO_SETTINGS_MODULE="cms.settings.dev", **env), code) == [
        "'self'",
        "data:",
        "https://objects.example.org:9000",
    ]
    virtual = python_json(
        clean_env(
            DJANGO_SETTINGS_MODULE="cms.settings.dev", **env, AWS_S3_ADDRESSING_STYLE="virtual"
        ),
        code,
    )
    assert virtual[-1] == "https://ppi-media.objects.example.org:9000"


@pytest.mark.parametrize("origin", ["front.example.org", "https://front.example.org/"])
def test_a_cors_origin_that_can_never_match_refuses_to_start(origin):
    """Browsers send `scheme://host[:port]`; a listed value without a scheme or
    with a path would quietly lock its front end out. The settings refuse it,
    so the WSGI server (which runs no system checks) refuses it too."""
    env = {**PRODUCTION, "CORS_ALLOWED_ORIGINS": f"https://ok.example.org, {origin}"}
    result = run_manage(env, "check")
    assert result.returncode != 0
    assert f"CORS_ALLOWED_ORIGINS: {origin!r} is not an origin" in result.stderr
    wsgi = subprocess.run(
        [sys.executable, "-c", "import cms.wsgi"],
        cwd=ROOT,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert wsgi.returncode != 0
    assert f"{origin!r} is not an origin" in wsgi.stderr


def test_cors_origins_are_a_comma_separated_list_and_none_by_default():
    code = (
        "from django.conf import settings; import json; "
        "print(json.dumps([settings.CORS_ALLOWED_ORIGINS, settings.CORS_ALLOW_CREDENTIALS]))"
    )
    assert python_json(clean_env(**PRODUCTION), code) == [[], False]
    listed = clean_env(
        **PRODUCTION,
        CORS_ALLOWED_ORIGINS="https://front.example.org, http://127.0.0.1:3000",
        CORS_ALLOW_CREDENTIALS="true",
    )
    assert python_json(listed, code) == [
        ["https://front.example.org", "http://127.0.0.1:3000"],
        True,
    ]


def test_make_run_signs_with_a_key_of_its_own_checkout(tmp_path):
    """Each checkout's demo signs with its own key, made once and kept."""

    def key_in(path):
        env = clean_env(DJANGO_SETTINGS_MODULE="cms.settings.dev", DEV_SECRET_KEY_FILE=str(path))
        env.pop("SECRET_KEY", None)
        code = (
            "import json; from django.conf import settings; print(json.dumps(settings.SECRET_KEY))"
        )
        return python_json(env, code, timeout=60)

    first = key_in(tmp_path / "a" / "key")
    assert len(first) >= 50 and "not-secret" not in first
    assert key_in(tmp_path / "a" / "key") == first
    assert (tmp_path / "a" / "key").stat().st_mode & 0o077 == 0
    assert key_in(tmp_path / "b" / "key") != first
