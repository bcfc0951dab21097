"""Mozilla HTTP Observatory's rules give the site A+ with no test costing points
(scripts/observatory.py: production settings under gunicorn, HTTPS and HTTP on loopback,
the Observatory's own npm package grading the answers)."""

import shutil

import pytest

from scripts import observatory
from tests.accessibility.conftest import NODE_MODULES, content_db, require  # noqa: F401
from tests.content_database import in_memory_sqlite, save_site
from tests.production_static import collected_static


def report(grade="A+", **results):
    tests = {
        name: {"result": result, "pass": modifier >= 0, "modifier": modifier}
        for name, (result, modifier) in results.items()
    }
    return {"grade": grade, "score": 100, "tests": tests}


def test_a_penalty_or_a_lower_grade_is_a_problem():
    assert observatory.problems(report(csp=("csp-implemented-with-no-unsafe", 0))) == []
    assert observatory.problems(report("A", csp=("csp-implemented-with-unsafe-inline", -20))) == [
        "grade A",
        "csp: csp-implemented-with-unsafe-inline (-20)",
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("content_db")
def test_the_site_scores_a_plus_without_penalty(tmp_path):
    package = NODE_MODULES / "@mdn" / "mdn-http-observatory"
    require(package.is_dir(), f"{package} is missing: run `npm ci --ignore-scripts`")
    require(shutil.which("openssl") and shutil.which("node"), "openssl and node are needed")
    # The session's content and collected static files, rather than building them again
    # (on PostgreSQL the scan builds its own SQLite site).
    built = in_memory_sqlite()
    if built:
        save_site(tmp_path / "db.sqlite3", tmp_path / "media")
    result = observatory.scan(tmp_path, built=built, static_root=collected_static())
    assert observatory.problems(result) == [], result
    assert result["grade"] == "A+"
    tests = result["tests"]
    assert tests["content-security-policy"]["result"] == (
        "csp-implemented-with-no-unsafe-default-src-none"
    )
    assert tests["cookies"]["result"] == "cookies-not-found"
    assert tests["redirection"]["result"] == "redirection-to-https"
    assert tests["strict-transport-security"]["result"] == (
        "hsts-implemented-max-age-at-least-six-months"
    )
