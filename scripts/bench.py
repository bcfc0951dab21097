#!/usr/bin/env python
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
server that does not start). Linux only (/proc); needs ``wrk`` on PATH.

Usage: ``python scripts/bench.py [--quick] [--duration S] [--connections N]
[--gunicorn-args '--max-requests 0'] [--redis-url URL] [--fresh-seed]`` (``--help``).
"""

import os
import sys

# Run as `python scripts/bench.py`, this folder comes first on sys.path, and its
# locale.py would hide the standard library's locale module.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != _HERE]

import argparse  # noqa: E402
import contextlib  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import secrets  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
SCRIPT = str(Path(__file__).resolve())
HOST = "127.0.0.1"

# News items added in each language on top of the site's own content.
SEED_PER_LANGUAGE = 120
# Bump when the seeding below changes in a way the key (its source) would not see.
SEED_VERSION = 1
WORKERS = 2

TARGETS = {
    "cached_vs_static_pct": 90.0,  # cached page rate, % of the static file's rate
    "cached_queries": 0,
    "uncached_cpu_ms": 10.0,
    "uncached_queries": 8,
    "html_kb": 30.0,
    "css_kb": 30.0,
    "js_kb": 10.0,
}


class BenchError(Exception):
    """The benchmark itself broke: its figures would mean nothing."""


# ---------------------------------------------------------------------------
# Pure helpers (tests/campus/test_bench.py)
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
# Inside Django (run as subprocesses: ``bench.py _seed`` / ``bench.py _measure``)
# ---------------------------------------------------------------------------

FR_SENTENCES = [
    "Les équipes du campus ont présenté les premiers résultats du programme devant "
    "les partenaires hospitaliers et universitaires.",
    "Le projet associe des chercheurs en épidémiologie, des ingénieurs des données et "
    "des soignants, qui travaillent ensemble sur le même plateau.",
    "Les données restent hébergées en France, sur une infrastructure certifiée pour "
    "les données de santé.",
    "Une cinquantaine d'étudiants suivent cette année la nouvelle formation, ouverte aux "
    "professionnels en reprise d'études.",
    "Les start-up accueillies bénéficient d'un accompagnement réglementaire et d'un accès "
    "aux plateformes de calcul du campus.",
    "Le comité scientifique a retenu douze projets, dont quatre portés par de jeunes équipes.",
    "Les patients partenaires participent dès la conception des outils, pour qu'ils "
    "répondent à des besoins réels.",
    "Les résultats seront publiés en accès ouvert, avec les jeux de données lorsque c'est "
    "possible.",
    "La journée s'est conclue par une table ronde sur l'évaluation des dispositifs "
    "médicaux numériques.",
    "Le programme sera étendu l'an prochain à trois nouvelles régions.",
]
EN_SENTENCES = [
    "The campus teams presented the programme's first results to their hospital and "
    "university partners.",
    "The project brings together epidemiologists, data engineers and clinicians working "
    "side by side.",
    "The data stay hosted in France, on an infrastructure certified for health data.",
    "About fifty students follow the new course this year, open to professionals "
    "returning to study.",
    "The start-ups hosted on campus get regulatory support and access to the campus's "
    "computing platforms.",
    "The scientific committee selected twelve projects, four of them led by young teams.",
    "Patient partners take part from the design stage, so that the tools meet real needs.",
    "The results will be published in open access, with the data sets where possible.",
    "The day ended with a round table on the evaluation of digital medical devices.",
    "The programme will be extended to three more regions next year.",
]
FR_TOPICS = ["Données de santé", "Intelligence artificielle", "Formation", "Recherche"]
FR_TOPICS += ["Start-up", "Cybersécurité", "Essais cliniques", "Prévention"]
EN_TOPICS = ["Health data", "Artificial intelligence", "Training", "Research"]
EN_TOPICS += ["Start-ups", "Cybersecurity", "Clinical trials", "Prevention"]
TAGS = ["Données", "IA", "Formation", "Recherche", "Inserm", "Start-up", "Hôpital"]
CATEGORY_SLUGS = ["actualite", "communique-de-presse", "evenement", "portrait"]
IMAGE_COUNT = 8


def _paragraphs(sentences, rng, count):
    return ["<p>" + " ".join(rng.sample(sentences, 3)) + "</p>" for _ in range(count)]


def _body(sentences, topic, rng, quote_role):
    intro = _paragraphs(sentences, rng, 2)
    more = _paragraphs(sentences, rng, 2)
    items = "".join(f"<li>{sentence}</li>" for sentence in rng.sample(sentences, 3))
    return [
        {"type": "paragraph", "value": "".join(intro)},
        {
            "type": "quote",
            "value": {
                "quote": rng.choice(sentences),
                "speaker": "Claire Martin",
                "role": quote_role,
                "source_url": "",
            },
        },
        {"type": "paragraph", "value": f"<h2>{topic}</h2>" + "".join(more) + f"<ul>{items}</ul>"},
    ]


def _bench_images():
    import io

    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw

    from images.models import CampusImage

    images = []
    for number in range(IMAGE_COUNT):
        picture = Image.new("RGB", (1600, 1000), (20 + 25 * number, 90, 160 - 12 * number))
        draw = ImageDraw.Draw(picture)
        for step in range(0, 1600, 80):
            draw.ellipse(
                (step, (step * (number + 3)) % 900, step + 160, (step * (number + 3)) % 900 + 160),
                fill=(255 - 20 * number, 200, 60 + 20 * number),
            )
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)
        image = CampusImage(
            title=f"Illustration {number + 1}",
            caption="Sur le campus",
            credit="© PariSanté Campus",
            file=ImageFile(buffer, name=f"bench-{number + 1}.jpg"),
        )
        image.save()
        images.append(image)
    return images


def seed():
    """News items in both languages, as editors make them: revisions, then publish."""
    import datetime
    import random
    from zoneinfo import ZoneInfo

    from django.db import transaction
    from wagtail.models import Locale

    from news.models import (
        NewsCategory,
        NewsIndexPage,
        NewsPage,
        NewsPagePartner,
        NewsPageRelatedItem,
    )
    from partners.models import Partner

    rng = random.Random(20261129)  # noqa: S311  (not cryptography: the same content every time)
    paris = ZoneInfo("Europe/Paris")
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    indexes = {code: NewsIndexPage.objects.get(locale__language_code=code) for code in ("fr", "en")}
    categories = {}
    for slug in CATEGORY_SLUGS:
        fr_category = NewsCategory.objects.filter(slug=slug, locale=fr).first()
        if fr_category:
            categories[slug] = (fr_category, fr_category.get_translation_or_none(en))
    partners = list(Partner.objects.filter(locale=fr, live=True))
    newest = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=paris)
    with transaction.atomic():
        images = _bench_images()
        created = {"fr": [], "en": []}
        for number in range(SEED_PER_LANGUAGE):
            topic = number % len(FR_TOPICS)
            date = newest - datetime.timedelta(days=4 * (SEED_PER_LANGUAGE - 1 - number))
            fr_category, en_category = categories[CATEGORY_SLUGS[number % len(categories)]]
            image = images[number % len(images)] if number % 4 else None
            tags = rng.sample(TAGS, 2)
            fr_page = NewsPage(
                title=f"{FR_TOPICS[topic]} : un nouveau programme sur le campus ({number + 1})",
                slug=f"programme-campus-{number + 1}",
                locale=fr,
                publication_date=date,
                standfirst=" ".join(rng.sample(FR_SENTENCES, 2)),
                body=_body(FR_SENTENCES, FR_TOPICS[topic], rng, "Directrice de programme"),
                category=fr_category,
                image=image,
            )
            fr_page.tags.add(*tags)
            indexes["fr"].add_child(instance=fr_page)
            en_page = NewsPage(
                title=f"{EN_TOPICS[topic]}: a new programme on campus ({number + 1})",
                slug=f"campus-programme-{number + 1}",
                locale=en,
                translation_key=fr_page.translation_key,
                publication_date=date,
                standfirst=" ".join(rng.sample(EN_SENTENCES, 2)),
                body=_body(EN_SENTENCES, EN_TOPICS[topic], rng, "Programme director"),
                category=en_category,
                image=image,
            )
            en_page.tags.add(*tags)
            indexes["en"].add_child(instance=en_page)
            for code, page in (("fr", fr_page), ("en", en_page)):
                if partners and number % 3 == 0:
                    partner = partners[number % len(partners)]
                    if code == "en":
                        partner = partner.get_translation_or_none(en) or partner
                    page.related_partners.add(NewsPagePartner(partner=partner))
                for related in created[code][-2:]:
                    page.related_items.add(NewsPageRelatedItem(related_page=related))
                page.save_revision().publish()
                created[code].append(page)
    counts = {
        code: NewsPage.objects.live().filter(locale__language_code=code).count()
        for code in ("fr", "en")
    }
    print(json.dumps({"news_items": counts}))


def _client():
    from django.test import Client

    return Client(HTTP_HOST=HOST)


def _render_all(urls):
    """Render each page once so that renditions exist before anything is measured."""
    client = _client()
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            raise BenchError(f"{url} answered {response.status_code} in the test client")


def pick_pages():
    from wagtail.models import Locale

    from home.models import HomePage
    from news.models import NewsIndexPage, news_listing

    fr = Locale.objects.get(language_code="fr")
    home = HomePage.objects.live().get(locale=fr)
    index = NewsIndexPage.objects.live().get(locale=fr)
    article = news_listing(fr.pk).first()
    return [
        {"name": "home", "url": home.url},
        {"name": "news index", "url": index.url},
        {"name": "article", "url": article.url, "title": article.title},
    ]


def measure(static_root, out_path):
    """Queries and HTML of each page, in this process; the article's static copy."""
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    pages = pick_pages()
    _render_all([page["url"] for page in pages] + ["/en/", "/en/news/"])
    for page in pages:
        url = page["url"]
        with override_settings(PAGE_CACHE=False):
            client = _client()
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
        if response.status_code != 200:
            raise BenchError(f"{url} answered {response.status_code}")
        page["queries_uncached"] = len(queries)
        page["uncached_sql"] = [query["sql"][:300] for query in queries.captured_queries]
        page["html_bytes_test_client"] = len(response.content)
        html = response.content
        with override_settings(PAGE_CACHE=True):
            client = _client()
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
# The run: environment, seed, server, wrk
# ---------------------------------------------------------------------------


def free_ports(count):
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind((HOST, 0))
        return [sock.getsockname()[1] for sock in sockets]


def time_wait_sockets():
    """TCP sockets in TIME_WAIT on the machine (/proc/net/sockstat)."""
    with contextlib.suppress(OSError):
        match = re.search(r"^TCP:.*\btw (\d+)", Path("/proc/net/sockstat").read_text(), re.M)
        if match:
            return int(match.group(1))
    return None


def seed_key():
    """Changes with the migrations, the site's content and its loader, the pinned packages
    and this seeding code."""
    digest = hashlib.sha256(f"{SEED_VERSION}:{SEED_PER_LANGUAGE}".encode())
    files = sorted(ROOT.glob("*/migrations/*.py"))
    files += sorted((ROOT / "campus" / "content").rglob("*.py"))
    files += sorted((ROOT / "campus" / "management").rglob("*.py"))
    files += [ROOT / "pyproject.toml"]
    for path in files:
        if ".venv" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    import inspect

    for function in (seed, _body, _bench_images):
        digest.update(inspect.getsource(function).encode())
    return digest.hexdigest()[:16]


def base_env(work):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "GUNICORN_"))
        and key not in {"PAGE_CACHE", "REDIS_URL", "CACHE_DIR", "WEB_CONCURRENCY", "PORT"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "campus.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "STATIC_ROOT": str(work / "static"),
            "CACHE_DIR": str(work / "cache-setup"),
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}:8000",
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": str(WORKERS),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def run(command, env, timeout, log, what):
    started = time.monotonic()
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(map(str, command))}\n")
        out.flush()
        try:
            done = subprocess.run(  # noqa: S603  (our own commands, no shell)
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout
            )
        except subprocess.TimeoutExpired as error:
            raise BenchError(f"{what} took more than {timeout} s (see {log})") from error
    if done.returncode != 0:
        raise BenchError(f"{what} failed (exit {done.returncode}); see {log}")
    print(f"  {what}: {time.monotonic() - started:.1f} s", flush=True)


def prepare_site(work, env, log, fresh_seed):
    python = str(BIN / "python")
    run(
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        env,
        300,
        log,
        "collectstatic",
    )
    seed_dir = BENCH_DIR / f"seed-{seed_key()}"
    if fresh_seed and seed_dir.exists():
        shutil.rmtree(seed_dir)
    if not (seed_dir / "bench.sqlite3").exists():
        run([python, "manage.py", "migrate", "--noinput", "-v", "0"], env, 600, log, "migrate")
        run([python, "manage.py", "load_campus_content"], env, 600, log, "load_campus_content")
        run([python, SCRIPT, "_seed"], env, 900, log, "seed news items")
        # Renditions made once here are kept with the seed.
        run([python, SCRIPT, "_warm"], env, 900, log, "image renditions")
        for old in BENCH_DIR.glob("seed-*"):
            shutil.rmtree(old)
        tmp = BENCH_DIR / "seed-tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        shutil.copy2(work / "bench.sqlite3", tmp / "bench.sqlite3")
        if (work / "media").exists():
            shutil.copytree(work / "media", tmp / "media")
        tmp.rename(seed_dir)
        print(f"  seeded database kept in {seed_dir.relative_to(ROOT)}", flush=True)
    else:
        shutil.copy2(seed_dir / "bench.sqlite3", work / "bench.sqlite3")
        if (seed_dir / "media").exists():
            shutil.copytree(seed_dir / "media", work / "media")
        # Its key covers every migration: a new one means a new seed.
        print(f"  reused the seeded database {seed_dir.relative_to(ROOT)}", flush=True)


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


def http_get(url, timeout=30):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """gunicorn with gunicorn.conf.py on 127.0.0.1, its logs in a file; stopped on exit."""

    def __init__(
        self, env, log_path, page_cache, cache_dir, spare_ports, extra_args=(), workers=WORKERS
    ):
        self.extra_args = list(extra_args)
        self.workers = workers  # through WEB_CONCURRENCY, as gunicorn.conf.py reads it
        # Sync workers close every connection, which leaves thousands in TIME_WAIT on the
        # server's side; a new connection that lands on one of them may stall for a second.
        # Each wrk run gets a port of its own, so that no run inherits the previous one's.
        self.port, *self.spare_ports = free_ports(1 + spare_ports)
        self.env = dict(env, PAGE_CACHE="1" if page_cache else "0", CACHE_DIR=str(cache_dir))
        self.env["PORT"] = str(self.port)
        self.env["WEB_CONCURRENCY"] = str(workers)
        self.log_path = log_path
        self.process = None

    @property
    def base(self):
        return f"http://{HOST}:{self.port}"

    def __enter__(self):
        command = [str(BIN / "gunicorn"), "campus.wsgi:application", "-c", "gunicorn.conf.py"]
        for port in [self.port, *self.spare_ports]:
            command += ["--bind", f"{HOST}:{port}"]
        command += self.extra_args
        self.log = open(self.log_path, "ab")  # noqa: SIM115  (closed in __exit__)
        self.process = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited at start; see {self.log_path}")
            with contextlib.suppress(OSError):
                status, _headers, _body = http_get(self.base + "/healthz/", timeout=5)
                if status == 200 and len(self.worker_pids()) >= self.workers:
                    return self
            time.sleep(0.25)
        raise BenchError(f"gunicorn did not answer /healthz/ within 60 s; see {self.log_path}")

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

    def log_size(self):
        self.log.flush()
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log.close()
        return False


def wrk(url, seconds, connections, timeout_s=10):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s"]
    command += ["--latency", url]
    try:
        done = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, timeout=seconds + timeout_s + 30
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"wrk did not finish: {' '.join(command)}") from error
    if done.returncode != 0:
        raise BenchError(f"wrk failed on {url}: {done.stderr.strip() or done.stdout[-300:]}")
    return parse_wrk(done.stdout), done.stdout


def measure_url(server, name, path, args, expect_hit):
    url = server.base + path
    status, headers, body = http_get(url)
    if status != 200:
        raise BenchError(f"{name} ({path}) answered {status}, not 200")
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
        raise BenchError(
            f"{name}: the server logged errors under load (see {server.log_path}):\n"
            + "\n".join(problems[:5])
        )
    errors = sum(figures["socket_errors"].values())
    if figures["non_2xx_3xx"] or errors:
        raise BenchError(
            f"{name}: {figures['non_2xx_3xx']} error responses, socket errors "
            f"{figures['socket_errors']} under load:\n{raw}"
        )
    bad = {key: count for key, count in statuses.items() if key[1] != 200}
    if bad:
        raise BenchError(f"{name}: answers other than 200 under load: {bad}")
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


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def asset_sizes(base, html):
    assets = page_assets(html)
    sizes = {"css": {}, "js": {}}
    todo = [("css", url) for url in assets["css"]] + [("js", url) for url in assets["js"]]
    while todo:
        kind, url = todo.pop(0)
        full = urllib.request.urljoin(base + "/", url)
        if not full.startswith(base):
            raise BenchError(f"the home page loads {url} from another host")
        if full in sizes[kind]:
            continue
        status, _headers, body = http_get(full)
        if status != 200:
            raise BenchError(f"{url} answered {status}")
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


def cache_backend(env):
    if env.get("REDIS_URL"):
        return f"Redis at {env['REDIS_URL']}"
    return "file cache (CACHE_DIR, shared by the workers)"


REFERENCE = (
    "Reference, Wagtail bakerydemo on the same kind of 2-core machine (gunicorn, 2 sync "
    "workers, SQLite): home 41 req/s, blog index 65, blog post 85 (48/30/23 ms CPU per "
    "request); a static file through the same gunicorn + whitenoise ~3,500 req/s."
)


def bench(args):
    started = time.monotonic()
    if not shutil.which("wrk"):
        raise BenchError(
            "wrk is not installed: `sudo apt-get install wrk` (Debian/Ubuntu), "
            "then run `make bench` again"
        )
    work = BENCH_DIR / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    log = work / "setup.log"
    env = base_env(work)
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    load_start = os.getloadavg()
    print(f"Benchmark in {work.relative_to(ROOT)} (logs there)", flush=True)
    prepare_site(work, env, log, args.fresh_seed)
    run(
        [str(BIN / "python"), SCRIPT, "_measure", str(work / "pages.json")],
        dict(env, CACHE_DIR=str(work / "cache-measure")),
        600,
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


def django_setup():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def add_site_arguments(parser, redis_variable, results_file):
    """The options of the throwaway site and server, shared with scripts/load.py."""
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
    """``function(args)``, stopped after ``limit`` seconds; 1 and the reason on a BenchError."""

    def too_long(_signum, _frame):
        raise BenchError(f"{what} took more than {limit} s")

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(limit)
    try:
        return function(args) or 0
    except BenchError as error:
        print(f"\n{broken}: {error}", file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_seed"]:
        django_setup()
        seed()
        return 0
    if argv[:1] == ["_warm"]:
        django_setup()
        _render_all([page["url"] for page in pick_pages()] + ["/en/", "/en/news/"])
        return 0
    if argv[:1] == ["_measure"]:
        django_setup()
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
