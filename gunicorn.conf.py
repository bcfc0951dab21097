"""Gunicorn settings: ``gunicorn campus.wsgi:application -c gunicorn.conf.py``.

Tuned from the environment, so the same image runs everywhere:

- ``PORT`` (default 8000): port to listen on, on every interface;
- ``WEB_CONCURRENCY``: number of worker processes (default below);
- ``FORWARDED_ALLOW_IPS`` (default ``127.0.0.1,::1``): addresses of the reverse
  proxy, the only peers whose ``X-Forwarded-Proto`` gunicorn believes.

Anything else can be overridden without a rebuild with ``GUNICORN_CMD_ARGS``,
e.g. ``GUNICORN_CMD_ARGS="--timeout 60 --log-level debug"``.
"""

import os


def _env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _default_workers():
    # CPUs this process may run on: honours cpusets (docker --cpuset-cpus), but
    # not CPU quotas (docker --cpus), which a container cannot see.
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    # CPUs + 1, not the usual 2 x CPUs + 1: a page is CPU work (5-8 ms, 1-2 queries),
    # and extra workers only share the same cores, each its own CPU caches. Measured
    # (uncached, 64 connections, 15 s, 2 CPUs, quiet machine): 2 workers 366 and
    # 300 req/s, 3: 347 and 320, 4: 292, 5: 283 (5.2, 5.5-6.0, 6.5, 6.7 ms CPU per
    # request); on a busy machine, average of 2-4 runs: 163, 143, 129, 134 req/s.
    # The one spare covers waits on PostgreSQL and Redis, which SQLite does not have.
    # Capped at 4: each sync worker is a whole Django + Wagtail process (~100-150 MB),
    # and a container usually sees all of the host's CPUs but only a slice of its
    # memory. Scale out with more containers, or raise WEB_CONCURRENCY where memory allows.
    return min(cpus + 1, 4)


bind = f"0.0.0.0:{_env_int('PORT', 8000)}"
workers = _env_int("WEB_CONCURRENCY", _default_workers())
# Sync workers: each takes a connection from the listen queue only when it is free, in
# arrival order, so 64 connections wait evenly. Measured (64 connections, 15 s, 2 CPUs):
# uncached on a quiet machine, 3 sync workers 320-347 req/s, p99 262-295 ms; 3 gthread
# workers x 4 threads 269 req/s, p99 906 ms (each accepts connections greedily, the
# busiest falls behind). With the CPUs overloaded by other jobs (the server getting
# ~0.4 core), sync 0-37 wrk timeouts (> 2 s) per run; gthread 42 (3 x 4) and 276 (2 x 4).
# Cached, gthread's keep-alive gains 13 % (5,375 against 4,773 req/s, p99 47 against
# 18 ms), and a proxy in front holds the clients' connections anyway. With gthread,
# `timeout` no longer kills a stuck request either (the main thread sends the heartbeat).
worker_class = "sync"

# Connections waiting for a free worker wait here (64 under `make load`, minus the
# workers); a full queue refuses connections. 2048 (gunicorn's default) leaves room for
# bursts and a second load balancer pool; the kernel caps it at net.core.somaxconn
# (4096 on Linux >= 5.4).
backlog = 2048

# Sync workers ignore it: they answer each request with "Connection: close". It applies
# only with GUNICORN_CMD_ARGS="-k gthread": idle keep-alive connections closed after 5 s
# (the default, 2 s, makes a client that pauses reconnect; longer piles idle connections).
keepalive = 5

# Recycle each worker after 50,000 requests (± up to 10,000, so they do not all
# restart at once): bounds slow memory growth. Not much lower: cached pages are
# served at ~1,000 requests/s, and with 1,000 the workers recycled every second
# or so, often together, doubling the CPU per cached page (make bench). make load,
# cached: 271,632 requests in 60 s on 3 workers, 3 recycles, not one error.
max_requests = 50_000
max_requests_jitter = 10_000

# A request taking longer than this is killed (and logged as WORKER TIMEOUT), its worker
# replaced. 30 s: ten times the database's connect timeout (DB_CONNECT_TIMEOUT, 3 s: a
# request waiting for an unreachable PostgreSQL answers 503 well before), and room for the
# slowest legitimate request (an editor's upload making renditions of a large image).
# A public page takes 6-8 ms of CPU; under 64 connections the wait is in the listen queue,
# which does not count (make load, uncached, queue included: max 0.5 s on a quiet
# machine, 1.8 s with the machine shared, load average 7).
timeout = 30
# On SIGTERM (docker stop, Kubernetes), workers get this long to finish their
# requests (a public page: under 2 s even queued behind 64 connections). Keep it
# below the orchestrator's grace period: Kubernetes waits 30 s by default,
# `docker stop` only 10 s (raise it with --stop-timeout or compose's stop_grace_period).
graceful_timeout = 25

# Logs to the container's output: access log on stdout, errors on stderr.
accesslog = "-"
errorlog = "-"

# Gunicorn sets wsgi.url_scheme to https from X-Forwarded-Proto only for these
# peers; Django itself trusts the header only when BEHIND_PROXY is set.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Load the application once in the master, then fork: workers share its memory
# pages and a broken release fails at start rather than in every worker.
# Safe here: nothing opens a database connection at import time.
preload_app = True

# Worker heartbeat files on tmpfs: a slow container filesystem would otherwise
# make healthy workers look stuck. (Gunicorn creates them with mkstemp and
# unlinks them at once.)
_SHM = "/dev/shm"  # noqa: S108
if os.path.isdir(_SHM):
    worker_tmp_dir = _SHM

# The runtime control socket (gunicornc, gunicorn >= 25.1) is of no use in a
# container, and would be created in $HOME.
control_socket_disable = True
