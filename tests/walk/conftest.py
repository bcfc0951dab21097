"""The walk's production-like site: gunicorn, production settings, a throwaway database.

The site is built in subprocesses with an environment of its own (as ``make prod`` and
scripts/bench.py do): ``collectstatic``, ``migrate``, ``load_campus_content``, the two
staff accounts, then gunicorn on a free loopback port with the full-page cache on (file
cache) and two-factor authentication required. The test database of the session is
never touched. The database is a SQLite file in a temporary folder, or, when
DATABASE_URL points to PostgreSQL (CI), a database created on that server for the walk
and dropped at the end. Mail goes out by SMTP to an aiosmtpd server started here.

On failure, a full-page screenshot of every open page and the server's log are saved
into ``$WALK_ARTIFACTS`` (default ``var/walk-artifacts/``); `.ci/run` lists them.
"""

import contextlib
import os
import secrets
import shutil
import subprocess
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from scripts import throwaway
from scripts.throwaway import BIN, HOST, ROOT, free_port
from tests.accessibility.conftest import CHROMIUM, require

ARTIFACTS = Path(os.environ.get("WALK_ARTIFACTS") or ROOT / "var" / "walk-artifacts")
PASSWORD = "walk-" + secrets.token_urlsafe(12)  # noqa: S105  (a throwaway site's)

# The communications team (editorial/roles.py's groups): a French editor, a moderator,
# and an English-speaking editor who translates (her admin is in English).
USERS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
User = get_user_model()
for username, email, group, first, last, language in [
    ("claire", "claire@example.org", "Rédaction", "Claire", "Martin", "fr"),
    ("marc", "marc@example.org", "Validation", "Marc", "Durand", "fr"),
    ("emma", "emma@example.org", "Rédaction", "Emma", "Jones", "en"),
]:
    user = User.objects.create_user(username, email, PASSWORD, first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
"""


# --- Mail -------------------------------------------------------------------------


class Mailbox:
    """What the SMTP server received: email.message.EmailMessage objects, in order."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        message["X-Rcpt-To"] = ", ".join(envelope.rcpt_tos)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def wait_for(self, predicate, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                found = [message for message in self.messages if predicate(message)]
            if found:
                return found
            time.sleep(0.2)
        subjects = [(m["To"], m["Subject"]) for m in self.messages]
        raise AssertionError(f"no such email within {timeout} s; received: {subjects}")


@pytest.fixture(scope="module")
def mailbox():
    try:
        from aiosmtpd.controller import Controller
    except ImportError:  # pragma: no cover
        require(False, "the aiosmtpd Python package is missing: pip install -e '.[dev]'")
    box = Mailbox()
    controller = Controller(box, hostname=HOST, port=free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


# --- The site ---------------------------------------------------------------------


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def throwaway_database(folder):
    """A SQLite file in folder, or a new database on DATABASE_URL's PostgreSQL server."""
    url = postgres_url()
    if url is None:
        yield f"sqlite:///{folder / 'walk.sqlite3'}"
        return
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    server = conninfo_to_dict(url)
    admin_conninfo = make_conninfo(**dict(server, dbname="postgres"))
    name = f"campus_walk_{secrets.token_hex(6)}"
    with psycopg.connect(admin_conninfo, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_conninfo_url(server, name)
    finally:
        with psycopg.connect(admin_conninfo, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_conninfo_url(server, name):
    """postgres://user:password@host:port/name from psycopg's parsed conninfo."""
    from urllib.parse import quote

    credentials = quote(server.get("user", "postgres"), safe="")
    if server.get("password"):
        credentials += ":" + quote(server["password"], safe="")
    host = server.get("host", "127.0.0.1")
    port = server.get("port", "5432")
    return f"postgres://{credentials}@{host}:{port}/{name}"


class Site:
    """The production-like site: its environment, manage.py, and gunicorn."""

    def __init__(self, folder, database_url, mailbox):
        self.folder = folder
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log_path = folder / "server.log"
        self.setup_log = folder / "setup.log"
        self.env = throwaway.environment(
            folder,
            database_url=database_url,
            SERVE_MEDIA="1",
            PAGE_CACHE="1",
            ADMIN_MFA_REQUIRED="1",
            WAGTAILADMIN_BASE_URL=self.base,
            EMAIL_HOST=HOST,
            EMAIL_PORT=str(mailbox.port),
            EMAIL_USE_TLS="0",
            WEB_CONCURRENCY="2",
            # Chromium opens connections before it has a request to send (preconnect,
            # several tabs): each would hold a sync worker until its timeout. In
            # production the proxy in front takes them; here the browser talks to
            # gunicorn itself, so threads wait on them instead (gunicorn.conf.py).
            GUNICORN_CMD_ARGS="--worker-class gthread --threads 4",
            PORT=str(self.port),
            # The walk signs in many times from one address in a couple of minutes.
            AXES_FAILURE_LIMIT="50",
        )
        self.server = throwaway.Gunicorn(self.env, self.log_path, [self.port])

    def manage(self, *args, timeout=600, check=True):
        """manage.py against the walk's database and settings; returns its output."""
        done = subprocess.run(  # noqa: S603  (our own command, no shell)
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        with open(self.setup_log, "a") as log:
            log.write(f"$ manage.py {' '.join(args)}\n{done.stdout}{done.stderr}\n")
        if check and done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout + done.stderr

    def build(self):
        static = subprocess.Popen(  # noqa: S603  (in parallel with the migrations)
            [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_campus_content", "-v", "0")
        self.manage("shell", "-c", f"PASSWORD = {PASSWORD!r}\n{USERS}")
        _out, errors = static.communicate(timeout=600)
        assert static.returncode == 0, f"collectstatic failed:\n{errors[-3000:]}"

    def start(self):
        """gunicorn with gunicorn.conf.py, once /healthz/ answers 200 (else a RunError)."""
        self.server.start()

    def stop(self):
        self.server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, mailbox):
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing: apt-get install chromium")
    folder = tmp_path_factory.mktemp("walk")
    with throwaway_database(folder) as database_url:
        walk_site = Site(folder, database_url, mailbox)
        walk_site.build()
        walk_site.start()
        try:
            yield walk_site
        finally:
            walk_site.stop()


# --- The browser, and what a failure leaves behind ----------------------------------


@pytest.fixture(scope="module")
def browser(site):
    """Debian's Chromium for the whole day: each person keeps their own context."""
    from tests.accessibility.conftest import chromium

    # What a failure leaves is this run's only.
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    with chromium() as chrome:
        yield chrome


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and "tests/walk/" in item.nodeid:
        # Now, while the pages are still open: the module's browser outlives the test.
        chrome = item.funcargs.get("browser")
        site = item.funcargs.get("site")
        if site is not None:
            saved = save_artifacts(chrome, site, item.name)
            report.sections.append(("walk artifacts", "\n".join(map(str, saved))))
        # The day goes on from where it stopped: the steps after it would only fail too.
        item.module.WALK_FAILED = item.name
    return report


@pytest.fixture(autouse=True)
def after_the_previous_step(request):
    """A step runs only when the day went well so far (the failure above says why not)."""
    failed = getattr(request.module, "WALK_FAILED", None)
    if failed:
        pytest.fail(f"not walked: step {failed} failed before this one", pytrace=False)


def save_artifacts(chrome, site, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    saved = []
    contexts = chrome.contexts if chrome is not None else []
    for number, context in enumerate(contexts):
        for index, page in enumerate(context.pages):
            path = ARTIFACTS / f"{name}-context{number}-page{index}.png"
            with contextlib.suppress(Exception):
                page.screenshot(path=str(path), full_page=True, timeout=10_000)
                saved.append(path)
    for source in (site.log_path, site.setup_log):
        if source.exists():
            target = ARTIFACTS / f"{name}-{source.name}"
            shutil.copyfile(source, target)
            saved.append(target)
    return saved
