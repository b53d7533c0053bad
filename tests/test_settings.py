"""Production settings refuse to start without their secrets, and pass Django's deploy checks."""

import pytest

from tests.processes import clean_env, manage

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
