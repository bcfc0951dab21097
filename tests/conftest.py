"""Shared test setup: the site's real content, loaded once per test session.

``django_db_setup`` is overridden: once pytest-django has created and migrated
the test database, ``load_campus_content`` fills it, once for the whole
session. Every test that uses the database (the ``db`` fixture or the
``django_db`` mark) runs inside a transaction rolled back at its end, so each
one starts from exactly this content (both page trees, partners, footers)
without paying for a load of its own.

Tests that use ``transactional_db`` (``django_db(transaction=True)``) end by
flushing the database, which removes the content for the tests that follow;
those tests should request ``campus_content``, which loads whatever is missing
(the command only creates what is not there yet).
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_campus_content", verbosity=0)


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
