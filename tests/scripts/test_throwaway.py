"""scripts/throwaway.py, the site every tool builds: its environment, plain HTTP answers,
and gunicorn's start (no database: gunicorn is made to fail before it serves)."""

import http.server
import threading

import pytest

from scripts import measuring, throwaway
from scripts.throwaway import Gunicorn, RunError


def test_the_environment_keeps_the_developers_settings_out(monkeypatch, tmp_path):
    for name, value in {
        "DJANGO_SETTINGS_MODULE": "campus.settings.dev",
        "DATABASE_URL": "postgres://somewhere/real",
        "GUNICORN_CMD_ARGS": "--workers 9",
        "EMAIL_HOST": "smtp.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "PAGE_CACHE": "0",
        "WEB_CONCURRENCY": "9",
        "CAMPUS_SOMETHING": "kept",
    }.items():
        monkeypatch.setenv(name, value)
    env = throwaway.environment(tmp_path, WEB_CONCURRENCY="2")
    assert env["DJANGO_SETTINGS_MODULE"] == "campus.settings.production"
    assert env["DATABASE_URL"] == f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert env["MEDIA_ROOT"] == str(tmp_path / "media")
    assert env["STATIC_ROOT"] == str(tmp_path / "static")
    assert env["CACHE_DIR"] == str(tmp_path / "cache")
    assert env["WEB_CONCURRENCY"] == "2"
    assert env["CAMPUS_SOMETHING"] == "kept"
    for name in ("GUNICORN_CMD_ARGS", "EMAIL_HOST", "REDIS_URL", "PAGE_CACHE"):
        assert name not in env
    assert env["SECURE_SSL_REDIRECT"] == env["SECURE_HSTS_SECONDS"] == "0"
    assert len(env["SECRET_KEY"]) >= 50
    assert env["SECRET_KEY"] != throwaway.environment(tmp_path)["SECRET_KEY"]


def test_an_https_site_keeps_the_production_redirects_and_cookies(tmp_path):
    env = throwaway.environment(tmp_path, https=True, database_url="sqlite:////x.sqlite3")
    assert env["DATABASE_URL"] == "sqlite:////x.sqlite3"
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "SECURE_HSTS_SECONDS"):
        assert name not in env


def test_free_ports_are_distinct():
    ports = throwaway.free_ports(5)
    assert len(set(ports)) == 5


@pytest.fixture
def redirecting_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  (http.server's name)
            self.send_response(301)
            self.send_header("Location", "https://localhost:1/")
            self.send_header("X-Host", self.headers["Host"])
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((throwaway.HOST, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://{throwaway.HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_get_does_not_follow_redirects_and_sends_the_host_asked(redirecting_server):
    status, headers, _body = throwaway.http_get(redirecting_server + "/livez/", host="localhost")
    assert status == 301
    assert headers["X-Host"] == "localhost"
    assert throwaway.http_status(redirecting_server + "/") == 301


def test_a_gunicorn_that_exits_at_start_is_a_run_error_with_its_log(tmp_path):
    server = Gunicorn(
        throwaway.environment(tmp_path),
        tmp_path / "gunicorn.log",
        throwaway.free_ports(1),
        ["--workers", "not-a-number"],
    )
    with pytest.raises(RunError, match="gunicorn exited at start") as error:
        server.start(timeout=30)
    assert "not-a-number" in str(error.value)
    assert server.log is None  # closed


def test_the_measured_server_binds_its_spare_ports_and_sets_the_cache(tmp_path):
    server = measuring.Server(
        throwaway.environment(tmp_path), tmp_path / "g.log", True, tmp_path / "c", 3, workers=3
    )
    assert len(set(server.ports)) == 4
    command = server.command()
    assert [command[i + 1] for i, arg in enumerate(command) if arg == "--bind"] == [
        f"127.0.0.1:{port}" for port in server.ports
    ]
    assert server.env["PAGE_CACHE"] == "1"
    assert server.env["WEB_CONCURRENCY"] == "3"
    assert server.env["CACHE_DIR"] == str(tmp_path / "c")
    first = server.fresh_base()
    assert first == f"http://127.0.0.1:{server.ports[1]}" != server.fresh_base()
