"""Score the site with Mozilla HTTP Observatory's rules, on this machine.

Serves the site as in production (production settings, gunicorn, HTTPS with a
certificate made for the run, plain HTTP redirecting to it) on two free loopback ports,
runs the Observatory's own tests and grading (scripts/observatory.mjs, npm package
@mdn/mdn-http-observatory) and prints the grade, score and every test's result.
Exits 1 unless the grade is A+ with no test costing points.

    .venv/bin/python -m scripts.observatory            (make observatory)
"""

# ruff: noqa: S603  (our own commands, never a shell)

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import throwaway
from scripts.throwaway import ROOT

HOSTNAME = "localhost"


def make_certificate(folder):
    """A self-signed certificate for localhost, trusted by the scan only (NODE_EXTRA_CA_CERTS)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", f"/CN={HOSTNAME}", "-addext", f"subjectAltName=DNS:{HOSTNAME}"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def site_env(folder, https_port):
    """The production settings as they are (HTTPS), for the host name the scan uses."""
    return throwaway.environment(
        folder,
        https=True,
        ALLOWED_HOSTS=HOSTNAME,
        # Plain HTTP redirects to the HTTPS port of this run.
        SECURE_SSL_HOST=f"{HOSTNAME}:{https_port}",
    )


def scan(folder, *, built=False, static_root=None):
    """Builds the site in folder, serves it and scans it: the Observatory's report.

    ``built``: folder already holds the site's SQLite database and media (the throwaway
    environment's ``db.sqlite3`` and ``media/``), migrated and loaded; ``static_root``:
    files already collected with the production storage. The tests pass theirs, which
    saves building them again (35 s of CPU)."""
    http_port, https_port = throwaway.free_ports(2)
    cert, key = make_certificate(folder)
    env = site_env(folder, https_port)
    commands = [] if built else [["migrate", "--noinput"], ["load_campus_content"]]
    if static_root is None:
        commands.append(["collectstatic", "--noinput"])
    else:
        env["STATIC_ROOT"] = str(static_root)
    log = folder / "setup.log"
    for command in commands:
        throwaway.manage(env, *command, "--verbosity", "0", log=log, quiet=True)
    options = ["--workers", "1", "--max-requests", "0", "--access-logfile", "/dev/null"]
    https = throwaway.Gunicorn(
        env,
        folder / "gunicorn-https.log",
        [https_port],
        [*options, "--certfile", str(cert), "--keyfile", str(key)],
    )
    http = throwaway.Gunicorn(env, folder / "gunicorn-http.log", [http_port], options)
    try:
        https.start(path=None)
        # Plain HTTP answers with a redirect to HTTPS: any answer will do.
        http.start(path="/livez/", status=None, host=HOSTNAME)
        time.sleep(1)  # the HTTPS server starts alongside
        result = subprocess.run(
            ["node", str(ROOT / "scripts" / "observatory.mjs"), HOSTNAME]
            + [str(http_port), str(https_port)],
            cwd=ROOT,
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(cert)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        https.stop()
        http.stop()
    if result.returncode:
        raise RuntimeError(
            result.stdout
            + result.stderr
            + throwaway.log_tail(https.log_path)
            + throwaway.log_tail(http.log_path)
        )
    return json.loads(result.stdout)


def problems(report):
    """What keeps the report from an A+ without penalty (empty when none)."""
    found = [] if report["grade"] == "A+" else [f"grade {report['grade']}"]
    found += [
        f"{name}: {test['result']} ({test['modifier']})"
        for name, test in report["tests"].items()
        if test["modifier"] < 0 or not test["pass"]
    ]
    return found


def main():
    with tempfile.TemporaryDirectory(prefix="campus-observatory-") as folder:
        report = scan(Path(folder))
    print(f"Mozilla HTTP Observatory rules: grade {report['grade']}, score {report['score']}")
    for name, test in report["tests"].items():
        mark = "ok" if test["pass"] else "NO"
        print(f"  {mark:<3} {name:<36} {test['modifier']:+d}  {test['result']}")
    found = problems(report)
    for problem in found:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
