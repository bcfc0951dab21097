"""Static files as production serves them, for tests.

The test settings serve ``static/`` through the finders with Django's plain storage (no
collectstatic). These helpers give the production setup instead: ``collectstatic`` with
the production storage (``CompressedManifestStaticFilesStorage``: hashed names, brotli
and gzip copies) into a temporary ``STATIC_ROOT``, once per test run, and the settings
under which WhiteNoise serves that folder as it does in production.

WhiteNoise reads ``STATIC_ROOT`` and its settings when its middleware is built: build the
handler (``django.test.Client()``, a live server's ``WSGIHandler``) inside
``production_static()``, never before.
"""

import atexit
import functools
import importlib.util
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings


@functools.cache
def production_settings():
    """``campus.settings.production``, loaded on its own (its secret key check satisfied)."""
    from campus.settings import base

    spec = importlib.util.find_spec("campus.settings.production")
    module = importlib.util.module_from_spec(spec)
    with mock.patch.object(base, "SECRET_KEY", "test-only-production-settings"):
        spec.loader.exec_module(module)
    return module


def static_settings(root):
    """The production settings that decide how static files are stored and served."""
    production = production_settings()
    values = {
        name: getattr(production, name)
        for name in dir(production)
        if name.startswith("WHITENOISE_")
    }
    # WhiteNoise's defaults follow DEBUG, which the test settings override for these two.
    values.setdefault("WHITENOISE_USE_FINDERS", production.DEBUG)
    values.setdefault("WHITENOISE_AUTOREFRESH", production.DEBUG)
    return {
        "DEBUG": production.DEBUG,
        "STATIC_URL": production.STATIC_URL,
        "STATIC_ROOT": str(root),
        "STORAGES": {**settings.STORAGES, "staticfiles": production.STORAGES["staticfiles"]},
        **values,
    }


@functools.cache
def collected_static():
    """A STATIC_ROOT filled by ``collectstatic`` with the production storage (once a run)."""
    root = Path(tempfile.mkdtemp(prefix="campus-test-static-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    with override_settings(**static_settings(root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def production_static():
    """Settings override: the collected files, served by WhiteNoise as in production."""
    return override_settings(**static_settings(collected_static()))
