"""A throwaway site: the production settings in a folder of its own, served by gunicorn.

Shared by bench, load, lighthouse, observatory and the walk (tests/walk): free loopback
ports, the environment of a site whose database, media, static files and cache live in
one folder, manage.py (or any command) run against it, and gunicorn started with
``gunicorn.conf.py``, waited for until it answers, and stopped.

(Not named ``site``: that is a standard library module.)
"""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = str(BIN / "python")
HOST = "127.0.0.1"

# Settings of the developer's shell that must not leak into a throwaway site.
FOREIGN_PREFIXES = ("DJANGO_", "DATABASE_", "GUNICORN_", "EMAIL_")
FOREIGN_NAMES = {"PAGE_CACHE", "REDIS_URL", "CACHE_DIR", "WEB_CONCURRENCY", "PORT"}


class RunError(Exception):
    """The run itself broke (the site, its server, a measuring tool): nothing to report."""


def free_ports(count):
    """``count`` distinct loopback ports free right now."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind((HOST, 0))
        return [sock.getsockname()[1] for sock in sockets]


def free_port():
    return free_ports(1)[0]


def environment(folder, *, database_url=None, https=False, **settings):
    """The environment of a site with the production settings whose files live in folder.

    Plain HTTP on loopback unless ``https`` (then the production settings' redirects,
    HSTS and secure cookies stay). ``settings`` add or override variables.
    """
    folder = Path(folder)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(FOREIGN_PREFIXES) and key not in FOREIGN_NAMES
    }
    env.update(
        DJANGO_SETTINGS_MODULE="campus.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url or f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        CACHE_DIR=str(folder / "cache"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if not https:
        env.update(
            SECURE_SSL_REDIRECT="0",
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
            SECURE_HSTS_SECONDS="0",
        )
    env.update(settings)
    return env


def log_tail(path, size=3000):
    with contextlib.suppress(OSError):
        return Path(path).read_text(encoding="utf-8", errors="replace")[-size:]
    return ""


def run(command, env, log, what, timeout=600, quiet=False):
    """A command in the checkout against the site, its output appended to log.

    Prints how long it took unless quiet; a RunError when it fails or takes too long.
    """
    started = time.monotonic()
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(map(str, command))}\n")
        out.flush()
        try:
            done = subprocess.run(  # noqa: S603  (our own commands, no shell)
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout
            )
        except subprocess.TimeoutExpired as error:
            raise RunError(f"{what} took more than {timeout} s (see {log})") from error
    if done.returncode != 0:
        raise RunError(f"{what} failed (exit {done.returncode}); see {log}:\n{log_tail(log, 2000)}")
    if not quiet:
        print(f"  {what}: {time.monotonic() - started:.1f} s", flush=True)


def manage(env, *args, log, what=None, timeout=600, quiet=False):
    """``manage.py args`` against the site (see run)."""
    run([PYTHON, "manage.py", *args], env, log, what or f"manage.py {args[0]}", timeout, quiet)


def http_get(url, timeout=30, host=None):
    """(status, headers, body) of a GET, redirects not followed, nothing compressed."""
    headers = {"Accept-Encoding": "identity"}
    if host:
        headers["Host"] = host
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  (our own server)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_status(url, timeout=5, host=None):
    return http_get(url, timeout, host)[0]


class Gunicorn:
    """gunicorn with gunicorn.conf.py serving the site on loopback ports, its output in a file.

    ``with Gunicorn(env, log_path, ports) as server:`` starts it and waits until
    ``/healthz/`` answers 200 (see start), and stops it on the way out.
    """

    def __init__(self, env, log_path, ports, args=()):
        self.env = dict(env)
        self.log_path = Path(log_path)
        self.ports = list(ports)
        self.args = list(args)
        self.process = None
        self.log = None

    @property
    def port(self):
        return self.ports[0]

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def command(self):
        command = [str(BIN / "gunicorn"), "campus.wsgi:application", "-c", "gunicorn.conf.py"]
        for port in self.ports:
            command += ["--bind", f"{HOST}:{port}"]
        return command + self.args

    def start(self, path="/healthz/", status=200, host=None, timeout=60, ready=None):
        """Start, then wait until path answers status (any answer when status is None)
        and ``ready()`` holds; ``path=None``: do not wait."""
        self.log = open(self.log_path, "ab")  # noqa: SIM115  (closed in stop)
        self.process = subprocess.Popen(  # noqa: S603  (our own command, no shell)
            self.command(),
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if path is None:
            return self
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RunError(
                    f"gunicorn exited at start; see {self.log_path}:\n{log_tail(self.log_path)}"
                )
            with contextlib.suppress(OSError):
                answer = http_status(self.base + path, timeout=5, host=host)
                if (status is None or answer == status) and (ready is None or ready()):
                    return self
            time.sleep(0.25)
        self.stop()
        raise RunError(
            f"gunicorn did not answer {path} within {timeout} s; see {self.log_path}:\n"
            + log_tail(self.log_path)
        )

    def stop(self):
        """SIGTERM to the master (it stops its workers), SIGKILL to them all after 30 s."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self.log:
            self.log.close()
            self.log = None

    def log_size(self):
        self.log.flush()
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
