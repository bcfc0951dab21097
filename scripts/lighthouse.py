"""Lighthouse performance audit of every page type, mobile, as a reviewer runs it.

    python -m scripts.lighthouse                 # or: make lighthouse
    python -m scripts.lighthouse --only fr-news  # some page types (ids below)
    python -m scripts.lighthouse --url http://127.0.0.1:8000   # a server already running
    python -m scripts.lighthouse --images        # with photos on the home pages and article

Without ``--url`` it builds a throwaway site in a temporary folder: a SQLite database
(``migrate`` + ``load_campus_content``), ``collectstatic`` (the production storage:
hashed, brotli and gzip files) and gunicorn with the **production** settings over plain
HTTP, like ``make prod``. With ``--images``, a photograph-like picture (2400×1350, made on
the spot) becomes the image of both home pages and both inauguration articles, and a
figure in the articles' bodies: the LCP is then an image, as on a site whose editors
illustrate it. Every page is requested once before the audits, so that image
renditions exist and caches are warm, as on a live site.

Lighthouse comes from ``node_modules`` (``make checkers``, pinned in ``package.json``) and
drives Debian's Chromium (``CHROME_PATH``, default ``/usr/bin/chromium``), with its
defaults: mobile emulation and simulated throttling (slow 4G, 4x CPU slowdown), the
performance category only. The table gives the score and metrics of each page; the
script exits non-zero when one scores below ``--min-score`` (100 unless told) or when
Lighthouse fails. ``--keep DIR`` keeps the JSON reports.

Scores move from run to run with the machine's load (total blocking time above all: the
observed main-thread tasks are multiplied by four). As Lighthouse's documentation advises,
a page below the minimum is audited again, up to ``--runs`` times in all (3 unless told),
and the run with the median score is the one shown, with the scores of every run.
"""

# ruff: noqa: S603, S310  (a local tool: fixed commands, URLs of its own server)
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from scripts import throwaway
from scripts.pages import PAGES  # one URL per page type
from scripts.throwaway import ROOT, RunError

# Page types the accessibility list leaves out: the other StandardPages (legal pages).
EXTRA_PAGES = [
    ("fr-legal-notice", "/fr/mentions-legales/", 200),
    ("en-legal-notice", "/en/legal-notice/", 200),
    ("fr-personal-data", "/fr/donnees-personnelles/", 200),
    ("en-personal-data", "/en/personal-data/", 200),
]
ALL_PAGES = PAGES + EXTRA_PAGES

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def site_environment(folder, port):
    """Production settings over plain HTTP on this machine (as PROD_ENV in the Makefile)."""
    return throwaway.environment(
        folder,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SERVE_MEDIA="1",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )


# For --images: run by `manage.py shell` in the throwaway site.
ILLUSTRATE = """
import io, json, random
from PIL import Image, ImageDraw, ImageFilter
from django.core.files.uploadedfile import SimpleUploadedFile
from home.models import HomePage
from images.models import CampusImage
from news.models import NewsPage

random.seed(2022)
picture = Image.new("RGB", (2400, 1350))
draw = ImageDraw.Draw(picture)
for y in range(1350):
    draw.line([(0, y), (2400, y)], fill=(30 + y // 12, 90 + y // 20, 120 + y // 15))
for _ in range(400):
    x, y, r = random.randrange(2400), random.randrange(1350), random.randrange(10, 120)
    colour = tuple(random.randrange(256) for _ in range(3))
    draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
picture = picture.filter(ImageFilter.GaussianBlur(3))
buffer = io.BytesIO()
picture.save(buffer, format="JPEG", quality=90)
image = CampusImage.objects.create(
    title="Inauguration", credit="PariSanté Campus", caption="L'inauguration",
    file=SimpleUploadedFile("inauguration.jpg", buffer.getvalue(), content_type="image/jpeg"),
)
figure = {"type": "figure", "value": {
    "image": {"image": image.pk, "alt_text": "La salle", "decorative": False},
    "caption": "", "credit": ""}}
for page in [*HomePage.objects.all(), *NewsPage.objects.filter(
        slug__in=["inauguration-de-parisante-campus", "parisante-campus-inaugurated"])]:
    page.image = image
    page.image_alt = "La salle de l'inauguration"
    if isinstance(page, NewsPage):
        body = list(page.body.raw_data)
        page.body = json.dumps(body[:2] + [figure] + body[2:])
    page.save_revision().publish()
print("illustrated")
"""


def start_site(folder, port, images=False):
    """The throwaway site built in folder, served by gunicorn on port (started, answering)."""
    env = site_environment(folder, port)
    log = folder / "setup.log"
    print("Building the site (migrate, load_campus_content, collectstatic)…", flush=True)
    throwaway.manage(env, "migrate", "--noinput", log=log, quiet=True)
    throwaway.manage(env, "load_campus_content", log=log, quiet=True)
    if images:
        throwaway.manage(env, "shell", "-c", ILLUSTRATE, log=log, quiet=True)
    throwaway.manage(env, "collectstatic", "--noinput", "--verbosity", "0", log=log, quiet=True)
    server = throwaway.Gunicorn(
        env, folder / "gunicorn.log", [port], ["--access-logfile", "/dev/null"]
    )
    return server.start()


def warm_up(base, pages):
    """Request every page once: its image renditions are made, caches are filled."""
    for _page_id, path, _status in pages:
        try:
            urllib.request.urlopen(base + path, timeout=60).read()
        except urllib.error.HTTPError as error:  # the 404 page
            error.read()


def run_lighthouse(url, status, report):
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance",
        "--form-factor=mobile",
    ]
    if status != 200:
        command.append("--ignore-status-code")  # the 404 page is audited like the others
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not report.exists():
        return {"error": (result.stderr or result.stdout).strip()[-500:] or "no report"}
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        return {"error": data["runtimeError"].get("message", "runtime error")}
    audits = data["audits"]

    def metric(name):
        return audits[name].get("numericValue")

    return {
        "score": round(data["categories"]["performance"]["score"] * 100),
        "fcp": metric("first-contentful-paint"),
        "lcp": metric("largest-contentful-paint"),
        "tbt": metric("total-blocking-time"),
        "cls": metric("cumulative-layout-shift"),
        "si": metric("speed-index"),
        "bytes": metric("total-byte-weight"),
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def median_run(runs):
    """The run with the median score (the lower of the two middle ones; errors rank last)."""
    ranked = sorted(runs, key=lambda run: run.get("score", -1))
    return ranked[(len(ranked) - 1) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="audit this running server instead of a throwaway one")
    parser.add_argument("--only", nargs="*", help="page ids (e.g. fr-home en-news)")
    parser.add_argument("--images", action="store_true", help="illustrate the pages (above)")
    parser.add_argument("--min-score", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="at most, for a page below the minimum")
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make checkers` (npm ci)")
    chrome = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    if not chrome.exists():
        sys.exit(f"{chrome} is missing: apt-get install chromium")
    pages = [p for p in ALL_PAGES if not args.only or p[0] in args.only]
    if not pages:
        sys.exit("no page matches --only: " + " ".join(p[0] for p in ALL_PAGES))

    folder = Path(tempfile.mkdtemp(prefix="campus-lighthouse-"))
    reports = args.keep or folder / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    server = None
    try:
        if args.url:
            base = args.url.rstrip("/")
        else:
            server = start_site(folder, throwaway.free_port(), images=args.images)
            base = server.base
        warm_up(base, pages)
        print(
            f"{'page':<22} {'score':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>6} "
            f"{'CLS':>6} {'SI ms':>6} {'req':>4} {'KB':>6}  URL",
            flush=True,
        )
        failures = []
        for page_id, path, status in pages:
            runs = []
            while len(runs) < max(args.runs, 1):
                report = reports / f"{page_id}-{len(runs) + 1}.json"
                runs.append(run_lighthouse(base + path, status, report))
                scores = [run.get("score", -1) for run in runs]
                if min(scores) >= args.min_score:
                    break
            result = median_run(runs)
            if "error" in result:
                failures.append(page_id)
                print(f"{page_id:<22} ERROR {path}\n    {result['error']}", flush=True)
                continue
            if result["score"] < args.min_score:
                failures.append(page_id)
            note = "" if len(runs) == 1 else f"  (median of runs scoring {scores})"
            print(
                f"{page_id:<22} {result['score']:>5} {result['fcp']:>7.0f} {result['lcp']:>7.0f} "
                f"{result['tbt']:>6.0f} {result['cls']:>6.3f} {result['si']:>6.0f} "
                f"{result['requests']:>4} {result['bytes'] / 1024:>6.1f}  {path}{note}",
                flush=True,
            )
    except RunError as error:
        sys.exit(str(error))
    finally:
        if server:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)  # the site; --keep's reports are elsewhere
    if failures:
        print(f"\nBelow {args.min_score} or failed: {', '.join(failures)}")
        return 1
    print(f"\nEvery page scores {args.min_score} or more.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
