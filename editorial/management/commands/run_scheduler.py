"""Publish and unpublish what editors scheduled, now and then every minute.

Wagtail's ``publish_scheduled`` does the work: it publishes every revision
approved for a go-live date now past (pages and snippets with draft states)
and unpublishes every live object whose expiry date is past. It does nothing
on its own: something must run it. This command is that something, one
process next to the web server:

    python manage.py run_scheduler               # every 60 seconds, until stopped
    python manage.py run_scheduler --interval 30
    python manage.py run_scheduler --once        # one pass, e.g. from cron

Each pass logs what went live and what was withdrawn, read from Wagtail's
audit log (the entries ``publish_scheduled`` writes). An error in one pass
(the database restarting, say) is logged and the next pass tries again.
SIGTERM and SIGINT (``docker stop``, Ctrl-C) end the loop between passes.
"""

import signal
import threading
import traceback

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

SCHEDULED_ACTIONS = {
    "wagtail.publish.scheduled": "published",
    "wagtail.unpublish.scheduled": "unpublished",
}


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled now and then every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help="Seconds between two passes (default: 60).",
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit (for cron).")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        if once:
            self.run_once()
            return

        stop = threading.Event()

        def request_stop(signum, frame):
            self.log(f"Signal {signum} received: stopping.")
            stop.set()

        previous = {
            signum: signal.signal(signum, request_stop)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.log(f"Scheduler started: a pass every {interval} s.")
        try:
            while not stop.is_set():
                try:
                    self.run_once()
                except Exception:  # one failed pass must not stop the scheduler
                    self.stderr.write(traceback.format_exc())
                finally:
                    # A long-running process: never reuse a connection the database dropped.
                    close_old_connections()
                stop.wait(interval)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.log("Scheduler stopped.")

    def run_once(self):
        """One pass of publish_scheduled; returns [(action, model label, object name)]."""
        started = timezone.now()
        call_command("publish_scheduled")
        done = self.done_since(started)
        for action, label, name in done:
            self.log(f"{SCHEDULED_ACTIONS[action]}: {label} “{name}”")
        if not done:
            self.log("Nothing due.", verbosity=2)
        return done

    def done_since(self, started):
        done = []
        for queryset in (
            PageLogEntry.objects.select_related("page"),
            ModelLogEntry.objects.all(),
        ):
            queryset = queryset.filter(
                timestamp__gte=started, action__in=list(SCHEDULED_ACTIONS)
            ).order_by("timestamp", "pk")
            for entry in queryset:
                # Expired pages are unpublished as plain Pages: name their own type.
                page = getattr(entry, "page", None)
                content_type_id = page.content_type_id if page else entry.content_type_id
                content_type = ContentType.objects.get_for_id(content_type_id)
                done.append((entry.action, content_type.name, entry.label))
        return done

    def log(self, message, verbosity=1):
        if self.verbosity >= verbosity:
            stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
            self.stdout.write(f"[{stamp}] {message}")

    def execute(self, *args, **options):
        self.verbosity = options.get("verbosity", 1)
        return super().execute(*args, **options)
