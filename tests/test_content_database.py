"""tests/content_database.py: the content database built once per run and copied."""

import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.content_database import DATABASE, ContentCopy, in_memory_sqlite

pytestmark = pytest.mark.django_db


def test_the_session_database_is_migrated_and_holds_the_content_and_its_files():
    """Whether this worker built its database or restored the run's copy: every migration
    recorded as applied, both page trees, and the file of every image in this worker's media."""
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert set(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == {
        "fr",
        "en",
    }
    images = get_image_model().objects.all()
    assert all(image.file.storage.exists(image.file.name) for image in images)


def test_a_saved_copy_holds_the_database_and_media_and_is_ready_for_the_next_worker(tmp_path):
    if not in_memory_sqlite():
        pytest.skip("the copy is made on SQLite only")
    probe = Path(settings.MEDIA_ROOT) / "documents" / f"copie-{tmp_path.name}.pdf"
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_bytes(b"%PDF-1.4")
    first = ContentCopy(tmp_path)
    assert not first.ready
    try:
        first.save()
    finally:
        probe.unlink()
    with sqlite3.connect(tmp_path / DATABASE) as saved:
        titles = {row[0] for row in saved.execute("SELECT title FROM wagtailcore_page")}
    saved.close()
    assert titles == set(Page.objects.values_list("title", flat=True))
    assert (tmp_path / "media" / "documents" / probe.name).read_bytes() == b"%PDF-1.4"
    assert ContentCopy(tmp_path).ready
