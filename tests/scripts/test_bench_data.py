"""The large site for measurement (scripts/bench_data.py, scripts/seed.py): what it holds,
seeded small in the test database, and the guards around its throwaway database."""

import datetime

import pytest
from wagtail.models import Page

from home.models import StandardPage
from news.models import NewsPage
from scripts import bench_data, seed
from scripts.throwaway import RunError


def test_items_spread_evenly_over_the_years_up_to_the_newest():
    dates = [seed.news_date(number, 5, 10) for number in range(5)]
    assert dates[-1] == seed.NEWEST
    assert seed.NEWEST - dates[0] == datetime.timedelta(days=3652.5)
    assert dates == sorted(dates)
    # Without years, the bench's own seed: four days apart.
    assert seed.news_date(3, 5, None) == seed.NEWEST - datetime.timedelta(days=4)


@pytest.mark.django_db
def test_the_seed_adds_translated_items_and_other_pages_in_both_languages():
    before = {
        code: NewsPage.objects.filter(locale__language_code=code).count() for code in ["fr", "en"]
    }
    seed.seed(per_language=6, years=10, other_pages=2)

    fr = NewsPage.objects.filter(locale__language_code="fr", slug__startswith="programme-campus-")
    en = NewsPage.objects.filter(locale__language_code="en", slug__startswith="campus-programme-")
    assert fr.count() == en.count() == 6
    assert before["fr"] + 6 == NewsPage.objects.filter(locale__language_code="fr").count()
    # English as translations of the French items, all live, with revisions.
    assert set(fr.values_list("translation_key", flat=True)) == set(
        en.values_list("translation_key", flat=True)
    )
    assert all(page.live and page.latest_revision_id for page in [*fr, *en])
    dates = sorted(fr.values_list("publication_date", flat=True))
    assert dates[-1] - dates[0] > datetime.timedelta(days=3650)
    assert fr.filter(category__isnull=False).count() == 6
    assert 0 < fr.filter(image__isnull=False).count() < 6
    assert all(page.tags.count() == 2 for page in fr)
    assert fr.filter(related_partners__isnull=False).exists()
    assert en.filter(related_items__isnull=False).exists()

    fr_files = StandardPage.objects.filter(locale__language_code="fr", slug__startswith="dossier-")
    en_files = StandardPage.objects.filter(locale__language_code="en", slug__startswith="file-")
    assert fr_files.count() == en_files.count() == 2
    assert {page.get_parent().specific_class.__name__ for page in [*fr_files, *en_files]} == {
        "HomePage"
    }
    assert not Page.objects.filter(pk__in=fr_files, show_in_menus=True).exists()
    assert {page.url for page in fr_files} == {"/fr/dossier-1/", "/fr/dossier-2/"}


def test_the_postgres_database_is_one_of_its_own_on_the_given_server():
    url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
    assert bench_data.postgres_url(url, "campus_bench_10") == (
        "postgres://postgres@127.0.0.1:5432/campus_bench_10?sslmode=disable"
    )
    assert bench_data.postgres_url("postgresql://u@h", "campus_bench_1") == (
        "postgresql://u@h/campus_bench_1"
    )
    with pytest.raises(RunError):
        bench_data.postgres_url("sqlite:///var/db.sqlite3", "campus_bench_1")


def test_it_never_drops_a_database_that_is_not_a_bench_database():
    with pytest.raises(RunError, match="refusing"):
        bench_data.recreate_postgres("postgres://postgres@127.0.0.1:5432/test", "test")


def test_the_command_refuses_an_empty_site(capsys):
    with pytest.raises(SystemExit):
        bench_data.main(["--news", "0"])
    assert "--news must be at least 1" in capsys.readouterr().err
