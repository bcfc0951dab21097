"""Helpers shared by tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
