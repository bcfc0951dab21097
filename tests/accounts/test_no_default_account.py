"""No account comes with the site: the first one is made by `make superuser`, interactively."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_loading_the_content_creates_no_user(campus_content):
    # `make run` migrates then runs load_campus_content (tests/conftest.py loaded it too).
    call_command("load_campus_content", verbosity=0)
    assert get_user_model().objects.count() == 0


def test_no_file_that_builds_or_runs_the_site_sets_a_password():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    superuser = makefile.split("\nsuperuser:", 1)[1].split("\n\n", 1)[0]
    assert superuser.strip().endswith("$(MANAGE) createsuperuser")  # asks, sets nothing
    base = settings.BASE_DIR
    files = [
        base / "Makefile",
        base / "Dockerfile",
        *(base / "campus" / "management").rglob("*.py"),
        *base.glob("*/migrations/*.py"),  # the project's own data migrations
    ]
    for path in files:
        text = path.read_text()
        for forbidden in (
            "DJANGO_SUPERUSER_PASSWORD",
            "create_superuser",
            "create_user",
            "set_password",
        ):
            assert forbidden not in text, (path, forbidden)
