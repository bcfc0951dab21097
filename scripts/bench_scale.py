"""``make bench-scale``: what each page costs on the large sites of ``make bench-data``.

For each site given (``var/bench-data/<N>/``, built by ``make bench-data N=…`` first), with
the production settings and the full-page cache off, in-process (Django's test client):
every page whose cost could grow with the archive, cold (every cache cleared before the
request: the first visitor after a publication) and warm (the fragment caches filled), in
server CPU milliseconds (the process's CPU time, the best of ``--repeat`` requests) and SQL
queries. With several sites, the growth ratio of the largest against the smallest.

    python -m scripts.bench_scale var/bench-data/100 var/bench-data/10000

Run inside Django by itself, once per site (``--site``); the parent prints the table.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from scripts import throwaway
from scripts.throwaway import PYTHON, ROOT, RunError

# (name, URL): the French site. The news index's last page, a category and year and a tag
# that have items are found at run time (run_time_url).
PAGES = [
    ("home", "/fr/"),
    ("news index", "/fr/actualites/"),
    ("news index, last page", "last-page"),
    ("news index, category and year", "category-year"),
    ("news index, tag", "tag"),
    ("RSS feed", "/fr/actualites/rss/"),
    ("category feed", "/fr/actualites/rss/actualite/"),
    ("press room", "/fr/espace-presse/"),
    ("search, one word", "/fr/recherche/?q=campus"),
    ("search, three words", "/fr/recherche/?q=donnees+sante+campus"),
    ("search, no result", "/fr/recherche/?q=zyxwvu"),
    ("search, page 2", "/fr/recherche/?q=campus&page=2"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap, French section", "/sitemap-fr.xml"),
]


def measure(client, url, cold, repeat):
    """(best CPU ms, queries, status) of url."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    best = None
    status = None
    queries = 0
    for _ in range(repeat):
        if cold:
            for alias in ("default", "renditions"):
                caches[alias].clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(url)
            spent = (time.process_time() - started) * 1000
        status, queries = response.status_code, len(captured)
        best = spent if best is None else min(best, spent)
    return round(best, 1), queries, status


def run_time_url(kind):
    """The URL of a listing that depends on the content: "last-page", "category-year", "tag"."""
    from django.core.paginator import Paginator
    from wagtail.models import Locale

    from news.articles import PAGE_SIZE, news_listing
    from news.models import NewsIndexPage

    fr = Locale.objects.get(language_code="fr")
    index = NewsIndexPage.objects.get(locale=fr).url
    if kind == "last-page":
        return f"{index}?page={Paginator(news_listing(fr.pk), PAGE_SIZE).num_pages}"
    if kind == "category-year":
        item = news_listing(fr.pk).filter(category__isnull=False).first()
        return f"{index}?category={item.category.slug}&year={item.sort_date.year}"
    item = news_listing(fr.pk).filter(tags__isnull=False).first()
    return f"{index}?tag={item.tags.first().slug}"


def measure_site(repeat=3, pages=PAGES):
    """{page name: {url, cold: [ms, queries], warm: [ms, queries], status}}, inside Django."""
    from django.test import Client

    from news.models import NewsPage

    client = Client(HTTP_HOST=throwaway.HOST)
    results = {"news_items": NewsPage.objects.live().filter(locale__language_code="fr").count()}
    for name, url in pages:
        url = url if url.startswith("/") else run_time_url(url)
        cold_ms, cold_queries, status = measure(client, url, True, repeat)
        warm_ms, warm_queries, _status = measure(client, url, False, repeat)
        results[name] = {
            "url": url,
            "status": status,
            "cold": [cold_ms, cold_queries],
            "warm": [warm_ms, warm_queries],
        }
    return results


def run_site(folder, repeat):
    """measure_site in a process of its own, against the site in folder."""
    folder = Path(folder).resolve()
    database = folder / "campus.sqlite3"
    if not database.exists():
        raise RunError(f"no site in {folder}: `make bench-data N=…` first")
    env = throwaway.environment(
        folder,
        database_url=f"sqlite:///{database}",
        PAGE_CACHE="0",
        CACHE_DIR=str(folder / "cache"),
    )
    if not (folder / "static" / "staticfiles.json").exists():  # the production storage's manifest
        log = folder / "bench-scale.log"
        throwaway.manage(env, "collectstatic", "--noinput", "-v", "0", log=log, quiet=True)
    command = [PYTHON, "-m", "scripts.bench_scale", "--site", str(folder), "--repeat", str(repeat)]
    done = subprocess.run(  # noqa: S603  (our own command)
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False
    )
    if done.returncode != 0:
        raise RunError(f"measuring {folder} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(sites):
    """The lines of the report: one row per page, cold and warm for each site, the ratio."""
    names = [name for name, _url in PAGES]
    header = ["page"] + [f"{sites[s]['news_items']} items: cold / warm" for s in sites]
    if len(sites) > 1:
        header.append("growth, cold")
    lines = [" | ".join(header)]
    for name in names:
        row = [name]
        for site in sites.values():
            page = site[name]
            (cold, cold_q), (warm, warm_q) = page["cold"], page["warm"]
            mark = "" if page["status"] == 200 else f" ({page['status']})"
            row.append(f"{cold} ms, {cold_q} q / {warm} ms, {warm_q} q{mark}")
        if len(sites) > 1:
            first, last = list(sites.values())[0][name], list(sites.values())[-1][name]
            row.append(f"{last['cold'][0] / max(first['cold'][0], 0.1):.1f}×")
        lines.append(" | ".join(row))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench_scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sites", nargs="*", help="folders of make bench-data")
    parser.add_argument("--repeat", type=int, default=3, help="requests per measure (best kept)")
    parser.add_argument("--site", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--json", type=Path, help="write the results there too")
    args = parser.parse_args(argv)
    if args.site:
        import django

        django.setup()
        print(json.dumps(measure_site(args.repeat)))
        return 0
    if not args.sites:
        parser.error("give at least one folder of make bench-data (var/bench-data/<N>)")
    try:
        measured = {folder: run_site(folder, args.repeat) for folder in args.sites}
        # Smallest first: the growth is the largest site against it.
        sites = dict(sorted(measured.items(), key=lambda item: item[1]["news_items"]))
    except RunError as error:
        print(f"bench-scale failed: {error}", file=sys.stderr)
        return 1
    print("\n".join(table(sites)))
    if args.json:
        args.json.write_text(json.dumps(sites, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
