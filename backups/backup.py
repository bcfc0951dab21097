"""Backups of the site: a database dump and a media archive, described by a manifest.

``manage.py backup`` writes, in ``BACKUP_DIR`` (``var/backups``), a folder named after
the UTC time (``2026-11-29T121500Z/``) holding:

- ``db.sqlite3`` (SQLite, copied with sqlite3's online backup API) or ``db.dump``
  (PostgreSQL, ``pg_dump --format=custom --no-owner``);
- ``media.tar.gz``: everything under ``MEDIA_ROOT`` (originals, renditions, documents);
- ``manifest.json``: date, engine, versions, the row count of every table, the files
  the database refers to that were already missing, and each file's sha256.

``manage.py restore`` checks the sha256s, restores into an empty database and media
folder, then compares the row counts with the manifest.
"""

import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"sqlite": "db.sqlite3", "postgresql": "db.dump"}


class BackupError(Exception):
    """What the operator must read: the commands turn it into a CommandError."""


def backup_root():
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups")


def engine():
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Unsupported database engine: {vendor} (SQLite or PostgreSQL only).")
    return vendor


def sqlite_path():
    name = str(settings.DATABASES["default"]["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError(f"Cannot back up or restore an in-memory SQLite database ({name}).")
    return Path(name)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tables_of_interest():
    """The summary counts, by table: what an operator checks first."""
    image = get_image_model()
    return {
        "pages": Page._meta.db_table,
        "revisions": Revision._meta.db_table,
        "images": image._meta.db_table,
        "renditions": image.get_rendition_model()._meta.db_table,
        "documents": get_document_model()._meta.db_table,
    }


def file_tables():
    """Tables whose ``file`` column names a file under MEDIA_ROOT."""
    image = get_image_model()
    return [image._meta.db_table, get_document_model()._meta.db_table] + [
        image.get_rendition_model()._meta.db_table
    ]


def quote(name):
    return '"' + name.replace('"', '""') + '"'


# Reading a database: the same queries on SQLite and PostgreSQL cursors --------------


def sqlite_tables(cursor):
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in cursor.fetchall()]


def postgres_tables(cursor):
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [row[0] for row in cursor.fetchall()]


def describe(cursor, tables):
    """Row counts of every table, and the files the database names under MEDIA_ROOT."""
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (table names)
        counts[table] = cursor.fetchone()[0]
    files = []
    for table in file_tables():
        if table in counts:
            cursor.execute(f"SELECT file FROM {quote(table)}")  # noqa: S608
            files += [row[0] for row in cursor.fetchall() if row[0]]
    return counts, files


def summary(table_counts):
    return {key: table_counts.get(table, 0) for key, table in tables_of_interest().items()}


def current_state():
    """What the configured database holds now (after a restore)."""
    with connection.cursor() as cursor:
        lister = sqlite_tables if connection.vendor == "sqlite" else postgres_tables
        return describe(cursor, lister(cursor))


# The database dump --------------------------------------------------------------------


def postgres_env():
    """libpq's variables for pg_dump/pg_restore: no password on the command line."""
    from django.db.backends.postgresql.client import DatabaseClient

    db = settings.DATABASES["default"]
    _, extra = DatabaseClient.settings_to_cmd_args_env(db, [])
    env = {**os.environ, **(extra or {})}
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")]:
        if db.get(key):
            env[variable] = str(db[key])
    if db.get("NAME"):
        env["PGDATABASE"] = db["NAME"]
    return env


def run_client(command, env):
    if not shutil.which(command[0]):
        raise BackupError(
            f"{command[0]} not found: install PostgreSQL's client tools "
            "(Debian/Ubuntu: apt-get install postgresql-client)."
        )
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{command[0]} failed:\n{done.stderr.strip()}")
    return done


def dump_sqlite(target):
    source_path = sqlite_path()
    if not source_path.exists():
        raise BackupError(f"No database at {source_path}: nothing to back up.")
    # The online backup API copies a consistent snapshot while the site keeps running.
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # Counted in the copy itself: the manifest describes exactly what was saved.
        counts, files = describe(copy.cursor(), sqlite_tables(copy.cursor()))
    finally:
        copy.close()
        source.close()
    return counts, files, {"sqlite": sqlite3.sqlite_version}


def dump_postgres(target):
    import psycopg

    env = postgres_env()
    version = run_client(["pg_dump", "--version"], env).stdout.strip()
    # pg_dump reads the snapshot this transaction exports: the counts are those of the dump.
    with psycopg.connect(**connection.get_connection_params()) as snapshot:
        snapshot.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with snapshot.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot_id, server = cursor.fetchone()
            counts, files = describe(cursor, postgres_tables(cursor))
            run_client(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    f"--snapshot={snapshot_id}",
                    f"--file={target}",
                ],
                env,
            )
        snapshot.rollback()
    return counts, files, {"postgresql_server": server, "pg_dump": version}


# The media archive ----------------------------------------------------------------------


def media_root():
    return Path(settings.MEDIA_ROOT)


def media_files(root):
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def archive_media(target):
    root = media_root()
    files = size = 0
    with tarfile.open(target, "w:gz") as archive:
        for path in media_files(root):
            try:
                with open(path, "rb") as stream:
                    name = path.relative_to(root).as_posix()
                    info = archive.gettarinfo(arcname=name, fileobj=stream)
                    # Counted from what was archived: a file may change while the site runs.
                    archive.addfile(info, stream)
            except FileNotFoundError:  # deleted since it was listed (a rendition purged)
                continue
            files, size = files + 1, size + info.size
    return {"files": files, "bytes": size}


# Backup ----------------------------------------------------------------------------------


def create_backup(output_dir, now):
    """Write a complete backup in ``output_dir/<UTC date>`` and return its folder and manifest."""
    kind = engine()
    stamp = now.strftime("%Y-%m-%dT%H%M%SZ")
    output_dir.mkdir(parents=True, exist_ok=True)
    final = output_dir / stamp
    if final.exists():
        raise BackupError(f"{final} already exists.")
    # Written under another name and renamed at the end: a half-written backup is
    # never taken for the newest one.
    work = output_dir / f".{stamp}.partial"
    shutil.rmtree(work, ignore_errors=True)
    # The dump holds password hashes and sessions: readable by this user only.
    work.mkdir(mode=0o700)
    try:
        database_file = DATABASE_FILES[kind]
        dump = dump_sqlite if kind == "sqlite" else dump_postgres
        counts, referenced, engine_versions = dump(work / database_file)
        if not counts:
            raise BackupError("The database has no tables: is DATABASE_URL the site's?")
        # After the dump: a file is written before the row that names it is committed,
        # so every file the dump refers to is already on disk.
        media = archive_media(work / MEDIA_ARCHIVE)
        root = media_root()
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "database": {"engine": kind, "file": database_file},
            "media": {"file": MEDIA_ARCHIVE, **media},
            "counts": summary(counts),
            "tables": counts,
            # Named by the database but absent from MEDIA_ROOT when the backup was made.
            "missing_files": sorted(name for name in referenced if not (root / name).is_file()),
            "versions": {
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "python": platform.python_version(),
                **engine_versions,
            },
            "files": {
                name: {"sha256": sha256(work / name), "bytes": (work / name).stat().st_size}
                for name in (database_file, MEDIA_ARCHIVE)
            },
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final, manifest


# Restore ---------------------------------------------------------------------------------


def find_backup(path=None):
    """The backup folder at ``path`` (a folder or its manifest), else the newest one."""
    if path:
        folder = Path(path)
        if folder.name == MANIFEST:
            folder = folder.parent
        if not (folder / MANIFEST).is_file():
            raise BackupError(f"No {MANIFEST} in {folder}: not a backup folder.")
        return folder
    root = backup_root()
    found = sorted(
        folder
        for folder in (root.iterdir() if root.is_dir() else [])
        if not folder.name.startswith(".") and (folder / MANIFEST).is_file()
    )
    if not found:
        raise BackupError(f"No backup in {root}; make one with `make backup`.")
    return found[-1]


def read_manifest(folder):
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}: unknown backup format {manifest.get('format')!r}.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            raise BackupError(f"{path} is missing: the backup is incomplete.")
        if sha256(path) != expected["sha256"]:
            raise BackupError(f"{path} does not match its sha256 in the manifest: corrupt.")
    return manifest


def database_tables():
    """Tables in the configured database, without creating a missing SQLite file."""
    if connection.vendor == "sqlite":
        path = sqlite_path()
        if not path.exists() or path.stat().st_size == 0:
            return []
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
            return sqlite_tables(db.cursor())
    with connection.cursor() as cursor:
        return postgres_tables(cursor)


def media_entries():
    root = media_root()
    return sorted(root.iterdir()) if root.is_dir() else []


def move_aside(path, stamp):
    aside = path.with_name(f"{path.name}.before-restore-{stamp}")
    try:
        path.rename(aside)
    except OSError as error:  # a mount point, say: only its contents can be moved
        raise BackupError(f"Could not move {path} aside ({error}): empty it yourself.") from error
    return aside


def move_sqlite_aside(stamp):
    connection.close()
    path = sqlite_path()
    # With its journal files, so that the moved copy stays whole.
    paths = [path] + [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]
    return [(path, move_aside(path, stamp)) for path in paths if path.exists()]


def restore_sqlite(source):
    target = sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    connection.close()
    partial = target.with_name(f".{target.name}.restoring")
    shutil.copyfile(source, partial)
    with sqlite3.connect(partial) as db:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        partial.unlink()
        raise BackupError(f"{source} failed SQLite's integrity check: {result}")
    os.replace(partial, target)


def restore_postgres(source):
    connection.close()
    # One transaction: a failure leaves the database as empty as it was. No privileges:
    # the roles granted on the old server may not exist on this one.
    run_client(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(source),
        ],
        postgres_env(),
    )


def extract_media(archive):
    root = media_root()
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        # "data": no absolute paths, no "..", no devices or links out of MEDIA_ROOT.
        tar.extractall(root, filter="data")


def check_restore(manifest):
    """Differences between the restored site and the manifest (empty: all is there)."""
    counts, referenced = current_state()
    problems = [
        f"{table}: {counts.get(table)} rows, {expected} in the backup"
        for table, expected in manifest["tables"].items()
        if counts.get(table) != expected
    ]
    problems += [f"{table}: not in the backup" for table in counts.keys() - manifest["tables"]]
    root = media_root()
    files = media_files(root)
    media = {"files": len(files), "bytes": sum(path.stat().st_size for path in files)}
    expected_media = {key: manifest["media"][key] for key in ("files", "bytes")}
    if media != expected_media:
        problems.append(f"media: {media}, {expected_media} in the backup")
    already_missing = set(manifest["missing_files"])
    problems += [
        f"missing file: {name}"
        for name in referenced
        if name not in already_missing and not (root / name).is_file()
    ]
    return summary(counts), problems


def versions_note(manifest):
    saved = manifest["versions"]
    now = {"django": django.get_version(), "wagtail": wagtail.__version__}
    changed = [f"{key} {saved[key]} → {now[key]}" for key in now if saved.get(key) != now[key]]
    return ", ".join(changed)


def require_engine(manifest):
    kind = engine()
    saved = manifest["database"]["engine"]
    if saved != kind:
        raise BackupError(
            f"This backup is of a {saved} database; the configured database is {kind}. "
            "Restore it into the same engine (DATABASE_URL)."
        )
    return kind
