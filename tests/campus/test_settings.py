"""Settings: production refuses to run without a key and passes `check --deploy`;
the environment helpers and the defaults derived from the environment.

Settings are read once per process, so what depends on the environment at
import time runs in a subprocess, with the variables the settings read removed.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from campus.settings.base import env_bool, env_int, env_list, require_secret_key

BASE_DIR = Path(__file__).resolve().parents[2]

# Everything campus/settings reads from the environment, so that the developer's
# or the CI's own environment cannot change the outcome.
SETTINGS_VARIABLES = {
    "SECRET_KEY",
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "REDIS_URL",
    "CACHE_DIR",
    "PAGE_CACHE",
    "BEHIND_PROXY",
    "SERVE_MEDIA",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
}


def clean_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SETTINGS_VARIABLES and not key.startswith("SECURE_")
    }
    env["PATH"] = os.environ.get("PATH", os.defpath)
    env.update(extra)
    return env


def run(args, **extra_env):
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=clean_env(**extra_env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_deploy(**extra_env):
    return run(
        ["manage.py", "check", "--deploy"],
        DJANGO_SETTINGS_MODULE="campus.settings.production",
        **extra_env,
    )


# --- production --------------------------------------------------------------


def test_production_refuses_to_start_without_secret_key():
    result = check_deploy(ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_passes_check_deploy_with_a_strong_key():
    key = secrets.token_urlsafe(50)
    assert len(key) >= 50

    result = check_deploy(SECRET_KEY=key, ALLOWED_HOSTS="example.org")

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in output


def test_check_deploy_is_clean_with_hsts_preload_too():
    result = check_deploy(
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="example.org", SECURE_HSTS_PRELOAD="1"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


PRINT_PRODUCTION_SECURITY = (
    "import json; from django.conf import settings as s; print(json.dumps({name: getattr(s, name) "
    "for name in ['SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', "
    "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_SAMESITE', 'SECURE_HSTS_SECONDS', "
    "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT']}))"
)


def test_production_cookies_are_secure_httponly_samesite_and_hsts_lasts_a_year():
    result = run(
        ["-c", f"import django; django.setup(); {PRINT_PRODUCTION_SECURITY}"],
        DJANGO_SETTINGS_MODULE="campus.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_SSL_REDIRECT": True,
    }


# --- defaults derived from the environment -----------------------------------


@pytest.mark.parametrize(("value", "expected"), [(None, "True"), ("0", "False"), ("1", "True")])
def test_development_debug_follows_the_environment(value, expected):
    """`make run` passes DEBUG=0: the site's own error pages; `manage.py` alone debugs."""
    extra = {"DEBUG": value} if value is not None else {}
    result = run(
        ["-c", "from campus.settings import dev; print(dev.DEBUG)"],
        DJANGO_SETTINGS_MODULE="campus.settings.dev",
        **extra,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


PRINT_BACKENDS = (
    "import json; from campus.settings import base; "
    "print(json.dumps({'DATABASES': base.DATABASES, 'CACHES': base.CACHES}, default=str))"
)


def test_database_and_cache_default_to_sqlite_and_a_file_cache_under_var():
    result = run(["-c", PRINT_BACKENDS])
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == BASE_DIR / "var" / "db.sqlite3"
    # Files, not process memory: every gunicorn worker sees a purge at once.
    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "pagecache.filecache.FileCache"
    assert Path(cache["LOCATION"]) == BASE_DIR / "var" / "cache"


def test_cache_dir_moves_the_file_cache(tmp_path):
    result = run(["-c", PRINT_BACKENDS], CACHE_DIR=str(tmp_path))
    assert json.loads(result.stdout)["CACHES"]["default"]["LOCATION"] == str(tmp_path)


def test_redis_url_selects_the_redis_cache():
    result = run(["-c", PRINT_BACKENDS], REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    cache = json.loads(result.stdout)["CACHES"]["default"]

    assert cache["BACKEND"] == "pagecache.rediscache.ResilientRedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/0"


# --- helpers, in process -----------------------------------------------------

VARIABLE = "CAMPUS_TEST_SETTING"


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " on "])
def test_env_bool_true(monkeypatch, value):
    monkeypatch.setenv(VARIABLE, value)
    assert env_bool(VARIABLE, False) is True


@pytest.mark.parametrize("value", ["0", "false", "no", "off", "2", "enabled"])
def test_env_bool_false(monkeypatch, value):
    monkeypatch.setenv(VARIABLE, value)
    assert env_bool(VARIABLE, True) is False


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_or_empty_gives_the_default(monkeypatch, default):
    monkeypatch.delenv(VARIABLE, raising=False)
    assert env_bool(VARIABLE, default) is default
    monkeypatch.setenv(VARIABLE, "")
    assert env_bool(VARIABLE, default) is default


def test_env_int(monkeypatch):
    monkeypatch.delenv(VARIABLE, raising=False)
    assert env_int(VARIABLE, 7) == 7
    for blank in ("", "  "):
        monkeypatch.setenv(VARIABLE, blank)
        assert env_int(VARIABLE, 7) == 7
    monkeypatch.setenv(VARIABLE, " 31536000 ")
    assert env_int(VARIABLE, 7) == 31_536_000
    monkeypatch.setenv(VARIABLE, "0")
    assert env_int(VARIABLE, 7) == 0


def test_env_int_rejects_garbage(monkeypatch):
    monkeypatch.setenv(VARIABLE, "one year")
    with pytest.raises(ValueError):
        env_int(VARIABLE, 7)


def test_env_list(monkeypatch):
    monkeypatch.delenv(VARIABLE, raising=False)
    assert env_list(VARIABLE) == []
    assert env_list(VARIABLE, "127.0.0.1,localhost") == ["127.0.0.1", "localhost"]
    monkeypatch.setenv(VARIABLE, " example.org, www.example.org ,, ")
    assert env_list(VARIABLE, "ignored") == ["example.org", "www.example.org"]
    # Set but empty means "none", not "the default".
    monkeypatch.setenv(VARIABLE, "")
    assert env_list(VARIABLE, "127.0.0.1") == []


def test_require_secret_key():
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        require_secret_key("")
    assert require_secret_key("k" * 50) == "k" * 50
