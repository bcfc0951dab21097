"""Shared test setup: the site's real content, loaded once per test session.

``django_db_setup`` is overridden: once the test database is created and migrated,
``load_campus_content`` fills it, once for the whole session. Every test that uses the
database (the ``db`` fixture or the ``django_db`` mark) runs inside a transaction rolled
back at its end, so each one starts from exactly this content (both page trees,
partners, footers) without paying for a load of its own.

Tests that use ``transactional_db`` (``django_db(transaction=True)``) end by
flushing the database, which removes the content for the tests that follow;
those tests should request ``campus_content``, which loads whatever is missing
(the command only creates what is not there yet).

In parallel (``make test``: pytest-xdist, ``-n auto --dist loadgroup``) each worker is
a session of its own, with its own test database: on SQLite the first worker builds it
and the others restore its copy (tests/content_database.py); on PostgreSQL each worker
creates, migrates and fills its own (pytest-django suffixes its name: ``_gw0``…).
Tests whose module shares an expensive fixture run in one worker (``GROUPS``), the walk
first: it is the longest and needs no test database, so its worker sets one up only
once the walk is over.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation

from tests.content_database import ContentCopy, in_memory_sqlite

# Modules whose tests share a fixture too costly to build in each worker, and the walk
# (one day, step after step, in order): one worker runs all the tests of a group.
GROUPS = {
    "tests/walk/test_day.py": "walk",
    # One run of the Nu checker over every page.
    "tests/accessibility/test_html_validity.py": "html-validity",
    # Throwaway sites (SQLite and PostgreSQL) built for the module.
    "tests/backups/test_backup_restore.py": "backups",
    # 200 news items seeded for the module.
    "tests/test_query_budgets.py": "query-budgets",
    # collectstatic with the production storage, once per process (tests/production_static.py).
    "tests/campus/test_static_assets.py": "production-static",
    "tests/performance/test_ecoindex.py": "production-static",
    "tests/scripts/test_observatory.py": "production-static",
}
# Started first: the longest group; it builds its own site, not the test database.
FIRST_GROUPS = {"walk"}


def group_of(nodeid):
    return GROUPS.get(nodeid.split("::", 1)[0])


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with the groups of GROUPS, in the order collected.

    Not xdist_group marks: pytest-xdist 3.8 applies them by renaming ``item._nodeid``,
    which pytest 9 no longer reads, so they group nothing (checked with pytest 9.2).
    Nor ``--dist loadfile``: the thousand hostile requests would be one unit of work.
    ``_split_scope`` is the method xdist's own schedulers for loadfile and loadgroup
    override to name the unit of work of a test."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return group_of(nodeid) or nodeid

    # The collection's order (FIRST_GROUPS first), not the largest group first.
    config.option.loadscopereorder = False
    return GroupScheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # After pytest-django's order (database tests first, as Django orders them).
    items.sort(key=lambda item: group_of(item.nodeid) not in FIRST_GROUPS)


@pytest.fixture(scope="session")
def content_copy(tmp_path_factory):
    """The run's copy of the content database (tests/content_database.py), or None where
    each session builds its own: PostgreSQL, or a run without xdist."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or not in_memory_sqlite():
        yield None
        return
    copy = ContentCopy(tmp_path_factory.getbasetemp().parent / "content-database")
    yield copy
    copy.release()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, content_copy):
    if content_copy is not None and content_copy.ready:
        # The copy replaces the tables: create them without running the migrations.
        settings.DATABASES["default"].setdefault("TEST", {})["MIGRATE"] = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, content_copy):
    with django_db_blocker.unblock():
        if content_copy is not None and content_copy.ready:
            content_copy.restore()
            return
        call_command("load_campus_content", verbosity=0)
        if content_copy is not None:
            content_copy.save()


def pytest_sessionfinish(session):
    """Removes this process's media folder: campus/settings/test.py makes a new one in
    each process (each xdist worker), which nothing else removes."""
    media = Path(settings.MEDIA_ROOT)
    if media.name.startswith("campus-test-media-"):
        shutil.rmtree(media, ignore_errors=True)


@pytest.fixture
def campus_content(db):
    """Run ``load_campus_content`` in the test database; returns what it printed."""
    out = StringIO()
    call_command("load_campus_content", stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def clear_cache():
    """Start every test with empty caches (site root paths, fragments, renditions)."""
    for alias in ("default", "renditions"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def source_language():
    """Start every test in French, the source language: a request to /en/… leaves
    English active in the thread, which would leak into the next test's rendering."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
