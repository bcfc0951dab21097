"""`make bench`: the site's speed under gunicorn, measured the same way every time.

One run, all on 127.0.0.1 and bounded in time:

1. builds a throwaway site in ``var/bench/work/``: production settings, SQLite,
   ``collectstatic``, ``migrate``, ``load_campus_content`` and ``SEED_PER_LANGUAGE``
   extra news items in each language (with images, tags, related items). The seeded
   database and media are kept in ``var/bench/seed-<key>/`` and reused while the
   migrations, the content and the seeding code are unchanged;
2. in-process (Django's test client, same database and settings): queries per page,
   uncached (``PAGE_CACHE`` off, second render) and on a cache hit, and the HTML;
   it writes the article's HTML to ``STATIC_ROOT/bench/article.html``;
3. boots gunicorn (``gunicorn.conf.py``, 2 sync workers) twice, with ``PAGE_CACHE=0``
   then ``PAGE_CACHE=1``, and drives each page and the static copy with ``wrk``:
   requests/s, latency percentiles, and the server's CPU per request, read from
   /proc (master, workers, and workers reaped during the run);
4. prints a table, the targets with PASS/MISS, and writes ``var/bench/results.json``.

A missed target does not fail the command; a broken benchmark does (non-200
answers, socket errors or timeouts under load, errors in the server's log, a
server that does not start). Linux only (/proc); needs ``wrk`` on PATH. The seeded
site is scripts/seed.py's; the server, wrk's output and /proc's counters are read by
scripts/measuring.py.

Usage: ``python -m scripts.bench [--quick] [--duration S] [--connections N]
[--gunicorn-args '--max-requests 0'] [--redis-url URL] [--fresh-seed]`` (``--help``).
"""

import argparse
import json
import os
import re
import shlex
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from scripts import seed
from scripts.measuring import (
    WORKERS,
    Server,
    add_site_arguments,
    cache_backend,
    children_cpu_seconds,
    count_statuses,
    format_table,
    parse_cpu_busy,
    run_within,
    server_errors,
    time_wait_sockets,
    wrk,
)
from scripts.throwaway import PYTHON, ROOT, RunError, http_get, run

BENCH_DIR = seed.BENCH_DIR

TARGETS = {
    "cached_vs_static_pct": 90.0,  # cached page rate, % of the static file's rate
    "cached_queries": 0,
    "uncached_cpu_ms": 10.0,
    "uncached_queries": 8,
    "html_kb": 30.0,
    "css_kb": 30.0,
    "js_kb": 10.0,
}


class _AssetParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            media = (attrs.get("media") or "all").lower()
            if "stylesheet" in rel and attrs.get("href") and media != "print":
                self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])


def page_assets(html):
    """Stylesheets (print ones left out) and scripts a first load of the page fetches."""
    parser = _AssetParser()
    parser.feed(html)
    return {"css": parser.css, "js": parser.js}


def css_imports(css):
    """The URLs a stylesheet @imports (they are fetched on a first load too)."""
    return re.findall(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", css)


def evaluate_targets(results):
    """[(target, measured, PASS/MISS)] from the results dictionary."""
    checks = []
    static = {row["server"]: row for row in results["runs"] if row["page"] == "static"}
    for row in results["runs"]:
        if row["page"] == "static":
            continue
        name = row["page"]
        if row["server"] == "cache on":
            base = static.get("cache on")
            if base and base["rps"]:
                pct = 100 * row["rps"] / base["rps"]
                checks.append(
                    (
                        f"{name}, cached: ≥ {TARGETS['cached_vs_static_pct']:.0f} % "
                        "of the static file's rate",
                        f"{pct:.0f} %",
                        pct >= TARGETS["cached_vs_static_pct"],
                    )
                )
        else:
            checks.append(
                (
                    f"{name}, uncached: ≤ {TARGETS['uncached_cpu_ms']:.0f} ms server CPU",
                    f"{row['cpu_ms']:.1f} ms",
                    row["cpu_ms"] <= TARGETS["uncached_cpu_ms"],
                )
            )
    for page in results["pages"]:
        name = page["name"]
        hit = page["queries_cached"]
        checks.append(
            (
                f"{name}, cache hit: {TARGETS['cached_queries']} queries",
                "no hit" if hit is None else f"{hit}",
                hit is not None and hit <= TARGETS["cached_queries"],
            )
        )
        checks.append(
            (
                f"{name}, uncached: ≤ {TARGETS['uncached_queries']} queries",
                f"{page['queries_uncached']}",
                page["queries_uncached"] <= TARGETS["uncached_queries"],
            )
        )
        checks.append(
            (
                f"{name}: HTML ≤ {TARGETS['html_kb']:.0f} KB",
                f"{page['html_bytes'] / 1024:.1f} KB",
                page["html_bytes"] / 1024 <= TARGETS["html_kb"],
            )
        )
    assets = results["assets"]
    for kind in ("css", "js"):
        kb = assets[f"{kind}_bytes"] / 1024
        limit = TARGETS[f"{kind}_kb"]
        checks.append(
            (f"{kind.upper()} of a first load ≤ {limit:.0f} KB", f"{kb:.1f} KB", kb <= limit)
        )
    return checks


def _fmt(value, spec="{:.1f}"):
    return "—" if value is None else spec.format(value)


def results_table(results):
    static = {row["server"]: row for row in results["runs"] if row["page"] == "static"}
    pages = {page["name"]: page for page in results["pages"]}
    rows = []
    for row in results["runs"]:
        page = pages.get(row["page"])
        base = static.get(row["server"])
        if row["page"] == "static":
            queries, html, ratio, cpu_ratio = "—", _fmt(row["bytes"] / 1024), "100 %", "100 %"
        else:
            queries = page["queries_cached" if row["server"] == "cache on" else "queries_uncached"]
            queries = "—" if queries is None else queries
            html = _fmt(page["html_bytes"] / 1024)
            ratio = f"{100 * row['rps'] / base['rps']:.1f} %" if base and base["rps"] else "—"
            cpu_ratio = (
                f"{100 * base['cpu_ms'] / row['cpu_ms']:.1f} %" if base and row["cpu_ms"] else "—"
            )
        lat = row["latency_ms"]
        rows.append(
            [
                row["page"],
                row["server"],
                _fmt(row["rps"]),
                _fmt(lat.get("p50"), "{:.2f}"),
                _fmt(lat.get("p90"), "{:.2f}"),
                _fmt(lat.get("p99"), "{:.2f}"),
                _fmt(row["cpu_ms"], "{:.2f}"),
                queries,
                html,
                ratio,
                cpu_ratio,
            ]
        )
    headers = ["page", "cache", "req/s", "p50 ms", "p90 ms", "p99 ms", "CPU ms/req"]
    headers += ["queries", "HTML KB", "vs static", "vs static, CPU"]
    return format_table(headers, rows)


# ---------------------------------------------------------------------------
# Inside Django (a subprocess: ``python -m scripts.bench _measure FILE``)
# ---------------------------------------------------------------------------


def measure(static_root, out_path):
    """Queries and HTML of each page, in this process; the article's static copy."""
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    pages = seed.pick_pages()
    seed.render_all([page["url"] for page in pages] + ["/en/", "/en/news/"])
    for page in pages:
        url = page["url"]
        with override_settings(PAGE_CACHE=False):
            client = seed.test_client()
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        if response.status_code != 200:
            raise RunError(f"{url} answered {response.status_code}")
        page["queries_uncached"] = len(queries)
        page["uncached_sql"] = [query["sql"][:300] for query in queries.captured_queries]
        page["html_bytes_test_client"] = len(response.content)
        html = response.content
        with override_settings(PAGE_CACHE=True):
            client = seed.test_client()
            first = client.get(url)
            with CaptureQueriesContext(connection) as queries:
                second = client.get(url)
        page["x_cache"] = [first.get("X-Cache"), second.get("X-Cache")]
        page["queries_on_second_cached_request"] = len(queries)
        page["queries_cached"] = len(queries) if second.get("X-Cache") == "HIT" else None
        if page["name"] == "article":
            target = Path(static_root) / "bench" / "article.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(html)
            page["static_copy"] = str(target)
    from news.models import NewsPage

    news = {
        code: NewsPage.objects.live().filter(locale__language_code=code).count()
        for code in ("fr", "en")
    }
    Path(out_path).write_text(json.dumps({"pages": pages, "news_items": news}, indent=2))


# ---------------------------------------------------------------------------
# The run: site, server, wrk
# ---------------------------------------------------------------------------


def measure_url(server, name, path, args, expect_hit):
    url = server.base + path
    status, headers, body = http_get(url)
    if status != 200:
        raise RunError(f"{name} ({path}) answered {status}, not 200")
    wrk(server.fresh_base() + path, args.warmup, args.connections)  # warm caches, fill the cache
    status, headers, body = http_get(url)
    x_cache = headers.get("X-Cache")
    url = server.fresh_base() + path
    time_wait = time_wait_sockets()
    offset = server.log_size()
    machine_before = parse_cpu_busy(Path("/proc/stat").read_text())[0]
    wrk_before = children_cpu_seconds()
    before = server.cpu_ticks()
    figures, raw = wrk(url, args.duration, args.connections)
    after = server.cpu_ticks()
    wrk_seconds = children_cpu_seconds() - wrk_before
    machine_ticks = parse_cpu_busy(Path("/proc/stat").read_text())[0] - machine_before
    time.sleep(0.3)  # the workers' last access-log lines
    log_text = server.log_since(offset)
    statuses = count_statuses(log_text)
    boots = log_text.count("Booting worker")
    if problems := server_errors(log_text):
        raise RunError(
            f"{name}: the server logged errors under load (see {server.log_path}):\n"
            + "\n".join(problems[:5])
        )
    errors = sum(figures["socket_errors"].values())
    if figures["non_2xx_3xx"] or errors:
        raise RunError(
            f"{name}: {figures['non_2xx_3xx']} error responses, socket errors "
            f"{figures['socket_errors']} under load:\n{raw}"
        )
    bad = {key: count for key, count in statuses.items() if key[1] != 200}
    if bad:
        raise RunError(f"{name}: answers other than 200 under load: {bad}")
    ticks = after - before
    hertz = os.sysconf("SC_CLK_TCK")
    cpu_ms = 1000 * ticks / hertz / figures["requests"]
    wall = figures["seconds"] or args.duration
    cores = {
        "server": ticks / hertz / wall,
        "wrk": wrk_seconds / wall,
        "others": max(0.0, machine_ticks / hertz - ticks / hertz - wrk_seconds) / wall,
    }
    row = {
        "page": name,
        "path": path,
        "server": "cache on" if server.env["PAGE_CACHE"] == "1" else "cache off",
        "rps": figures["rps"],
        "requests": figures["requests"],
        "seconds": figures["seconds"],
        "latency_ms": figures["latency_ms"],
        "cpu_ms": cpu_ms,
        "cpu_seconds": ticks / hertz,
        "cores_used": {key: round(value, 2) for key, value in cores.items()},
        "time_wait_sockets_before": time_wait,
        "bytes": len(body),
        "x_cache": x_cache,
        "logged_200": sum(statuses.values()),
        "worker_restarts": boots,
    }
    hit = f", X-Cache {x_cache}" if x_cache else ", no X-Cache header"
    if expect_hit and x_cache != "HIT" and name != "static":
        hit += " (expected HIT: the page cache is not serving this page)"
    print(
        f"  {row['server']:9} {name:10} {row['rps']:8.1f} req/s, "
        f"CPU {cpu_ms:6.2f} ms/req; cores used: server {cores['server']:.2f}, "
        f"wrk {cores['wrk']:.2f}, other processes {cores['others']:.2f}"
        f"{hit if name != 'static' else ''}",
        flush=True,
    )
    return row


def asset_sizes(base, html):
    assets = page_assets(html)
    sizes = {"css": {}, "js": {}}
    todo = [("css", url) for url in assets["css"]] + [("js", url) for url in assets["js"]]
    while todo:
        kind, url = todo.pop(0)
        full = urllib.request.urljoin(base + "/", url)
        if not full.startswith(base):
            raise RunError(f"the home page loads {url} from another host")
        if full in sizes[kind]:
            continue
        status, _headers, body = http_get(full)
        if status != 200:
            raise RunError(f"{url} answered {status}")
        sizes[kind][full[len(base) :]] = len(body)
        if kind == "css":
            text = body.decode("utf-8", "replace")
            todo += [("css", urllib.request.urljoin(full, item)) for item in css_imports(text)]
    return {
        "css": sizes["css"],
        "js": sizes["js"],
        "css_bytes": sum(sizes["css"].values()),
        "js_bytes": sum(sizes["js"].values()),
    }


REFERENCE = (
    "Reference, Wagtail bakerydemo on the same kind of 2-core machine (gunicorn, 2 sync "
    "workers, SQLite): home 41 req/s, blog index 65, blog post 85 (48/30/23 ms CPU per "
    "request); a static file through the same gunicorn + whitenoise ~3,500 req/s."
)


def bench(args):
    started = time.monotonic()
    work, log, env = seed.fresh_work(BENCH_DIR, args.redis_url, "make bench")
    load_start = os.getloadavg()
    print(f"Benchmark in {work.relative_to(ROOT)} (logs there)", flush=True)
    seed.prepare_site(work, env, log, args.fresh_seed)
    run(
        [PYTHON, "-m", "scripts.bench", "_measure", str(work / "pages.json")],
        dict(env, CACHE_DIR=str(work / "cache-measure")),
        log,
        "queries and HTML (test client)",
    )
    measured = json.loads((work / "pages.json").read_text())
    pages = measured["pages"]
    article = next(page for page in pages if page["name"] == "article")
    targets = [("static", "/static/bench/article.html")]
    targets += [(page["name"], page["url"]) for page in pages]
    runs = []
    assets = None
    for page_cache in (False, True):
        label = "on" if page_cache else "off"
        cache_dir = work / f"cache-{label}"
        log_path = work / f"gunicorn-cache-{label}.log"
        extra = shlex.split(args.gunicorn_args)
        with Server(env, log_path, page_cache, cache_dir, 2 * len(targets), extra) as server:
            for name, path in targets:
                runs.append(measure_url(server, name, path, args, expect_hit=page_cache))
            if page_cache:
                for page in pages:
                    _status, _headers, body = http_get(server.base + page["url"])
                    page["html_bytes"] = len(body)
                _status, _headers, body = http_get(server.base + pages[0]["url"])
                assets = asset_sizes(server.base, body.decode("utf-8", "replace"))
    x_cache_seen = any(row["x_cache"] for row in runs if row["page"] != "static")
    results = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "mode": "quick" if args.quick else "full",
        "machine": {
            "cpus": os.cpu_count(),
            "affinity": len(os.sched_getaffinity(0)),
            "loadavg_start": load_start,
            "loadavg_end": os.getloadavg(),
            "max_other_cores": max(row["cores_used"]["others"] for row in runs),
        },
        "settings": {
            "gunicorn": f"{WORKERS} sync workers, gunicorn.conf.py"
            + (f" + {args.gunicorn_args}" if args.gunicorn_args else ""),
            "database": "SQLite",
            "cache": cache_backend(env),
            "page_cache_active": x_cache_seen,
            "wrk": f"1 thread, {args.connections} connections, {args.duration} s "
            f"(after {args.warmup} s warm-up), --timeout 10s",
        },
        "article": {"url": article["url"], "title": article.get("title")},
        "news_items": measured["news_items"],
        "pages": pages,
        "runs": runs,
        "assets": assets,
        "targets": TARGETS,
    }
    checks = evaluate_targets(results)
    results["checks"] = [
        {"target": name, "measured": value, "pass": passed} for name, value, passed in checks
    ]
    results["seconds"] = round(time.monotonic() - started, 1)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    report(results, checks, out)


def report(results, checks, out):
    settings = results["settings"]
    print()
    print(
        f"PariSanté Campus benchmark ({results['mode']}), {results['date']}: "
        f"{settings['gunicorn']}, {settings['database']}, {settings['cache']}; "
        f"wrk {settings['wrk']}"
    )
    print(
        f"Machine: {results['machine']['affinity']} CPUs; wrk runs on the same CPUs as the "
        "server (its own CPU is not counted in CPU ms/req, but it takes CPU from the server)."
    )
    machine = results["machine"]
    if machine["max_other_cores"] > 0.25:
        print(
            f"WARNING: other processes used up to {machine['max_other_cores']:.2f} CPU cores "
            f"during the runs (load average {machine['loadavg_start'][0]:.1f} at the start): "
            "req/s and latencies are lower and noisier than on a quiet machine; CPU ms/req, "
            "'vs static, CPU' and queries hold better. Rerun on a quiet machine for req/s "
            "figures to quote."
        )
    news = results["news_items"]
    print(
        f"Content: {sum(news.values())} live news items (fr {news['fr']}, en {news['en']}). "
        "Pages: "
        + ", ".join(f"{page['name']} {page['url']}" for page in results["pages"])
        + "; static: the article's HTML as /static/bench/article.html."
    )
    if not settings["page_cache_active"]:
        print(
            "NOTE: no X-Cache header on any page: the page cache is not active, so the "
            "'cache on' rows measure the same uncached pages."
        )
    print()
    print(results_table(results))
    restarts = sum(row["worker_restarts"] for row in results["runs"])
    print(
        "\nCPU ms/req: gunicorn master + workers (utime+stime, /proc), per completed request. "
        "queries: Django test client, uncached = 2nd render with PAGE_CACHE off, cached = a "
        "cache hit. HTML KB: uncompressed body. vs static: req/s against the static copy's "
        "on the same server; vs static, CPU: the static copy's CPU per request against the "
        "page's: the ratio req/s tends to when the server's CPU is the bottleneck. "
        f"Workers recycled during the runs (max_requests): {restarts}."
    )
    assets = results["assets"]
    print(
        f"First load of the home page: CSS {assets['css_bytes'] / 1024:.1f} KB "
        f"({', '.join(assets['css']) or 'none'}), JS {assets['js_bytes'] / 1024:.1f} KB "
        f"({', '.join(assets['js']) or 'none'}), uncompressed."
    )
    print(REFERENCE)
    print("\nTargets:")
    for name, value, passed in checks:
        print(f"  {'PASS' if passed else 'MISS'}  {name}: {value}")
    missed = sum(1 for _name, _value, passed in checks if not passed)
    print(
        f"\n{len(checks) - missed} of {len(checks)} targets met. "
        f"Results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}. "
        f"Took {results['seconds']:.0f} s."
    )


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_measure"]:
        seed.django_setup()
        from django.conf import settings

        measure(settings.STATIC_ROOT, argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs: a smoke check")
    parser.add_argument("--duration", type=int, help="seconds per measured run (default 15)")
    parser.add_argument("--warmup", type=int, help="seconds of warm-up per page (default 3)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (4)")
    add_site_arguments(parser, "BENCH_REDIS_URL", BENCH_DIR / "results.json")
    parser.add_argument(
        "--max-seconds", type=int, help="stop the whole run after this long (default 900)"
    )
    args = parser.parse_args(argv)
    args.duration = args.duration or (3 if args.quick else 15)
    args.warmup = args.warmup or (1 if args.quick else 3)
    limit = args.max_seconds or (600 if args.quick else 900)

    return run_within(limit, "the benchmark", "BENCHMARK BROKEN", bench, args)


if __name__ == "__main__":
    sys.exit(main())
