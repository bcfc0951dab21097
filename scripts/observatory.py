"""Score the site with Mozilla HTTP Observatory's rules, on this machine.

Serves the site as in production (production settings, gunicorn, HTTPS with a
certificate made for the run, plain HTTP redirecting to it) on two free loopback ports,
runs the Observatory's own tests and grading (scripts/observatory.mjs, npm package
@mdn/mdn-http-observatory) and prints the grade, score and every test's result.
Exits 1 unless the grade is A+ with no test costing points.

    .venv/bin/python scripts/observatory.py            (make observatory)
"""

# ruff: noqa: S603  (our own commands, never a shell)

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOSTNAME = "localhost"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campus.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOSTNAME,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "CACHE_DIR": str(folder / "cache"),
        "REDIS_URL": "",
        # Plain HTTP redirects to the HTTPS port of this run.
        "SECURE_SSL_HOST": f"{HOSTNAME}:{https_port}",
        "LOG_LEVEL": "WARNING",
    }


def wait_until_up(port, server, timeout=60):
    """Until the server answers anything at all (plain HTTP answers with a redirect)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} stopped")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/livez/", headers={"Host": HOSTNAME})
            connection.getresponse()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no answer on port {port}")


def scan(folder):
    http_port, https_port = free_port(), free_port()
    cert, key = make_certificate(folder)
    env = site_env(folder, https_port)
    manage = [str(BIN / "python"), "manage.py"]
    for command in (
        ["migrate", "--noinput"],
        ["load_campus_content"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(manage + command + ["--verbosity", "0"], cwd=ROOT, env=env, check=True)
    gunicorn = [str(BIN / "gunicorn"), "campus.wsgi:application", "-c", "gunicorn.conf.py"]
    gunicorn += ["--workers", "1", "--max-requests", "0", "--access-logfile", "-"]
    log = (folder / "gunicorn.log").open("w")
    servers = [
        subprocess.Popen(
            gunicorn
            + ["--bind", f"127.0.0.1:{https_port}", "--certfile", str(cert)]
            + ["--keyfile", str(key)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        ),
        subprocess.Popen(
            gunicorn + ["--bind", f"127.0.0.1:{http_port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        ),
    ]
    try:
        wait_until_up(http_port, servers[1])
        time.sleep(1)  # the HTTPS server starts alongside
        result = subprocess.run(
            ["node", str(ROOT / "scripts" / "observatory.mjs"), HOSTNAME]
            + [str(http_port), str(https_port)],
            cwd=ROOT,
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(cert)},
            capture_output=True,
            timeout=120,
        )
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
    log.close()
    # Bytes, not text=True: that would import `locale`, which scripts/locale.py hides
    # when this file is run as `python scripts/observatory.py`.
    if result.returncode:
        output = (result.stdout + result.stderr).decode()
        raise RuntimeError(output + (folder / "gunicorn.log").read_text(encoding="utf-8"))
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
