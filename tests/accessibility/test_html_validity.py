"""The W3C Nu HTML checker (vnu.jar, from npm) finds no error on any page type, fr and en.

The pages are fetched with Django's test client, written to a temporary folder and checked
in one run of the checker (one JVM start); warnings are allowed, errors are not.
"""

import json
import subprocess

import pytest
from django.test import Client
from wagtail.models import Page

from scripts.pages import PAGE_IDS, PAGES

from .conftest import VNU_JAR, java_command, require

# The mark makes pytest-django create the test database (tests only read it).
pytestmark = pytest.mark.django_db

CHECKER_TIMEOUT = 300  # seconds, for all the pages together
EXPECTED_STATUS = {page_id: status for page_id, _path, status in PAGES}


@pytest.fixture(scope="module")
def fetched(content_db, tmp_path_factory):
    """{test id: (status, page class name or None, file)} for every page of PAGES."""
    folder = tmp_path_factory.mktemp("html")
    client = Client()
    pages = {}
    for page_id, path, _status in PAGES:
        response = client.get(path)
        file = folder / f"{page_id}.html"
        file.write_bytes(response.content)
        page = (response.context or {}).get("page")
        pages[page_id] = (response.status_code, type(page).__name__ if page else None, file)
    return pages


@pytest.fixture(scope="module")
def checker_messages(fetched):
    """{file name: [error message, ...]} from one run of the Nu checker over every page."""
    require(VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `npm ci --ignore-scripts`")
    java = java_command()
    require(java, "java is missing: the Nu HTML checker needs a Java runtime")
    files = [str(file) for _status, _class, file in fetched.values()]
    result = subprocess.run(  # noqa: S603 (fixed command, our own files)
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--exit-zero-always"]
        + files,
        capture_output=True,
        text=True,
        timeout=CHECKER_TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    errors = {}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        name = message.get("url", "").rsplit("/", 1)[-1] or "?"
        where = f"line {message.get('lastLine', '?')}"
        extract = message.get("extract", "").strip().replace("\n", " ")
        errors.setdefault(name, []).append(f"{where}: {message['message']}\n    {extract}")
    return errors


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_has_no_html_error(fetched, checker_messages, page_id):
    status, _class, file = fetched[page_id]
    assert status == EXPECTED_STATUS[page_id]
    errors = checker_messages.get(file.name, [])
    assert not errors, f"{len(errors)} HTML error(s) in {page_id}:\n" + "\n".join(errors)


def test_every_page_type_is_checked(fetched):
    """A new page type must be added to PAGES (tests/accessibility/conftest.py)."""
    checked = {page_class for _status, page_class, _file in fetched.values()}
    live = {
        page.specific_class.__name__
        for page in Page.objects.live().filter(depth__gt=1).defer_streamfields()
        if page.specific_class
    }
    missing = live - checked
    assert not missing, f"add a URL of each to PAGES in tests/accessibility/conftest.py: {missing}"
