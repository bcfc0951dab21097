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
    # The usual 2 x CPUs + 1, capped at 4: each sync worker is a whole
    # Django + Wagtail process (~100-150 MB), and a container usually sees all
    # of the host's CPUs but only a slice of its memory. Scale out with more
    # containers, or raise WEB_CONCURRENCY where memory allows.
    return min(2 * cpus + 1, 4)


bind = f"0.0.0.0:{_env_int('PORT', 8000)}"
workers = _env_int("WEB_CONCURRENCY", _default_workers())
worker_class = "sync"

# Recycle each worker after 50,000 requests (± up to 10,000, so they do not all
# restart at once): bounds slow memory growth. Not much lower: cached pages are
# served at ~1,000 requests/s, and with 1,000 the workers recycled every second
# or so, often together, doubling the CPU per cached page (make bench).
max_requests = 50_000
max_requests_jitter = 10_000

# A request taking longer than this is killed (and logged as WORKER TIMEOUT).
timeout = 30
# On SIGTERM (docker stop, Kubernetes), workers get this long to finish their
# requests. Keep it below the orchestrator's grace period: Kubernetes waits 30 s
# by default, `docker stop` only 10 s (raise it with --stop-timeout or compose's
# stop_grace_period).
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
