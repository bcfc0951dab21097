"""scripts/load.py's parsing and verdict, and gunicorn.conf.py's values: no server, no wrk."""

import os
import re
import runpy

import pytest

from scripts import load, measuring
from scripts.throwaway import ROOT

PATHS = ["/fr/", "/fr/actualites/", "/fr/actualites/un-article/"]

WRK_HELD_UP = """\
Running 1m test @ http://127.0.0.1:41234/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   231.40ms   40.12ms 612.08ms   80.11%
    Req/Sec   138.20     25.31   210.00     71.00%
  Latency Distribution
     50%  225.31ms
     75%  250.02ms
     90%  281.77ms
     99%  402.50ms
  16520 requests in 1.00m, 240.11MB read
Requests/sec:    275.18
Transfer/sec:      4.00MB
"""

WRK_OVERLOADED = """\
Running 1m test @ http://127.0.0.1:41234/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.52s   210.00ms   2.00s    75.00%
    Req/Sec    25.00     12.00    60.00     70.00%
  Latency Distribution
     50%    1.51s
     75%    1.62s
     90%    1.80s
     99%    1.97s
  2400 requests in 1.00m, 35.00MB read
  Socket errors: connect 0, read 3, write 0, timeout 72
  Non-2xx or 3xx responses: 4
Requests/sec:     40.00
Transfer/sec:    597.00KB
"""


def statuses(**extra):
    counts = {(path, 200): 100 for path in PATHS}
    counts.update(extra.get("more", {}))
    return counts


def test_parse_load_reads_wrk_figures_and_the_maximum_latency():
    figures = load.parse_load(WRK_HELD_UP)
    assert figures["requests"] == 16520
    assert figures["seconds"] == pytest.approx(60.0)
    assert figures["rps"] == pytest.approx(275.18)
    assert figures["latency_ms"] == pytest.approx(
        {"avg": 231.4, "p50": 225.31, "p75": 250.02, "p90": 281.77, "p99": 402.5, "max": 612.08}
    )


def test_parse_latency_max_in_seconds_and_missing():
    assert load.parse_latency_max(WRK_OVERLOADED) == pytest.approx(2000.0)
    assert load.parse_latency_max("no latency line\n") is None


def test_a_run_that_held_up_has_no_problem():
    assert load.problems(load.parse_load(WRK_HELD_UP), statuses(), [], PATHS) == []


def test_socket_errors_timeouts_and_error_answers_are_problems():
    found = load.problems(load.parse_load(WRK_OVERLOADED), statuses(), [], PATHS)
    assert found == ["socket errors: read 3, timeout 72", "4 answers other than 2xx or 3xx (wrk)"]


def test_5xx_in_the_access_log_is_a_problem_even_when_wrk_saw_none():
    counts = statuses(more={("/fr/", 503): 2, ("/fr/actualites/", 500): 1})
    found = load.problems(load.parse_load(WRK_HELD_UP), counts, [], PATHS)
    assert found == ["3 answers 5xx in the access log"]


def test_a_page_missing_from_the_access_log_and_server_errors_are_problems():
    counts = {(path, 200): 10 for path in PATHS[:2]}
    errors = ["[2026-11-29 12:00:00 +0000] [41] [CRITICAL] WORKER TIMEOUT (pid:42)"]
    found = load.problems(load.parse_load(WRK_HELD_UP), counts, errors, PATHS)
    assert found[0] == "/fr/actualites/un-article/: no request in the access log"
    assert "1 error lines in gunicorn's log" in found[1] and "WORKER TIMEOUT" in found[1]


def test_server_errors_are_found_in_a_gunicorn_log():
    log = (
        '127.0.0.1 - - [29/Nov/2026:13:00:00 +0100] "GET /fr/ HTTP/1.1" 200 14000 "-" "-"\n'
        "[2026-11-29 12:00:00 +0000] [41] [CRITICAL] WORKER TIMEOUT (pid:42)\n"
        "[2026-11-29 12:00:01 +0000] [43] [INFO] Booting worker with pid: 43\n"
    )
    assert measuring.server_errors(log) == [
        "[2026-11-29 12:00:00 +0000] [41] [CRITICAL] WORKER TIMEOUT (pid:42)"
    ]
    assert load.status_summary(measuring.count_statuses(log)) == {
        "per_path": {"/fr/": {"200": 1}},
        "by_class": {"2xx": 1, "3xx": 0, "4xx": 0, "5xx": 0},
    }


def test_status_summary_by_path_and_class():
    summary = load.status_summary({("/fr/", 200): 5, ("/fr/", 502): 1, ("/en/", 301): 2})
    assert summary["per_path"] == {"/en/": {"301": 2}, "/fr/": {"200": 5, "502": 1}}
    assert summary["by_class"] == {"2xx": 5, "3xx": 2, "4xx": 0, "5xx": 1}


def test_lua_script_sends_every_page_in_turn():
    script = load.lua_script(PATHS)
    assert 'local paths = {"/fr/", "/fr/actualites/", "/fr/actualites/un-article/"}' in script
    assert 'wrk.format("GET", path)' in script
    assert "turn % #requests + 1" in script


def test_wrk_command_defaults_are_the_requirement():
    args = load.argparse.Namespace(**load.DEFAULTS)
    command = load.wrk_command("http://127.0.0.1:1/", "pages.lua", args)
    assert command[:6] == ["wrk", "-t2", "-c64", "-d60s", "--timeout=2s", "--latency"]
    assert command[-3:] == ["-s", "pages.lua", "http://127.0.0.1:1/"]


def test_split_shares_connections_and_threads_between_servers():
    assert load.split(64, 1) == [64]
    assert load.split(64, 2) == [32, 32]
    assert load.split(64, 3) == [22, 21, 21]


def test_combine_adds_counts_and_keeps_the_worst_latency():
    first, second = load.parse_load(WRK_HELD_UP), load.parse_load(WRK_OVERLOADED)
    combined = load.combine([first, second])
    assert combined["requests"] == 16520 + 2400
    assert combined["rps"] == pytest.approx(275.18 + 40.0)
    assert combined["latency_ms"]["p50"] == pytest.approx(1510.0)
    assert combined["latency_ms"]["max"] == pytest.approx(2000.0)
    assert combined["socket_errors"] == {"connect": 0, "read": 3, "write": 0, "timeout": 72}
    assert combined["non_2xx_3xx"] == 4
    assert load.combine([first]) is first


def test_results_table_lines_up():
    run = {
        "mode": "cache off",
        "requests": 16520,
        "rps": 275.18,
        "latency_ms": {"p50": 225.31, "p99": 402.5, "max": 612.08},
        "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        "non_2xx_3xx": 0,
        "statuses": {"by_class": {"5xx": 0}},
        "loadavg_max": 2.5,
    }
    lines = load.results_table([run, dict(run, mode="cache on")]).splitlines()
    assert len({len(line) for line in lines}) == 1
    assert "16,520" in lines[2] and "0/0/0/0" in lines[2] and "612.1" in lines[2]


# ---------------------------------------------------------------------------
# gunicorn.conf.py
# ---------------------------------------------------------------------------


def gunicorn_conf(monkeypatch, **env):
    for name in ("WEB_CONCURRENCY", "PORT", "GUNICORN_CMD_ARGS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_holds_the_load_test_connections(monkeypatch):
    conf = gunicorn_conf(monkeypatch)
    # 64 connections wait in the listen queue while the workers are busy.
    assert conf["backlog"] >= 2 * load.DEFAULTS["connections"]
    assert conf.get("threads", 1) * conf["workers"] >= 2


def test_gunicorn_timeouts_are_consistent(monkeypatch):
    conf = gunicorn_conf(monkeypatch)
    settings = (ROOT / "campus" / "settings" / "base.py").read_text()
    found = re.search(r'"DB_CONNECT_TIMEOUT",\s*(\d+)', settings)
    db_connect_timeout = int(found.group(1)) if found else 3
    # A request that waits for the database's connect timeout is not killed as stuck.
    assert conf["timeout"] >= 5 * db_connect_timeout
    # Workers finish their requests on SIGTERM before Kubernetes' 30 s grace period ends.
    assert conf["graceful_timeout"] < 30
    assert conf["keepalive"] >= 1


def test_gunicorn_recycles_workers_rarely_and_not_together(monkeypatch):
    conf = gunicorn_conf(monkeypatch)
    assert conf["max_requests"] >= 10_000
    assert 0 < conf["max_requests_jitter"] < conf["max_requests"]


def test_gunicorn_workers_from_the_environment(monkeypatch):
    assert gunicorn_conf(monkeypatch, WEB_CONCURRENCY="7")["workers"] == 7
    default = gunicorn_conf(monkeypatch)["workers"]
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert 2 <= default <= max(2, 2 * cpus + 1)
    assert load.default_workers("3") == 3
    assert load.default_workers(None) == default


def test_gunicorn_binds_the_port_from_the_environment(monkeypatch):
    assert gunicorn_conf(monkeypatch, PORT="8123")["bind"] == "0.0.0.0:8123"
