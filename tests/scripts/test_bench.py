"""The benchmark's helpers (scripts/bench.py, scripts/measuring.py, scripts/seed.py), on
fixed inputs: no server, no wrk, no database."""

import pytest

from scripts import bench, measuring, seed
from scripts.throwaway import ROOT, RunError

WRK_OUTPUT = """\
Running 15s test @ http://127.0.0.1:41234/fr/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    48.21ms   12.03ms 210.55ms   81.20%
    Req/Sec    83.05     10.12   101.00     70.00%
  Latency Distribution
     50%   46.10ms
     75%   52.00ms
     90%   61.47ms
     99%    1.02s
  1246 requests in 15.01s, 18.41MB read
Requests/sec:     83.01
Transfer/sec:      1.23MB
"""

WRK_BROKEN = """\
Running 3s test @ http://127.0.0.1:41234/fr/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.00us  100.00us   2.00ms   90.00%
    Req/Sec     3.10k   200.00     3.50k    80.00%
  Latency Distribution
     50%  800.00us
     75%  850.00us
     90%  900.00us
     99%    1.50ms
  9300 requests in 3.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 12
Requests/sec:   3100.00
Transfer/sec:    341.00KB
"""


@pytest.mark.parametrize(
    ("text", "ms"),
    [("812.00us", 0.812), ("3.21ms", 3.21), ("1.02s", 1020.0), ("2.00m", 120_000.0)],
)
def test_wrk_durations_in_milliseconds(text, ms):
    assert measuring.parse_duration_ms(text) == pytest.approx(ms)


def test_parse_wrk():
    result = measuring.parse_wrk(WRK_OUTPUT)
    assert result["requests"] == 1246
    assert result["seconds"] == pytest.approx(15.01)
    assert result["rps"] == pytest.approx(83.01)
    assert result["latency_ms"] == pytest.approx(
        {"avg": 48.21, "p50": 46.10, "p75": 52.0, "p90": 61.47, "p99": 1020.0}
    )
    assert result["non_2xx_3xx"] == 0
    assert sum(result["socket_errors"].values()) == 0


def test_parse_wrk_reports_errors():
    result = measuring.parse_wrk(WRK_BROKEN)
    assert result["latency_ms"]["p50"] == pytest.approx(0.8)
    assert result["socket_errors"] == {"connect": 0, "read": 2, "write": 0, "timeout": 5}
    assert result["non_2xx_3xx"] == 12
    assert result["rps"] == pytest.approx(3100.0)


def test_parse_wrk_refuses_output_without_figures():
    with pytest.raises(ValueError, match="no request count"):
        measuring.parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


# Fields 14-17 are utime, stime, cutime, cstime; the name may hold spaces and ")".
STAT_MASTER = (
    "4100 (gunicorn: maste) S 1 4100 4100 0 -1 4194560 9000 120 0 0 "
    "150 30 400 90 20 0 1 0 500 200000000 30000 18446744073709551615"
)
STAT_WORKER_1 = "4101 (py (worker) 1) R 4100 4100 4100 0 -1 4194560 900 0 0 0 700 50 0 0 20 0 1 0"
STAT_WORKER_2 = "4102 (gunicorn) S 4100 4100 4100 0 -1 4194560 900 0 0 0 300 20 0 0 20 0 1 0"
STAT_OTHER = "5000 (wrk) S 1 5000 5000 0 -1 4194560 900 0 0 0 9999 9999 0 0 20 0 1 0"


def test_parse_proc_stat():
    assert measuring.parse_proc_stat(STAT_WORKER_1) == {
        "pid": 4101,
        "ppid": 4100,
        "utime": 700,
        "stime": 50,
        "cutime": 0,
        "cstime": 0,
    }
    master = measuring.parse_proc_stat(STAT_MASTER)
    assert (master["pid"], master["ppid"], master["cutime"], master["cstime"]) == (4100, 1, 400, 90)


def test_tree_cpu_counts_the_master_its_workers_and_reaped_workers_only():
    stats = {
        stat["pid"]: stat
        for stat in map(
            measuring.parse_proc_stat, [STAT_MASTER, STAT_WORKER_1, STAT_WORKER_2, STAT_OTHER]
        )
    }
    # master 150+30 and the workers it reaped 400+90, workers 750 and 320; not wrk.
    assert measuring.tree_cpu_ticks(stats, 4100) == 180 + 490 + 750 + 320
    assert measuring.tree_cpu_ticks(stats, 9999) == 0


def test_parse_cpu_busy():
    text = "cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 50 2 25 500 10 1 1 0 0 0\n"
    assert measuring.parse_cpu_busy(text) == (161, 1181)


def test_count_statuses_from_the_access_log():
    log = (
        '127.0.0.1 - - [29/Nov/2026:09:30:00 +0000] "GET /fr/ HTTP/1.1" 200 14321 "-" "-"\n'
        "[2026-11-29 09:30:00 +0000] [4101] [INFO] Booting worker with pid: 4101\n"
        '127.0.0.1 - - [29/Nov/2026:09:30:00 +0000] "GET /fr/ HTTP/1.1" 200 14321 "-" "-"\n'
        '127.0.0.1 - - [29/Nov/2026:09:30:01 +0000] "GET /fr/x/ HTTP/1.1" 404 2000 "-" "-"\n'
    )
    assert measuring.count_statuses(log) == {("/fr/", 200): 2, ("/fr/x/", 404): 1}


def test_server_errors_in_the_log():
    log = (
        "[2026-11-29 10:32:54 +0100] [26746] [INFO] Autorestarting worker after current request.\n"
        "[2026-11-29 10:32:55 +0100] [24826] [CRITICAL] WORKER TIMEOUT (pid:26613)\n"
        '127.0.0.1 - - [29/Nov/2026:09:30:00 +0000] "GET /fr/ HTTP/1.1" 200 14321 "-" "-"\n'
        "Traceback (most recent call last):\n"
    )
    assert measuring.server_errors(log) == [
        "[2026-11-29 10:32:55 +0100] [24826] [CRITICAL] WORKER TIMEOUT (pid:26613)",
        "Traceback (most recent call last):",
    ]
    assert measuring.server_errors(log.splitlines()[0]) == []


def test_page_assets_leave_out_print_stylesheets():
    html = """<!doctype html><html><head>
      <link rel="preload" href="/static/fonts/a.woff2" as="font">
      <link rel="stylesheet" href="/static/css/main.abc.css">
      <link rel="stylesheet" href="/static/css/print.abc.css" media="print">
      <link rel="alternate" type="application/rss+xml" href="/fr/actualites/rss/">
      <script type="application/ld+json">{"@type": "Organization"}</script>
      <script src="/static/js/menu.abc.js" defer></script>
    </head><body></body></html>"""
    assert bench.page_assets(html) == {
        "css": ["/static/css/main.abc.css"],
        "js": ["/static/js/menu.abc.js"],
    }


def test_css_imports():
    css = '@import url("base.css");\n@import "print.css" print;\nbody { color: red }'
    assert bench.css_imports(css) == ["base.css", "print.css"]


def results(cached_rps=3200.0, hit_queries=0):
    return {
        "runs": [
            {"page": "static", "server": "cache off", "rps": 3500.0, "cpu_ms": 0.3},
            {"page": "home", "server": "cache off", "rps": 300.0, "cpu_ms": 6.0},
            {"page": "static", "server": "cache on", "rps": 3500.0, "cpu_ms": 0.3},
            {"page": "home", "server": "cache on", "rps": cached_rps, "cpu_ms": 0.5},
        ],
        "pages": [
            {
                "name": "home",
                "queries_uncached": 9,
                "queries_cached": hit_queries,
                "html_bytes": 20_000,
            }
        ],
        "assets": {"css_bytes": 19_000, "js_bytes": 12_000},
    }


def test_targets():
    checks = {name: (value, passed) for name, value, passed in bench.evaluate_targets(results())}
    assert checks["home, cached: ≥ 90 % of the static file's rate"] == ("91 %", True)
    assert checks["home, uncached: ≤ 10 ms server CPU"] == ("6.0 ms", True)
    assert checks["home, cache hit: 0 queries"] == ("0", True)
    assert checks["home, uncached: ≤ 8 queries"] == ("9", False)
    assert checks["home: HTML ≤ 30 KB"] == ("19.5 KB", True)
    assert checks["CSS of a first load ≤ 30 KB"] == ("18.6 KB", True)
    assert checks["JS of a first load ≤ 10 KB"] == ("11.7 KB", False)


def test_targets_miss_without_a_cache_hit():
    checks = {
        name: (value, passed)
        for name, value, passed in bench.evaluate_targets(
            results(cached_rps=100.0, hit_queries=None)
        )
    }
    assert checks["home, cached: ≥ 90 % of the static file's rate"] == ("3 %", False)
    assert checks["home, cache hit: 0 queries"] == ("no hit", False)


def test_table_lines_up():
    table = measuring.format_table(["page", "cache", "req/s"], [["home", "on", "41.0"]])
    lines = table.splitlines()
    assert lines[0] == "page | cache | req/s"
    assert lines[2] == "home | on    |  41.0"


def test_results_table_compares_each_page_with_the_static_copy_of_its_server():
    data = results()
    for row in data["runs"]:
        row.update(latency_ms={"p50": 1.0, "p90": 2.0, "p99": 3.0}, bytes=15_000)
    lines = bench.results_table(data).splitlines()
    assert lines[0].split(" | ")[-2:] == ["vs static", "vs static, CPU"]
    home_cached = [cell.strip() for cell in lines[5].split(" | ")]
    assert home_cached[:2] == ["home", "cache on"]
    assert home_cached[-2:] == ["91.4 %", "60.0 %"]


# ---------------------------------------------------------------------------
# The seeded database's key (scripts/seed.py)
# ---------------------------------------------------------------------------


def test_the_seed_key_covers_the_migrations_the_content_its_loader_and_the_seeding():
    inputs = {path.relative_to(ROOT).as_posix() for path in seed.seed_inputs()}
    assert "content/loader.py" in inputs
    assert "content/management/commands/load_campus_content.py" in inputs
    assert "news/migrations/0001_initial.py" in inputs
    assert {"scripts/seed.py", "pyproject.toml"} <= inputs
    assert all((ROOT / name).is_file() for name in inputs)


def fake_checkout(root):
    for name, text in {
        "news/migrations/0001_initial.py": "operations = []\n",
        "content/loader.py": "def load(): pass\n",
        "content/pages/home.yaml": "title: Accueil\n",
        "content/__pycache__/loader.cpython-313.pyc": "compiled",
        "campus/views.py": "def view(): pass\n",
        "pyproject.toml": "[project]\n",
        "scripts/seed.py": "SEED = 1\n",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.mark.parametrize(
    "changed",
    ["content/loader.py", "content/pages/home.yaml", "news/migrations/0001_initial.py"]
    + ["scripts/seed.py", "pyproject.toml"],
)
def test_the_seed_key_changes_with_each_input(tmp_path, changed):
    fake_checkout(tmp_path)
    before = seed.seed_key(tmp_path)
    (tmp_path / changed).write_text("changed\n")
    assert seed.seed_key(tmp_path) != before


def test_the_seed_key_ignores_other_code_and_compiled_files(tmp_path):
    fake_checkout(tmp_path)
    before = seed.seed_key(tmp_path)
    (tmp_path / "campus" / "views.py").write_text("changed\n")
    (tmp_path / "content" / "__pycache__" / "loader.cpython-313.pyc").write_text("changed")
    assert seed.seed_key(tmp_path) == before


def test_a_fresh_work_folder_starts_empty_and_needs_wrk(tmp_path, monkeypatch):
    """bench and load start from the same new folder, environment and wrk check."""
    old = tmp_path / "work" / "bench.sqlite3"
    old.parent.mkdir()
    old.write_text("a previous run")
    monkeypatch.setattr(seed.shutil, "which", lambda name: f"/usr/bin/{name}")
    work, log, env = seed.fresh_work(tmp_path, "redis://127.0.0.1:6379/9", "make bench")
    assert work == tmp_path / "work" and list(work.iterdir()) == []
    assert log.parent == work
    assert env["DATABASE_URL"] == f"sqlite:///{work / 'bench.sqlite3'}"
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/9"
    assert "REDIS_URL" not in seed.fresh_work(tmp_path, None, "make load")[2]
    monkeypatch.setattr(seed.shutil, "which", lambda name: None)
    with pytest.raises(RunError, match="make load"):
        seed.fresh_work(tmp_path, None, "make load")
