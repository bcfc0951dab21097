"""make bench-scale (scripts/bench_scale.py): its measures on the test database, its table."""

import pytest

from scripts import bench_scale
from scripts.throwaway import RunError


@pytest.mark.django_db
def test_every_page_it_measures_answers_200_cold_and_warm():
    results = bench_scale.measure_site(repeat=1)
    assert results["news_items"] > 0
    for name, _url in bench_scale.PAGES:
        page = results[name]
        assert page["status"] == 200, (name, page["url"])
        (cold_ms, cold_queries), (warm_ms, warm_queries) = page["cold"], page["warm"]
        assert cold_ms > 0 and warm_ms > 0
        # Cold, the cached lookups are computed again: never fewer queries than warm.
        assert cold_queries >= warm_queries > 0
    assert results["news index, last page"]["url"].endswith("?page=1")


def test_the_table_has_a_row_per_page_and_the_growth_of_the_largest_site():
    def site(items, ms):
        page = {"status": 200, "url": "/", "cold": [ms, 5], "warm": [ms / 2, 3]}
        return {"news_items": items, **{name: page for name, _url in bench_scale.PAGES}}

    lines = bench_scale.table({"small": site(100, 10.0), "large": site(10_000, 25.0)})
    assert lines[0] == "page | 100 items: cold / warm | 10000 items: cold / warm | growth, cold"
    assert len(lines) == 1 + len(bench_scale.PAGES)
    assert lines[1] == "home | 10.0 ms, 5 q / 5.0 ms, 3 q | 25.0 ms, 5 q / 12.5 ms, 3 q | 2.5×"


def test_a_folder_without_a_site_is_refused(tmp_path):
    with pytest.raises(RunError, match="make bench-data"):
        bench_scale.run_site(tmp_path, repeat=1)
