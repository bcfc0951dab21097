"""What bench and load share to measure a server: wrk's output, /proc's CPU counters,
gunicorn's access and error log, and the measured gunicorn (scripts/throwaway.py's,
with its CPU read from /proc).

The parsing helpers are pure: tests/scripts/test_bench.py runs them on fixed inputs.
Linux only (/proc).
"""

import contextlib
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

from scripts.throwaway import HOST, Gunicorn, RunError, free_ports

WORKERS = 2

# ---------------------------------------------------------------------------
# Pure helpers
# ---------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_duration_ms(text):
    """wrk's "812.00us", "3.21ms", "1.02s", "2.00m" -> milliseconds."""
    match = re.fullmatch(r"\s*([\d.]+)\s*(us|ms|s|m|h)\s*", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output):
    """The figures of one ``wrk --latency`` run, from its text output."""
    result = {
        "requests": None,
        "seconds": None,
        "rps": None,
        "latency_ms": {},
        "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        "non_2xx_3xx": 0,
    }
    for line in output.splitlines():
        line = line.strip()
        if match := re.fullmatch(r"(\d+)%\s+([\d.]+\w+)", line):
            result["latency_ms"][f"p{match.group(1)}"] = parse_duration_ms(match.group(2))
        elif match := re.match(r"(\d+) requests in ([\d.]+\w+),", line):
            result["requests"] = int(match.group(1))
            result["seconds"] = parse_duration_ms(match.group(2)) / 1000
        elif match := re.match(r"Requests/sec:\s+([\d.]+)", line):
            result["rps"] = float(match.group(1))
        elif line.startswith("Socket errors:"):
            for name, value in re.findall(r"(\w+) (\d+)", line):
                result["socket_errors"][name] = int(value)
        elif match := re.match(r"Non-2xx or 3xx responses:\s+(\d+)", line):
            result["non_2xx_3xx"] = int(match.group(1))
        elif line.startswith("Latency") and "Latency Distribution" not in line:
            fields = line.split()
            if len(fields) >= 2:
                with contextlib.suppress(ValueError):
                    result["latency_ms"]["avg"] = parse_duration_ms(fields[1])
    if result["requests"] is None or result["rps"] is None:
        raise ValueError("wrk printed no request count: " + output[-500:])
    return result


def parse_proc_stat(text):
    """/proc/<pid>/stat -> pid, ppid and CPU clock ticks (the name may hold spaces)."""
    head, _, tail = text.rpartition(")")
    fields = tail.split()
    return {
        "pid": int(head.split("(", 1)[0]),
        "ppid": int(fields[1]),
        "utime": int(fields[11]),
        "stime": int(fields[12]),
        "cutime": int(fields[13]),
        "cstime": int(fields[14]),
    }


def tree_cpu_ticks(stats, root_pid):
    """CPU ticks of root_pid and its live descendants, plus the children they reaped.

    A worker that exits during a run (gunicorn recycles them) is counted in full:
    its time moves into its parent's cutime/cstime when the master reaps it.
    """
    children = {}
    for stat in stats.values():
        children.setdefault(stat["ppid"], []).append(stat["pid"])
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        stat = stats.get(pid)
        if stat is None:
            continue
        total += stat["utime"] + stat["stime"] + stat["cutime"] + stat["cstime"]
        todo.extend(children.get(pid, ()))
    return total


def parse_cpu_busy(proc_stat_text):
    """(busy, total) clock ticks of the whole machine, from /proc/stat's first line."""
    fields = [int(value) for value in proc_stat_text.splitlines()[0].split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields + [0] * (8 - len(fields))
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


ACCESS_LINE = re.compile(r'"[A-Z]+ (\S+) HTTP/[\d.]+" (\d{3}) ')


def count_statuses(log_text):
    """{(path, status): count} from gunicorn access-log lines."""
    counts = {}
    for match in ACCESS_LINE.finditer(log_text):
        key = (match.group(1), int(match.group(2)))
        counts[key] = counts.get(key, 0) + 1
    return counts


SERVER_ERROR = re.compile(r"^.*(?:\[(?:ERROR|CRITICAL)\]|Traceback \(most recent).*$", re.M)


def server_errors(log_text):
    """gunicorn's error and critical lines (worker timeouts, crashes) and tracebacks."""
    return SERVER_ERROR.findall(log_text)


def format_table(headers, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [" | ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in rows:
        cells = []
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            cells.append(str(cell).ljust(width) if index < 2 else str(cell).rjust(width))
        lines.append(" | ".join(cells))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The machine and the server
# ---------------------------------------------------------------------------


def time_wait_sockets():
    """TCP sockets in TIME_WAIT on the machine (/proc/net/sockstat)."""
    with contextlib.suppress(OSError):
        match = re.search(r"^TCP:.*\btw (\d+)", Path("/proc/net/sockstat").read_text(), re.M)
        if match:
            return int(match.group(1))
    return None


def read_tree_cpu(root_pid):
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stats[int(entry)] = parse_proc_stat(Path(f"/proc/{entry}/stat").read_text())
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    return tree_cpu_ticks(stats, root_pid)


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(url, seconds, connections, timeout_s=10):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s"]
    command += ["--latency", url]
    try:
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=seconds + timeout_s + 30
        )
    except subprocess.TimeoutExpired as error:
        raise RunError(f"wrk did not finish: {' '.join(command)}") from error
    if done.returncode != 0:
        raise RunError(f"wrk failed on {url}: {done.stderr.strip() or done.stdout[-300:]}")
    return parse_wrk(done.stdout), done.stdout


class Server(Gunicorn):
    """The measured gunicorn: page cache on or off, its worker count, spare ports.

    Sync workers close every connection, which leaves thousands in TIME_WAIT on the
    server's side; a new connection that lands on one of them may stall for a second.
    Each wrk run gets a port of its own (fresh_base), so that no run inherits the
    previous one's.
    """

    def __init__(
        self, env, log_path, page_cache, cache_dir, spare_ports, extra_args=(), workers=WORKERS
    ):
        port, *self.spare_ports = free_ports(1 + spare_ports)
        env = dict(env, PAGE_CACHE="1" if page_cache else "0", CACHE_DIR=str(cache_dir))
        env["PORT"] = str(port)
        # Through WEB_CONCURRENCY, as gunicorn.conf.py reads it.
        env["WEB_CONCURRENCY"] = str(workers)
        self.workers = workers
        super().__init__(env, log_path, [port, *self.spare_ports], extra_args)

    def __enter__(self):
        return self.start(ready=lambda: len(self.worker_pids()) >= self.workers)

    def fresh_base(self):
        """An address no earlier wrk run has used."""
        return f"http://{HOST}:{self.spare_ports.pop(0)}"

    def worker_pids(self):
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with contextlib.suppress(OSError, ValueError, IndexError):
                    stat = parse_proc_stat(Path(f"/proc/{entry}/stat").read_text())
                    if stat["ppid"] == self.process.pid:
                        pids.append(stat["pid"])
        return pids

    def cpu_ticks(self):
        return read_tree_cpu(self.process.pid)


# ---------------------------------------------------------------------------
# The command line, shared by bench and load
# ---------------------------------------------------------------------------


def cache_backend(env):
    if env.get("REDIS_URL"):
        return f"Redis at {env['REDIS_URL']}"
    return "file cache (CACHE_DIR, shared by the workers)"


def add_site_arguments(parser, redis_variable, results_file):
    """The options of the throwaway site and server (bench and load)."""
    parser.add_argument(
        "--redis-url",
        default=os.environ.get(redis_variable, ""),
        help="Redis as the cache (a database of its own: the run writes in it); default: "
        f"{redis_variable}, else the file cache",
    )
    parser.add_argument(
        "--gunicorn-args",
        default="",
        help="extra gunicorn options, e.g. '--max-requests 0' (default: gunicorn.conf.py alone)",
    )
    parser.add_argument("--fresh-seed", action="store_true", help="rebuild the seeded database")
    parser.add_argument("--json", default=str(results_file), help="results file")


def run_within(limit, what, broken, function, args):
    """``function(args)``, stopped after ``limit`` seconds; 1 and the reason on a RunError."""

    def too_long(_signum, _frame):
        raise RunError(f"{what} took more than {limit} s")

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(limit)
    try:
        return function(args) or 0
    except RunError as error:
        print(f"\n{broken}: {error}", file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
