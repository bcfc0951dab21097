"""`make load`: the site under sustained load, with the production gunicorn settings.

The benchmark (scripts/bench.py) measures speed at a gentle 4 connections; this checks
that the server holds up: 60 s at 64 connections on the home page, the news index and an
article, with no socket error, no timeout, and no error answer. All on 127.0.0.1:

1. the same throwaway site as the benchmark (its code: production settings, SQLite, the
   seeded 248 news items, reused from ``var/bench/seed-<key>/``), in ``var/load/work/``;
2. gunicorn with ``gunicorn.conf.py`` as it is (workers from ``WEB_CONCURRENCY``, else
   its default for this machine), started twice: page cache on, then off
   (``PAGE_CACHE=0``: every request rendered, the hard case);
3. for each, one ``wrk -t2 -c64 -d60s --timeout 2s --latency`` run whose Lua script sends
   the three pages in turn on every connection, so that the 64 connections load all three
   at once for the whole minute; the gunicorn access log gives the answers per page.
   ``--servers 2``: two app servers on the same database and cache (Redis with
   ``--redis-url``), each with half the connections and its own wrk, at the same time;
4. prints a table and writes ``var/load/results.json``; exits 1 on any socket error
   (connect, read, write, timeout), any answer other than 2xx/3xx, any 5xx in the access
   log, or an error in gunicorn's log (a WORKER TIMEOUT, a traceback).

Usage: ``python -m scripts.load [--duration S] [--connections N] [--modes on,off]
[--redis-url URL] [--servers N] [--workers N] [--gunicorn-args '-k gthread --threads 4']``
(``--help``).
"""

import argparse
import contextlib
import json
import os
import runpy
import shlex
import subprocess
import sys
import time
from pathlib import Path

from scripts import measuring, seed, throwaway
from scripts.throwaway import PYTHON, ROOT, RunError

LOAD_DIR = ROOT / "var" / "load"

DEFAULTS = {"duration": 60, "connections": 64, "threads": 2, "timeout": 2}
MODES = {"on": True, "off": False}
SOCKET_ERRORS = ("connect", "read", "write", "timeout")


# ---------------------------------------------------------------------------
# Pure helpers (tests/scripts/test_load.py)
# ---------------------------------------------------------------------------


def parse_latency_max(output):
    """The Max column of wrk's "Latency avg stdev max +/-" line, in milliseconds."""
    for line in output.splitlines():
        fields = line.split()
        if fields[:1] == ["Latency"] and len(fields) >= 4:
            return measuring.parse_duration_ms(fields[3])
    return None


def parse_load(output):
    """measuring.parse_wrk's figures, plus the maximum latency."""
    figures = measuring.parse_wrk(output)
    figures["latency_ms"]["max"] = parse_latency_max(output)
    return figures


def status_summary(statuses):
    """{path: {status: count}} and the totals, from count_statuses's {(path, status): n}."""
    per_path, by_class = {}, {"2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0}
    for (path, status), count in sorted(statuses.items()):
        per_path.setdefault(path, {})[str(status)] = count
        key = f"{status // 100}xx"
        by_class[key] = by_class.get(key, 0) + count
    return {"per_path": per_path, "by_class": by_class}


def problems(figures, statuses, server_errors, paths):
    """What makes a load run fail, as sentences; an empty list when it held up."""
    found = []
    errors = {name: count for name, count in figures["socket_errors"].items() if count}
    if errors:
        found.append(
            "socket errors: " + ", ".join(f"{name} {count}" for name, count in errors.items())
        )
    if figures["non_2xx_3xx"]:
        found.append(f"{figures['non_2xx_3xx']} answers other than 2xx or 3xx (wrk)")
    server_side = sum(count for (_path, status), count in statuses.items() if status >= 500)
    if server_side:
        found.append(f"{server_side} answers 5xx in the access log")
    for path in paths:
        if not any(key[0] == path for key in statuses):
            found.append(f"{path}: no request in the access log")
    if server_errors:
        found.append(
            f"{len(server_errors)} error lines in gunicorn's log, e.g. {server_errors[0].strip()}"
        )
    if not figures["requests"]:
        found.append("wrk completed no request")
    return found


def lua_script(paths):
    """wrk script: each connection asks for the paths in turn (each wrk thread its own turn)."""
    listed = ", ".join(json.dumps(path) for path in paths)
    return f"""-- Written by scripts/load.py: the pages, in turn, on every connection.
local paths = {{{listed}}}
local requests = {{}}
local turn = 0

function init(args)
  for index, path in ipairs(paths) do
    requests[index] = wrk.format("GET", path)
  end
end

function request()
  turn = turn % #requests + 1
  return requests[turn]
end
"""


def wrk_command(url, script, args):
    return [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        f"--timeout={args.timeout}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]


def _ms(value):
    return "—" if value is None else f"{value:,.1f}"


def results_table(runs):
    headers = ["mode", "requests", "req/s", "p50 ms", "p99 ms", "max ms"]
    headers += ["sock. errors c/r/w/t", "non-2xx/3xx", "5xx", "load avg (max 1 min)"]
    rows = []
    for run in runs:
        socket_errors = run["socket_errors"]
        lat = run["latency_ms"]
        rows.append(
            [
                run["mode"],
                f"{run['requests']:,}",
                f"{run['rps']:,.1f}",
                _ms(lat.get("p50")),
                _ms(lat.get("p99")),
                _ms(lat.get("max")),
                "/".join(str(socket_errors[key]) for key in SOCKET_ERRORS),
                str(run["non_2xx_3xx"]),
                str(run["statuses"]["by_class"]["5xx"]),
                f"{run['loadavg_max']:.2f}",
            ]
        )
    return measuring.format_table(headers, rows)


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def default_workers(web_concurrency):
    """The worker count gunicorn.conf.py gives with this WEB_CONCURRENCY (None: unset)."""
    saved = os.environ.get("WEB_CONCURRENCY")
    try:
        if web_concurrency:
            os.environ["WEB_CONCURRENCY"] = web_concurrency
        else:
            os.environ.pop("WEB_CONCURRENCY", None)
        return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["workers"]
    finally:
        if saved is None:
            os.environ.pop("WEB_CONCURRENCY", None)
        else:
            os.environ["WEB_CONCURRENCY"] = saved


def pick_pages(env, work, log):
    out = work / "pages.json"
    command = [PYTHON, "-m", "scripts.seed", "pages", str(out)]
    throwaway.run(command, env, log, "pages", timeout=300)
    return json.loads(out.read_text())


def run_wrk(commands, seconds, timeout_s):
    """The output of wrk commands run together, and the 1-minute load average every 2 s."""
    loads = [os.getloadavg()[0]]
    processes = [
        subprocess.Popen(  # noqa: S603  (our own command, no shell)
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for command in commands
    ]
    deadline = time.monotonic() + seconds + timeout_s + 30
    while any(process.poll() is None for process in processes):
        if time.monotonic() > deadline:
            for process in processes:
                process.kill()
                process.wait()
            raise RunError(f"wrk did not finish: {' '.join(commands[0])}")
        time.sleep(2)
        loads.append(os.getloadavg()[0])
    outputs = []
    for process in processes:
        stdout, stderr = process.communicate()
        if process.returncode != 0:
            raise RunError(f"wrk failed: {stderr.strip() or stdout[-300:]}")
        outputs.append(stdout)
    return outputs, loads


def split(total, parts):
    """total (connections, threads) shared as evenly as possible: split(64, 3) -> [22, 21, 21]."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def combine(figures):
    """One server's figures from several wrk runs (one per app server) run at the same time.

    Counts add up; latencies are the worst of the runs (percentiles cannot be merged).
    """
    if len(figures) == 1:
        return figures[0]
    return {
        "requests": sum(item["requests"] for item in figures),
        "seconds": max(item["seconds"] or 0 for item in figures),
        "rps": sum(item["rps"] for item in figures),
        "latency_ms": {
            key: max(item["latency_ms"].get(key) or 0 for item in figures)
            for key in figures[0]["latency_ms"]
        },
        "socket_errors": {
            key: sum(item["socket_errors"][key] for item in figures) for key in SOCKET_ERRORS
        },
        "non_2xx_3xx": sum(item["non_2xx_3xx"] for item in figures),
    }


def load_mode(env, work, mode, pages, args, workers):
    page_cache = MODES[mode]
    extra = shlex.split(args.gunicorn_args)
    # One cache folder for all the app servers, like one Redis (without REDIS_URL).
    cache_dir = work / f"cache-{mode}"
    paths = [page["url"] for page in pages]
    script = work / "pages.lua"
    script.write_text(lua_script(paths))
    with contextlib.ExitStack() as stack:
        servers = []
        for number in range(args.servers):
            suffix = f"-{number + 1}" if args.servers > 1 else ""
            log_path = work / f"gunicorn-cache-{mode}{suffix}.log"
            server = measuring.Server(
                env, log_path, page_cache, cache_dir, 0, extra, workers=workers
            )
            servers.append(stack.enter_context(server))
        x_cache = {}
        for server in servers:
            for page in pages:
                status, headers, _body = throwaway.http_get(server.base + page["url"])
                if status != 200:
                    raise RunError(f"{page['name']} ({page['url']}) answered {status}, not 200")
                x_cache[page["url"]] = headers.get("X-Cache")
        connections = split(args.connections, len(servers))
        threads = split(max(args.threads, len(servers)), len(servers))
        commands = [
            wrk_command(
                server.base + "/",
                script,
                argparse.Namespace(**dict(vars(args), connections=count, threads=thread_count)),
            )
            for server, count, thread_count in zip(servers, connections, threads, strict=True)
        ]
        offsets = [server.log_size() for server in servers]
        time_wait = measuring.time_wait_sockets()
        machine_before = measuring.parse_cpu_busy(Path("/proc/stat").read_text())[0]
        wrk_before = measuring.children_cpu_seconds()
        server_before = sum(server.cpu_ticks() for server in servers)
        for command in commands:
            print(f"  cache {mode}: {' '.join(command)}", flush=True)
        raws, loads = run_wrk(commands, args.duration, args.timeout)
        server_ticks = sum(server.cpu_ticks() for server in servers) - server_before
        wrk_seconds = measuring.children_cpu_seconds() - wrk_before
        machine_ticks = measuring.parse_cpu_busy(Path("/proc/stat").read_text())[0] - machine_before
        time.sleep(0.5)  # the workers' last access-log lines
        log_text = "".join(
            server.log_since(offset) for server, offset in zip(servers, offsets, strict=True)
        )
        alive = all(server.process.poll() is None for server in servers)
    figures = combine([parse_load(raw) for raw in raws])
    statuses = measuring.count_statuses(log_text)
    errors = measuring.server_errors(log_text)
    found = problems(figures, statuses, errors, paths)
    if not alive:
        found.append("gunicorn exited during the run")
    hertz = os.sysconf("SC_CLK_TCK")
    wall = figures["seconds"] or args.duration
    cores = {
        "server": server_ticks / hertz / wall,
        "wrk": wrk_seconds / wall,
        "others": max(0.0, machine_ticks / hertz - server_ticks / hertz - wrk_seconds) / wall,
    }
    return {
        "mode": f"cache {mode}" + (f", {len(servers)} servers" if len(servers) > 1 else ""),
        "page_cache": page_cache,
        "x_cache_before_load": x_cache,
        "commands": [" ".join(command) for command in commands],
        "requests": figures["requests"],
        "seconds": figures["seconds"],
        "rps": figures["rps"],
        "latency_ms": figures["latency_ms"],
        "socket_errors": figures["socket_errors"],
        "non_2xx_3xx": figures["non_2xx_3xx"],
        "statuses": status_summary(statuses),
        "server_error_lines": errors[:20],
        "worker_restarts": log_text.count("Booting worker"),
        "cpu_ms_per_request": 1000 * server_ticks / hertz / max(figures["requests"], 1),
        "cores_used": {key: round(value, 2) for key, value in cores.items()},
        "loadavg_samples": [round(value, 2) for value in loads],
        "loadavg_max": max(loads),
        "time_wait_sockets_before": time_wait,
        "problems": found,
        "wrk_output": raws,
    }


def load(args):
    started = time.monotonic()
    work, log, env = seed.fresh_work(LOAD_DIR, args.redis_url, "make load")
    workers = args.workers or default_workers(os.environ.get("WEB_CONCURRENCY"))
    print(f"Load test in {work.relative_to(ROOT)} (logs there)", flush=True)
    seed.prepare_site(work, env, log, args.fresh_seed)
    pages = pick_pages(env, work, log)
    load_start = os.getloadavg()
    runs = []
    for mode in args.modes:
        runs.append(load_mode(env, work, mode, pages, args, workers))
    gunicorn = f"gunicorn.conf.py, {workers} workers (WEB_CONCURRENCY)"
    if args.servers > 1:
        gunicorn = f"{args.servers} app servers, each " + gunicorn
    results = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "affinity": len(os.sched_getaffinity(0)),
            "loadavg_start": load_start,
            "loadavg_end": os.getloadavg(),
        },
        "settings": {
            "gunicorn": gunicorn + (f" + {args.gunicorn_args}" if args.gunicorn_args else ""),
            "database": "SQLite",
            "cache": measuring.cache_backend(env),
            "wrk": f"{args.threads} threads, {args.connections} connections, {args.duration} s, "
            f"--timeout {args.timeout}s, the three pages in turn on every connection",
        },
        "pages": pages,
        "runs": runs,
        "seconds": round(time.monotonic() - started, 1),
    }
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return report(results, out)


def report(results, out):
    settings = results["settings"]
    print()
    print(
        f"PariSanté Campus load test, {results['date']}: {settings['gunicorn']}, "
        f"{settings['database']}, {settings['cache']}; wrk {settings['wrk']}"
    )
    print("Pages: " + ", ".join(f"{page['name']} {page['url']}" for page in results["pages"]))
    machine = results["machine"]
    print(
        f"Machine: {machine['affinity']} CPUs, load average {machine['loadavg_start'][0]:.2f} "
        f"at the start, {machine['loadavg_end'][0]:.2f} at the end; wrk runs on the same CPUs."
    )
    print()
    print(results_table(results["runs"]))
    print()
    failed = False
    for run in results["runs"]:
        cores = run["cores_used"]
        per_path = "; ".join(
            f"{path} " + ", ".join(f"{status}: {count:,}" for status, count in counts.items())
            for path, counts in run["statuses"]["per_path"].items()
        )
        print(
            f"{run['mode']}: CPU {run['cpu_ms_per_request']:.2f} ms/req; cores used: server "
            f"{cores['server']:.2f}, wrk {cores['wrk']:.2f}, other processes "
            f"{cores['others']:.2f}; workers recycled {run['worker_restarts']}; "
            f"access log: {per_path}"
        )
        for problem in run["problems"]:
            failed = True
            print(f"  FAIL {run['mode']}: {problem}")
    print(
        f"\n{'FAILED' if failed else 'PASSED'}: no socket error, no error answer, no 5xx "
        f"{'was not met' if failed else 'in any mode'}. Results: "
        f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}. "
        f"Took {results['seconds']:.0f} s."
    )
    return 1 if failed else 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=DEFAULTS["duration"], help="seconds (60)")
    parser.add_argument(
        "--connections", type=int, default=DEFAULTS["connections"], help="wrk connections (64)"
    )
    parser.add_argument("--threads", type=int, default=DEFAULTS["threads"], help="wrk threads (2)")
    parser.add_argument(
        "--timeout",
        type=int,
        default=DEFAULTS["timeout"],
        help="wrk's per-request timeout in seconds, slower counts as an error (2, wrk's default)",
    )
    parser.add_argument(
        "--modes",
        default="on,off",
        type=lambda text: [mode.strip() for mode in text.split(",") if mode.strip()],
        help="page cache on, off, or both in that order (default on,off)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help="gunicorn workers (default: WEB_CONCURRENCY, else gunicorn.conf.py's default)",
    )
    measuring.add_site_arguments(parser, "LOAD_REDIS_URL", LOAD_DIR / "results.json")
    parser.add_argument(
        "--servers",
        type=int,
        default=1,
        help="app servers sharing the database and the cache (Redis with --redis-url), "
        "the connections split between them (1)",
    )
    args = parser.parse_args(argv)
    unknown = [mode for mode in args.modes if mode not in MODES]
    if unknown or not args.modes:
        parser.error(f"--modes: on and/or off, not {','.join(unknown) or 'nothing'}")
    limit = 900 + 2 * len(args.modes) * (args.duration + args.timeout + 60)

    return measuring.run_within(limit, "the load test", "LOAD TEST BROKEN", load, args)


if __name__ == "__main__":
    sys.exit(main())
