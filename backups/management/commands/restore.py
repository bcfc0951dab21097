"""``manage.py restore [BACKUP]``: a backup of ``manage.py backup`` into an empty site.

Refuses (exit 1, nothing changed) when the database has tables or MEDIA_ROOT is not
empty. ``--force`` moves an existing SQLite file and media folder aside (renamed
``….before-restore-<date>``, never deleted); a PostgreSQL database is never emptied
here: create an empty one and point DATABASE_URL at it.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor

from backups import backup
from core import version


class Command(BaseCommand):
    help = (
        "Restore a backup (a folder of BACKUP_DIR; default: the newest) into an empty "
        "database and an empty MEDIA_ROOT, then check it against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", help="Backup folder (default: the newest).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Move an existing SQLite database and a non-empty MEDIA_ROOT aside first.",
        )

    def handle(self, *args, **options):
        try:
            self.restore(options["backup"], options["force"])
        except (backup.BackupError, OperationalError) as error:
            raise CommandError(str(error)) from error

    def restore(self, path, force):
        folder = backup.find_backup(path)
        manifest = backup.read_manifest(folder)
        kind = backup.require_engine(manifest)
        self.stdout.write(f"Restoring {folder} (made {manifest['created']}).")
        tables, entries = backup.database_tables(), backup.media_entries()
        # --force never empties a PostgreSQL database: that is the operator's decision.
        if (tables or entries) and (not force or (tables and kind == "postgresql")):
            raise backup.BackupError(self.refusal(tables, entries, kind))
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%SZ")
        if tables:
            for path, aside in backup.move_sqlite_aside(stamp):
                self.stdout.write(f"Moved {path} to {aside}")
        if entries:
            root = backup.media_root()
            self.stdout.write(f"Moved {root} to {backup.move_aside(root, stamp)}")

        database = folder / manifest["database"]["file"]
        if kind == "sqlite":
            backup.restore_sqlite(database)
        else:
            backup.restore_postgres(database)
        backup.extract_media(folder / manifest["media"]["file"])
        # Pages cached from what was there before must not be served again.
        version.bump()

        counts, problems = backup.check_restore(manifest)
        summary = ", ".join(f"{value} {key}" for key, value in counts.items())
        if problems:
            raise backup.BackupError(
                "The restored site does not match the backup's manifest:\n  "
                + "\n  ".join(problems)
            )
        self.stdout.write(f"Checked against the manifest: {summary}.")
        changed = backup.versions_note(manifest)
        if changed:
            self.stdout.write(f"Made with other versions ({changed}).")
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                "This code has migrations the backup lacks: run `make migrate` "
                "(manage.py migrate) before starting the site."
            )
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))

    def refusal(self, tables, entries, kind):
        lines = ["Refusing to restore: nothing was changed."]
        if tables:
            where = backup.sqlite_path() if kind == "sqlite" else "The database"
            lines.append(f"- {where} already has {len(tables)} tables.")
        if entries:
            lines.append(f"- {backup.media_root()} is not empty.")
        if tables and kind == "postgresql":
            lines.append("Create an empty database (createdb) and point DATABASE_URL at it.")
        else:
            lines.append(
                "Restore into an empty site, or add --force (make restore FORCE=1) to move "
                "the current database file and media folder aside first."
            )
        return "\n".join(lines)
