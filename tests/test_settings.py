"""Production settings refuse to start without their secrets, and pass Django's deploy checks."""

import pytest

from tests.processes import clean_env, manage, python_json

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-" + "k3y" * 10,
    "ALLOWED_HOSTS": "ppi.example.org",
    "DATABASE_URL": "postgres://ppi:ppi@127.0.0.1:55432/ppi",
}


def run_manage(env_changes, *args):
    return manage(clean_env(**env_changes), *args, check=False, timeout=120)


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
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
