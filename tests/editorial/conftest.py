"""The live server and Chromium of tests/accessibility, for the editorial tests that run in a
browser (test_dates_browser.py, test_slugs_browser.py), and their signed-in editor."""

import secrets

import pytest

from editorial.roles import EDITORS_GROUP
from tests.accessibility.conftest import (  # noqa: F401
    browser,
    content_db,
    server,
    session_cookie,
    when_unlocked,
)


@pytest.fixture(scope="module")
def editor_cookie(server):  # noqa: F811
    """A French editor (« Rédaction »), signed in. A module fixture writes outside the
    tests' transactions (the live server's thread must read it): removed at the end."""
    from tests.editorial.moderation_helpers import make_user

    user = make_user(f"redaction-{secrets.token_hex(4)}", EDITORS_GROUP)
    with session_cookie(user, server) as cookie:
        yield cookie
    when_unlocked(user.delete)
