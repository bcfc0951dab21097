"""``manage.py backup``: the database and MEDIA_ROOT, dated, with a manifest (backups/backup.py).

Safe while the site runs: SQLite is copied with its online backup API, PostgreSQL
dumped from one snapshot.
"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from backups import backup


class Command(BaseCommand):
    help = (
        "Back up the database and MEDIA_ROOT into a dated folder of BACKUP_DIR "
        "(var/backups), with a manifest.json to check a restore against."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help="Where to create the dated folder (default: BACKUP_DIR, else var/backups).",
        )

    def handle(self, *args, **options):
        now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        output_dir = options["output_dir"] or backup.backup_root()
        try:
            folder, manifest = backup.create_backup(output_dir, now)
        except (backup.BackupError, OperationalError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{value} {key}" for key, value in manifest["counts"].items())
        media = manifest["media"]
        self.stdout.write(f"Database ({manifest['database']['engine']}): {counts}.")
        self.stdout.write(f"Media: {media['files']} files, {media['bytes']} bytes.")
        if manifest["missing_files"]:
            self.stderr.write(
                f"Warning: {len(manifest['missing_files'])} files named by the database were "
                "already missing from MEDIA_ROOT (listed in manifest.json)."
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
