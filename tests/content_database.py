"""The session's content database, built once per test run and copied into each worker.

Building it is the largest fixed cost of a test session (``migrate`` 15 s and
``load_campus_content`` 5 s of CPU on a 2-core machine of this workplace), and under
pytest-xdist every worker pays it. On SQLite (in memory, the default), the first worker
to need it builds it as usual, from the migrations, and saves a copy: the database through
SQLite's backup API and the media files the loader wrote, into the folder the run's
workers share (the parent of their base temporary folders: pytest-xdist's recipe for
a session fixture built once). The other workers wait for it (a file lock), create their
tables without the migrations (Django's ``TEST["MIGRATE"] = False``, a second) and
restore the copy over them: the same tables, rows and files, from the same migrations.

PostgreSQL (CI) and a run without xdist build their database as before.
"""

import fcntl
import os
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings

DATABASE = "content.sqlite3"


def in_memory_sqlite():
    database = settings.DATABASES["default"]
    test_name = database.get("TEST", {}).get("NAME")
    return database["ENGINE"] == "django.db.backends.sqlite3" and not test_name


def save_site(database, media):
    """Writes the session's SQLite database to the file database (atomically: complete
    or absent) and copies its media files into the folder media: a site another process
    can serve (the Observatory's, tests/scripts/test_observatory.py)."""
    from django.db import connection

    shutil.copytree(settings.MEDIA_ROOT, media, dirs_exist_ok=True)
    partial = Path(f"{database}.partial")
    connection.ensure_connection()
    with sqlite3.connect(partial) as target:
        connection.connection.backup(target)
    target.close()
    os.replace(partial, database)


class ContentCopy:
    """The run's copy of the content database, in folder; ``ready`` once saved there.

    Opened before the worker's test database is created: if no copy is ready yet, this
    worker builds one, and holds the lock until it is saved."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = open(self.folder / "lock", "w")  # noqa: SIM115 (held across fixtures)
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        self.ready = (self.folder / DATABASE).exists()
        if self.ready:
            self.release()

    def release(self):
        if not self.lock.closed:
            fcntl.flock(self.lock, fcntl.LOCK_UN)
            self.lock.close()

    def save(self):
        """Saves the worker's database and media files (the database last: it marks the
        copy as ready), then lets the other workers in."""
        try:
            save_site(self.folder / DATABASE, self.folder / "media")
        finally:
            self.release()

    def restore(self):
        """Replaces the worker's (empty) test database and media files with the copy."""
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection

        connection.ensure_connection()
        source = sqlite3.connect(self.folder / DATABASE)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        # Created again, in another order, by the tables' creation: the copy's ids count.
        ContentType.objects.clear_cache()
        shutil.copytree(self.folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
