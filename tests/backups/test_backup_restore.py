"""``manage.py backup`` and ``restore`` (backups/backup.py), end to end, on both engines.

Each site is built, backed up and restored by subprocesses with their own
DATABASE_URL, MEDIA_ROOT and cache: the test database is never touched, and
PostgreSQL databases are created here under unique names and dropped at the end.
The PostgreSQL site (migrations, the real content, an image and a document) and the
SQLite one (migrations, an image, a document, a revision) are built in parallel.
PostgreSQL on 127.0.0.1:5432 (user postgres) is needed for its test, which is
skipped without it, except in CI (CAMPUS_REQUIRE_POSTGRES=1).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from hashlib import sha256
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgres://postgres@127.0.0.1:5432/{}"
TIMEOUT = 300

# Run in each site: prints what must survive a restore, as JSON on the last line.
SNAPSHOT = """
import hashlib, json
import django
django.setup()
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision


def digest(field):
    if not field.storage.exists(field.name):
        return None
    with field.storage.open(field.name) as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def snapshot():
    image_model = get_image_model()
    return {
        "pages": [
            [page.id, page.locale.language_code, page.title, page.url_path, page.live]
            for page in Page.objects.select_related("locale").order_by("id")
        ],
        "revisions": [
            [rev.id, rev.base_content_type.model, rev.object_id, rev.created_at.isoformat(),
             json.dumps(rev.content, sort_keys=True)]
            for rev in Revision.objects.select_related("base_content_type").order_by("id")
        ],
        "images": [
            [image.id, image.title, image.file.name, digest(image.file)]
            for image in image_model.objects.order_by("id")
        ],
        "renditions": [
            [rendition.id, rendition.file.name, digest(rendition.file)]
            for rendition in image_model.get_rendition_model().objects.order_by("id")
        ],
        "documents": [
            [document.id, document.title, document.file.name, digest(document.file)]
            for document in get_document_model().objects.order_by("id")
        ],
    }
"""

# Builds a site: migrations, the content loader (--content), then an uploaded image
# (a real PNG, with a rendition) and document, and a revision of a home page.
BUILD = (
    SNAPSHOT
    + """
import io, sys
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as Picture

call_command("migrate", interactive=False, verbosity=0)
if "--content" in sys.argv:
    call_command("load_campus_content", verbosity=0)
png = io.BytesIO()
Picture.new("RGB", (64, 48), (200, 30, 90)).save(png, "PNG")
image = get_image_model().objects.create(
    title="Sauvegarde", file=ContentFile(png.getvalue(), name="sauvegarde.png")
)
image.get_rendition("fill-32x32")
get_document_model().objects.create(
    title="Rapport", file=ContentFile(b"%PDF-1.4\\n" + bytes(range(256)), name="rapport.pdf")
)
Page.objects.filter(depth=2).order_by("id").last().specific.save_revision()
print(json.dumps(snapshot()))
"""
)


def site_env(database_url, folder):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "CACHE_DIR", "BACKUP_DIR"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="campus.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(folder / "media"),
        CACHE_DIR=str(folder / "cache"),
        BACKUP_DIR=str(folder / "backups"),
        LOG_LEVEL="WARNING",
    )
    return env


class Site:
    """A site of its own: a database, a media folder, and manage.py run against them."""

    def __init__(self, folder, database_url):
        folder.mkdir(parents=True)
        self.folder, self.media = folder, folder / "media"
        self.env = site_env(database_url, folder)

    def build(self, *args):
        self.log = self.folder / "build.log"
        with open(self.folder / "build.out", "w") as out, open(self.log, "w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, "-c", BUILD, *args], cwd=ROOT, env=self.env, stdout=out, stderr=log
            )
        return self

    def built(self):
        """Waits for the build; returns its snapshot."""
        if not hasattr(self, "snapshot"):
            code = self.process.wait(timeout=TIMEOUT)
            assert code == 0, self.log.read_text()[-3000:]
            self.snapshot = json.loads((self.folder / "build.out").read_text().splitlines()[-1])
        return self.snapshot

    def manage(self, *args):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )

    def read(self):
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-c", SNAPSHOT + "\nprint(json.dumps(snapshot()))"],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.splitlines()[-1])

    def backup(self):
        done = self.manage("backup")
        assert done.returncode == 0, done.stderr
        folder = Path(done.stdout.strip().splitlines()[-1].removeprefix("Backup written to "))
        assert folder.parent == self.folder / "backups"
        return folder


def postgres_admin():
    return psycopg.connect(POSTGRES.format("postgres"), autocommit=True, connect_timeout=3)


def postgres_reachable():
    try:
        postgres_admin().close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.fixture(scope="module")
def databases():
    """Creates PostgreSQL databases with unique names; drops them all at the end."""
    names = []

    def create(prefix):
        name = f"{prefix}_{secrets.token_hex(6)}"
        with postgres_admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        return POSTGRES.format(name)

    yield create
    if names:
        with postgres_admin() as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def sites(tmp_path_factory, databases):
    """Starts building both sites at once (the migrations take most of the time)."""
    root = tmp_path_factory.mktemp("backups")
    built = {"sqlite": Site(root / "sqlite", f"sqlite:///{root}/sqlite/db.sqlite3").build()}
    if postgres_reachable():
        built["postgresql"] = Site(root / "postgresql", databases("campus_backup")).build(
            "--content"
        )
    yield built
    for site in built.values():
        if site.process.poll() is None:
            site.process.kill()
            site.process.wait()


@pytest.fixture(scope="module")
def sqlite_backup(sites):
    """The SQLite site, built and backed up once: (site, backup folder)."""
    site = sites["sqlite"]
    site.built()
    return site, site.backup()


@pytest.fixture
def postgres_site(sites):
    if "postgresql" not in sites:
        if os.environ.get("CAMPUS_REQUIRE_POSTGRES") == "1":
            pytest.fail("CAMPUS_REQUIRE_POSTGRES=1 but no PostgreSQL answers on 127.0.0.1:5432")
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    return sites["postgresql"]


def check_manifest(backup, snapshot, engine):
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == engine
    assert manifest["counts"] == {key: len(rows) for key, rows in snapshot.items()}
    assert manifest["versions"]["django"] and manifest["versions"]["wagtail"]
    for name, described in manifest["files"].items():
        data = (backup / name).read_bytes()
        assert (described["bytes"], described["sha256"]) == (len(data), sha256(data).hexdigest())
    return manifest


def test_sqlite_backup_restores_into_a_fresh_file(sqlite_backup, tmp_path):
    site, backup = sqlite_backup
    source = site.snapshot
    assert len(source["revisions"]) == len(source["images"]) == len(source["documents"]) == 1
    check_manifest(backup, source, "sqlite")

    fresh = Site(tmp_path / "fresh", f"sqlite:///{tmp_path}/fresh/restored.sqlite3")
    fresh.env["BACKUP_DIR"] = site.env["BACKUP_DIR"]
    done = fresh.manage("restore")  # the newest backup of BACKUP_DIR
    assert done.returncode == 0, done.stderr
    assert f"Restored {backup}" in done.stdout
    assert fresh.read() == source


def test_restore_refuses_a_site_that_is_not_empty(sqlite_backup, tmp_path):
    site, backup = sqlite_backup
    database = Path(site.env["DATABASE_URL"].removeprefix("sqlite:///"))
    before = database.read_bytes()

    done = site.manage("restore", str(backup))
    assert done.returncode == 1
    assert "Refusing to restore: nothing was changed" in done.stderr
    assert "already has" in done.stderr and "is not empty" in done.stderr
    assert database.read_bytes() == before

    # An empty database but media left over: refused too, and the database not created.
    fresh = Site(tmp_path / "fresh", f"sqlite:///{tmp_path}/fresh/restored.sqlite3")
    (fresh.media / "documents").mkdir(parents=True)
    (fresh.media / "documents" / "old.pdf").write_bytes(b"old")
    done = fresh.manage("restore", str(backup))
    assert done.returncode == 1 and "is not empty" in done.stderr
    assert not (tmp_path / "fresh" / "restored.sqlite3").exists()

    # --force moves the old media aside rather than mixing or deleting it.
    done = fresh.manage("restore", "--force", str(backup))
    assert done.returncode == 0, done.stderr
    (aside,) = (tmp_path / "fresh").glob("media.before-restore-*")
    assert (aside / "documents" / "old.pdf").read_bytes() == b"old"
    assert not (fresh.media / "documents" / "old.pdf").exists()


def test_restore_refuses_a_corrupt_backup(sqlite_backup, tmp_path):
    backup = Path(shutil.copytree(sqlite_backup[1], tmp_path / "copy"))
    with open(backup / "media.tar.gz", "ab") as archive:
        archive.write(b"\0")
    fresh = Site(tmp_path / "fresh", f"sqlite:///{tmp_path}/fresh/restored.sqlite3")
    done = fresh.manage("restore", str(backup))
    assert done.returncode == 1 and "does not match its sha256" in done.stderr
    assert not (tmp_path / "fresh" / "restored.sqlite3").exists() and not fresh.media.exists()


# Last: the SQLite tests above run while PostgreSQL's site is still being built.
def test_postgresql_backup_restores_into_a_fresh_database(postgres_site, databases, tmp_path):
    source = postgres_site.built()
    # Something to lose: both trees, their revisions, an uploaded image and document.
    assert {page[1] for page in source["pages"]} == {"fr", "en"}
    assert len(source["pages"]) > 40 and len(source["revisions"]) > len(source["pages"])
    assert all(row[-1] for key in ("images", "renditions", "documents") for row in source[key])
    assert len(source["images"]) == len(source["documents"]) == 1

    backup = postgres_site.backup()
    check_manifest(backup, source, "postgresql")
    assert (backup / "db.dump").read_bytes().startswith(b"PGDMP")  # pg_dump's custom format

    fresh = Site(tmp_path / "fresh", databases("campus_restore"))
    fresh.media.mkdir()  # empty: allowed
    done = fresh.manage("restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert "Checked against the manifest" in done.stdout
    # Same ids, titles and URL paths in both languages; same revisions; same bytes.
    assert fresh.read() == source
    assert sorted(p.name for p in (fresh.media / "original_images").iterdir()) == ["sauvegarde.png"]

    # Now that it has tables, even --force leaves it alone.
    done = fresh.manage("restore", "--force", str(backup))
    assert done.returncode == 1
    assert "The database already has" in done.stderr and "createdb" in done.stderr
